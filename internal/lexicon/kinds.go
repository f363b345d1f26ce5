package lexicon

// Marker and syntax kinds that scope an event trigger (see
// data/lexicon/README.md).
const (
	// Stop is the type of a trigger entry that names a phrase which is no
	// event although a shorter trigger starts it ("seeks to", "направил
	// послание"): the longest match wins, so the shorter one is silenced.
	Stop = "-"
	// Modal words of readiness, need or possibility make the event they
	// govern hypothetical ("readiness for talks").
	Modal = "modal"
	// Between introduces all the parties of a meeting or relation noun
	// ("talks between A and B").
	Between = "between"
	// Cause prepositions make the event noun after them background
	// ("amid reports of deliveries", "wegen der Unterstützung").
	Cause = "cause"
	// About is a topic preposition: a name right before it belongs to the
	// noun before it, not to the event noun after it.
	About = "about"
	// Inf marks an infinitive ("zu", "to"): the verb after it has no
	// subject of its own.
	Inf = "inf"
	// Say marks a verb of saying that, after a quote, names its speaker.
	Say = "say"
	// Oblige marks a word of obligation ("must", "muss", "должна",
	// "повинна"): what a speaker says another party must do is his demand
	// of that party (REQUEST), whatever the act.
	Oblige = "oblige"
	// Alleged marks a word that makes the act after it only alleged
	// ("alleged cyberattacks", "mutmaßliche Angriffe", "якобы нанесли"):
	// the text does not assert it.
	Alleged = "alleged"
	// PPForm is the shape of a past participle, an ending ("-t") or a
	// circumfix ("ge…en"): after a future auxiliary that is also the
	// passive's ("wird … unterstützt"), the clause is a passive, not a
	// future.
	PPForm = "ppform"
	// CallAs marks a verb of calling something a name ("called", "nannte",
	// "betrachte … als", "назвал"): with a noun of blame after it, the
	// verb is an accusation.
	CallAs = "callas"
	// Reason marks a preposition that opens what an accusation is for
	// ("criticised Budapest for …", "обвинила Украину в …"): the names
	// after it are no one accused.
	Reason = "reason"
	// Blame marks a predicate of blame ("unacceptable", "inakzeptabel",
	// "недопустимы"): what a speaker says of another party's doings is his
	// accusation of it.
	Blame = "blame"
	// Untrue marks a predicate of falsehood ("не соответствует
	// действительности", "не відповідає дійсності"): what a speaker says of
	// another party's words is his rejection of them (types.tsv
	// stands_for: REJECT).
	Untrue = "untrue"
	// Declare marks a verb of declaring ("declared", "объявил",
	// "erklärte"): the event noun it governs is its act, as a verb.
	Declare = "declare"
	// Relation marks a noun of relations ("relations", "Beziehungen",
	// "отношения"): supporting or keeping them ("підтримує відносини з
	// Іраном") is maintaining ties, no support of a party.
	Relation = "relation"
	// RelPro marks a relative pronoun that is the subject of its clause
	// ("Lawrow, der die Ukraine kritisierte", "Lavrov, who criticised
	// Ukraine", "Лавров, который раскритиковал Украину"): after a comma it
	// opens a clause whose subject is the name before the comma.
	RelPro = "relpro"
	// AttrEnd is the ending of a participle used as an adjective (German
	// "-ten", "-enen": "der von Russland besetzten Gebiete"), written with
	// a dash.
	AttrEnd = "attrend"
	// Claim marks a verb of contested saying ("claimed", "alleged",
	// "behauptete", "утверждает"): a claim that another party did a hostile
	// act (types.tsv charge) is an accusation by the speaker.
	Claim = "claim"
	// Message marks nouns of messages ("letter", "Botschaft", "послание",
	// "телеграмма"): sent, they make a communication (types.tsv
	// message_as), not aid.
	Message = "message"
	// Backshift is a conditional that reported speech uses for the future
	// of the past ("said Germany would deliver", "sagte, man würde
	// liefern"): after a verb of saying it announces, elsewhere it supposes.
	Backshift = "backshift"
	// Comp is a complementiser ("that", "dass", "что"): after a comma or a
	// verb of saying it opens a clause with its own subject.
	Comp = "comp"
	// Sides are phrases that stand for the parties of the meeting reported
	// last ("Стороны подписали", "the two leaders signed"): at the start of
	// a sentence or after ", and" they are its subject (data/lexicon/syntax).
	Sides = "sides"
	// InfEnd is an infinitive ending ("-ть", "-ти"): a Slavic verb with it
	// is an infinitive (data/lexicon/syntax).
	InfEnd = "infend"
	// PartEnd marks the ending of a full-form participle ("-нные",
	// "-вший"): such a verb form modifies a noun and asserts nothing of
	// its own subject.
	PartEnd = "partend"
	// ObjDet marks a determiner of an object case ("den", "dem",
	// "seinen"): a name after it before a final verb is the object.
	ObjDet = "objdet"
	// Aspect verbs assert the infinitive they govern ("continued to
	// shell", "продолжают наносить"); any other governor of an infinitive
	// (purpose, effort, ability, hope) leaves its event unasserted.
	Aspect = "aspect"
	// GerPrep are prepositions after which an English -ing verb names an
	// act as a topic, charge or aim ("accused of aiding", "prevented from
	// attacking"), not as something that happened.
	GerPrep = "gerprep"
	// Stage verbs report that an event named by a noun took place ("held
	// talks", "состоялась встреча", "fand … statt"): they anchor it.
	Stage = "stage"
	// StagePre verbs stage a noun only before it ("had talks", "paid a
	// visit"); after it they are auxiliaries ("the talks had failed").
	StagePre = "stagepre"
	// Recent words date an event noun to the recent past ("recent
	// strikes", "jüngster Luftangriffe", "недавние удары"): they anchor it
	// in time.
	Recent = "recent"
	// Time are prepositions of time ("after", "vor", "после"): a name
	// after one is in a phrase and no subject.
	Time = "time"
	// PlurEnd is the ending of a plural past verb ("-ли"): with no subject
	// it is impersonal ("В Кремле заявили", "у Брюсселі критикували"), and
	// the place named before it speaks (data/lexicon/syntax).
	PlurEnd = "plurend"
	// NomEnd is an ending only the nominative has ("-ая" of a Russian
	// feminine adjective, "-ька" of a Ukrainian one): a name opening with
	// a word in it is a subject, in no prepositional phrase
	// ("в дни годовщины Победы российская сторона объявляет …").
	NomEnd = "nomend"
	// Self is a first person singular pronoun ("я", "меня", "мене"): in
	// a transcript turn it stands for the turn's speaker.
	Self = "self"
	// InstrEnd is an ending of the instrumental case ("-ами", "-ой",
	// "-ою"): a name in it after an event noun, no preposition before it,
	// is the noun's agent ("захват Мариуполя российскими войсками").
	InstrEnd = "instrend"
	// GenEnd is an ending only the genitive has among the cases a
	// with-preposition takes ("-ы", "-ии"): "с китайской стороны" is
	// "from the Chinese side", no with-phrase.
	GenEnd = "genend"
	// SgPast is the ending of a past singular verb ("-л", "-ла"): with no
	// subject in a transcript turn, its subject is the speaker.
	SgPast = "sgpast"
	// Military marks words of arms and troops ("tanks", "Panzer",
	// "войска"): an aid's mode (types.tsv object_modes), and what an
	// attack verb flagged armed needs after it.
	Military = "military"
	// Poss are possessive determiners ("their cooperation", "ihre
	// Zusammenarbeit", "свою поддержку"): an event noun after one, with a
	// subject in its clause, names the subject's own act.
	Poss = "poss"
	// Since opens the start of a span up to now ("since 2016", "seit",
	// "впервые с"): the date after it bounds the event, it does not date
	// it.
	Since = "since"
	// Compound are participles that make a state's adjective in a compound
	// name an agent of another thing ("Russian-brokered ceasefire",
	// "Iranian-made drones"), not a party of the clause's event.
	Compound = "compound"
	// Aside opens a circumstance of the clause's act ("with the support of",
	// "при поддержке", "mit Hilfe"): the event noun in it is no event of its
	// own, and the names after it, up to a comma, are no parties of the
	// clause's event.
	Aside = "aside"
	// Passive auxiliaries make the verb after them passive ("was attacked",
	// "wurde … angegriffen"): the subject undergoes the act.
	Passive = "passive"
	// Agent prepositions name who acts in a passive clause ("by", "von").
	Agent = "agent"
	// Cond opens a condition ("if", "unless", "wenn", "falls", "если",
	// "якщо"): a party's hostile act made conditional on another party's
	// act is a threat (types.tsv conditional, stands_for).
	Cond = "cond"
	// Retort marks a word of response ("retaliate", "respond", "reagieren",
	// "ответ", "відповідь"): in the main clause of a condition it is the
	// act threatened.
	Retort = "retort"
	// Irrealis marks a condition contrary to fact ("would have", "hätte",
	// "бы"): it threatens no one.
	Irrealis = "irrealis"
	// Route marks a topic preposition that also names a route ("über
	// Polen"): before a name it is the route, not a topic.
	Route = "route"
	// Dem are demonstratives: "this meeting" refers back to an event
	// already reported (data/lexicon/syntax).
	Dem = "dem"
	// PlaceNoun marks nouns of a place's part or kind ("Norden",
	// "Hauptstadt"): in German a preposition governs a name across one
	// ("im Norden Syriens"), not across another noun.
	PlaceNoun = "placenoun"
)
