package link_test

import "testing"

// linkCase is a text and whether a mention in it links to the entity id;
// twice, with twice set: the name and a later title that refers back.
type linkCase struct {
	lang, text, id string
	want           bool
}

// checkLinks runs each case as one document dated date.
func checkLinks(t *testing.T, date string, twice bool, cases []linkCase) {
	t.Helper()
	for _, tt := range cases {
		ms := mentions(t, tt.lang, date, tt.text)
		n := 0
		for _, m := range ms {
			if m.ID == tt.id {
				n++
			}
		}
		got := n > 0
		if twice {
			got = n == 2
		}
		if got != tt.want {
			_, all := linksTo(ms, tt.id)
			t.Errorf("%s %q: %s linked %d times, want linked (twice: %v) = %v; mentions %v", tt.lang, tt.text, tt.id, n, twice, tt.want, all)
		}
	}
}

// TestNameAfterPlacePhrase: a family name right after a place in a
// prepositional phrase begins a new name ("In Moscow Putin met …"); it is
// not the tail of an unknown longer name, as it would be after another
// capitalised word.
func TestNameAfterPlacePhrase(t *testing.T) {
	checkLinks(t, "2024-05-10", false, []linkCase{
		{"en", "In Moscow Putin met Xi Jinping on Monday.", "vladimir-putin", true},
		{"ru", "В Москве Путин встретился с Си Цзиньпином.", "vladimir-putin", true},
		{"uk", "У Києві Зеленський зустрівся з Шольцом.", "volodymyr-zelensky", true},
		{"de", "In Moskau traf Putin am Montag Xi Jinping.", "vladimir-putin", true},
		{"en", "From Berlin Scholz flew to Washington.", "olaf-scholz", true},
		// An unknown given name between the place and the family name
		// still makes a longer name that the knowledge base does not know.
		{"en", "In Moscow Dmitri Putin, a teacher, spoke.", "vladimir-putin", false},
		// A place not in a phrase is no boundary either.
		{"en", "The Moscow Putin museum opened.", "vladimir-putin", false},
	})
}

// TestDefiniteTitle: a title alone ("the minister", "der Minister",
// "министр") names the one person of that office named before in the
// document, and nobody when none or several fit, when it may be plural, or
// when an indefinite article comes before it.
func TestDefiniteTitle(t *testing.T) {
	checkLinks(t, "2024-05-10", true, []linkCase{
		{"en", "Foreign Minister Sergei Lavrov landed. The minister met reporters.", "sergei-lavrov", true},
		{"en", "Sergei Lavrov landed. The foreign minister met reporters.", "sergei-lavrov", true},
		{"en", "Sergei Lavrov landed. Later the minister spoke.", "sergei-lavrov", true},
		{"de", "Sergej Lawrow landete am Montag. Der Minister traf dann Journalisten.", "sergei-lavrov", true},
		{"ru", "Сергей Лавров прилетел в Анкару. Самолёт министра приземлился вечером.", "sergei-lavrov", true},
		{"uk", "Сергій Лавров прилетів до Анкари. Міністр зустрівся з журналістами.", "sergei-lavrov", true},
		{"en", "Vladimir Putin arrived. The head of state spoke.", "vladimir-putin", true},
		// Prefer no link over a wrong one.
		{"en", "The minister met reporters. Sergei Lavrov landed.", "sergei-lavrov", false},
		{"en", "Sergei Lavrov landed. The ministers met reporters.", "sergei-lavrov", false},
		{"en", "Sergei Lavrov landed. A minister met reporters.", "sergei-lavrov", false},
		{"de", "Sergej Lawrow landete am Montag. Die Minister trafen dann Journalisten.", "sergei-lavrov", false},
		{"ru", "Сергей Лавров прилетел в Анкару. Министры встретились с журналистами.", "sergei-lavrov", false},
		{"uk", "Сергій Лавров прилетів до Анкари. Міністри зустрілися з журналістами.", "sergei-lavrov", false},
		{"en", "Sergei Lavrov landed. The minister of culture met reporters.", "sergei-lavrov", false},
		{"de", "Sergej Lawrow landete am Montag. Der Minister für Kultur traf Journalisten.", "sergei-lavrov", false},
		{"en", "Sergei Lavrov landed. The prime minister met reporters.", "sergei-lavrov", false},
	})
}

// TestDefiniteTitleTwoFit: with two foreign ministers named, "the
// minister" names neither.
func TestDefiniteTitleTwoFit(t *testing.T) {
	ms := mentions(t, "en", "2024-05-10", "Sergei Lavrov met Wang Yi. The minister then spoke to reporters.")
	for _, m := range ms {
		if m.Text == "minister" {
			t.Errorf("the minister linked to %s (%v) with two ministers named", m.ID, m.Why)
		}
	}
}

// TestTitleOfStateNamedBefore: a title with its state that the date does
// not settle (no date, or several holders) names the one person of that
// office and state the document named before.
func TestTitleOfStateNamedBefore(t *testing.T) {
	checkLinks(t, "", true, []linkCase{
		{"ru", "Президент США Джо Байден выступил в Конгрессе. Позже президент США объявил о помощи.", "joe-biden", true},
		{"en", "US President Joe Biden spoke to Congress. Later the US president announced aid.", "joe-biden", true},
		{"de", "US-Präsident Joe Biden sprach vor dem Kongress. Später sprach der US-Präsident über Hilfe.", "joe-biden", true},
		{"uk", "Президент США Джо Байден виступив у Конгресі. Пізніше президент США оголосив про допомогу.", "joe-biden", true},
		// Two presidents of the state named: which one is open.
		{"ru", "Джо Байден и Дональд Трамп выступили в Конгрессе. Позже президент США объявил о помощи.", "joe-biden", false},
	})
}

// TestLeaderAndOtherBody: "leader" names the head of government where the
// head of state does not lead (roles.yaml office_in), and a title that an
// of-phrase gives to another body ("Chairman of the Joint Chiefs") names
// no holder of the plain office.
func TestLeaderAndOtherBody(t *testing.T) {
	checkLinks(t, "2024-07-18", false, []linkCase{
		{"en", "the German leader arrived", "olaf-scholz", true},
		{"en", "the German leader arrived", "frank-walter-steinmeier", false},
		{"en", "the Japanese leader arrived", "fumio-kishida", true},
		{"ru", "лидер Японии прибыл", "fumio-kishida", true},
		{"en", "the Chinese leader arrived", "xi-jinping", true},
		{"uk", "лідер Китаю прибув", "xi-jinping", true},
		{"en", "the German head of state arrived", "frank-walter-steinmeier", true},
		{"en", "US Chairman of the Joint Chiefs Gen. CQ Brown arrived", "joe-biden", false},
		{"en", "US Chairman of the Joint Chiefs Gen. CQ Brown arrived", "charles-q-brown", true},
		{"en", "the President of Russia arrived", "vladimir-putin", true},
		{"en", "the President of the European Commission arrived", "ursula-von-der-leyen", true},
	})
}

// TestDeclinedNamesAndJoinedParticles: German adjectives inside a name
// decline after an article ("der Europäischen Union"), and a family name
// joined to its particle ("Omar al-Bashir") is also called without it.
func TestDeclinedNamesAndJoinedParticles(t *testing.T) {
	checkLinks(t, "2015-06-14", false, []linkCase{
		{"de", "ein Gipfel der Afrikanischen Union", "org:au", true},
		{"de", "ein Treffen der Arabischen Liga", "org:las", true},
		{"de", "mit den Vereinten Nationen", "org:un", true},
		{"de", "Präsident der Russischen Föderation", "state:RUS", true},
		{"de", "ein Sprecher der Europäischen Kommission", "org:eu-commission", true},
		// Strong -er and -es endings: -e after the nominative article, -en elsewhere.
		{"de", "Der Internationale Strafgerichtshof forderte", "org:icc", true},
		{"de", "ein Haftbefehl des Internationalen Strafgerichtshofs", "org:icc", true},
		{"de", "das Treffen im Weißen Haus", "body:white-house", true},
		{"de", "Das Vereinigte Königreich trat aus", "state:GBR", true},
	})
	checkLinks(t, "2015-06-14", true, []linkCase{
		{"de", "Omar al-Bashir kam an. Bashir sprach.", "omar-al-bashir", true},
		{"en", "Omar al-Bashir arrived. Later Bashir spoke.", "omar-al-bashir", true},
		{"ru", "Омар аль-Башир прибыл. Позже Башир выступил.", "omar-al-bashir", true},
	})
}

// TestCounterpart: "his Japanese counterpart" is the holder, for Japan, of
// the office of the person named before it in the sentence.
func TestCounterpart(t *testing.T) {
	checkLinks(t, "2024-07-28", false, []linkCase{
		{"en", "US Defense Secretary Lloyd Austin met his Japanese counterpart.", "minoru-kihara", true},
		{"en", "Lloyd Austin met his Japanese and South Korean counterparts.", "shin-won-sik", true},
		{"en", "Sergei Lavrov spoke with his Chinese counterpart.", "wang-yi", true},
		{"ru", "Лавров провёл переговоры с китайским коллегой.", "wang-yi", true},
		{"uk", "Лавров провів переговори з китайським колегою.", "wang-yi", true},
		{"de", "Lawrow traf seinen chinesischen Amtskollegen.", "wang-yi", true},
		// The possessor in an earlier sentence: the person named last.
		{"en", "Sergei Lavrov arrived in Beijing. He met his Chinese counterpart.", "wang-yi", true},
		{"ru", "Сергей Лавров прибыл в Пекин. Он провёл переговоры с китайским коллегой.", "wang-yi", true},
		// Nobody named before it: the state only.
		{"en", "The talks with the Chinese counterpart went well.", "wang-yi", false},
	})
}

// TestEventWordIsNoName: a capitalised German event noun after a title
// ("kündigte der US-Präsident Hilfe an") is no unknown name of its holder.
func TestEventWordIsNoName(t *testing.T) {
	ms := mentions(t, "de", "2024-05-10", "Später kündigte der US-Präsident Hilfe an.")
	found := false
	for _, m := range ms {
		if m.ID == "joe-biden" {
			found = true
			if m.Text != "US-Präsident" {
				t.Errorf("the title took in %q", m.Text)
			}
		}
	}
	if !found {
		_, all := linksTo(ms, "joe-biden")
		t.Errorf("US-Präsident not linked to Joe Biden: %v", all)
	}
}

// TestBodyInItsSeat: a government or ministry named with the capital or
// state it sits in is that state's body; an embassy or an ambassador there
// is not.
func TestBodyInItsSeat(t *testing.T) {
	for _, tt := range []struct {
		lang, text, code, role string
	}{
		{"de", "Das Außenministerium in Moskau teilte mit", "RUS", "foreign-ministry"},
		{"de", "Die Regierung in Warschau kritisierte", "POL", "government"},
		{"de", "Die international anerkannte Regierung in Libyen forderte", "LBY", "government"},
		{"en", "The government in Kyiv said", "UKR", "government"},
		{"de", "Der syrische Botschafter in Moskau sagte", "SYR", "ambassador"},
	} {
		ms := mentions(t, tt.lang, "2024-05-10", tt.text)
		found := false
		for _, m := range ms {
			if m.Role == tt.role {
				found = true
				if m.Code != tt.code {
					t.Errorf("%q: %s is %s, want %s", tt.text, m.Text, m.Code, tt.code)
				}
			}
		}
		if !found {
			_, all := linksTo(ms, "")
			t.Errorf("%q: no %s: %v", tt.text, tt.role, all)
		}
	}
}

// TestDefinedAbbreviation: an abbreviation in parentheses after a name
// names it later in the document, alone or at the head of a compound, even
// one the knowledge base leaves out as ambiguous ("AU").
func TestDefinedAbbreviation(t *testing.T) {
	checkLinks(t, "2016-02-01", true, []linkCase{
		{"de", "Die Afrikanische Union (AU) tagt. Die AU berät.", "org:au", true},
		{"de", "Die Afrikanische Union (AU) tagt. Der Gipfel am AU-Sitz.", "org:au", true},
	})
	checkLinks(t, "2016-02-01", false, []linkCase{
		{"de", "Die AU berät.", "org:au", false},
	})
}
