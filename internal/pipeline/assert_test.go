package pipeline

import (
	"slices"
	"strings"
	"testing"

	"entente/internal/model"
)

// TestAssertion: what a clause asserts. Nouns the text only names are
// background; infinitives report nothing unless an aspect verb governs
// them, and are planned under an intention; a gerund after "of" is the
// charge, not an event. Each sentence stands in the second paragraph of a
// document dated 2024-05-10, after a neutral first one, so that the lead
// paragraph does not anchor it. Sentences written for the test.
func TestAssertion(t *testing.T) {
	filler := map[string]string{
		"en": "The ministry published a statement on its website.",
		"de": "Das Ministerium veröffentlichte eine Erklärung auf seiner Webseite.",
		"ru": "Министерство опубликовало заявление на своем сайте.",
		"uk": "Міністерство оприлюднило заяву на своєму сайті.",
	}
	tests := []struct {
		name, lang, text string
		want             []string // TYPE status, sorted; none for no event
	}{
		// background nouns
		{"possessive noun is background", "en", "Russia's invasion of Ukraine has lasted three years.", nil},
		{"threats of a state are background", "en", "China's threats toward Taiwan worry Japan.", nil},
		{"adjective noun is background", "de", "Die russische Invasion der Ukraine dauert an.", nil},
		{"adjective noun is background, ru", "ru", "Российская агрессия против Украины продолжается.", nil},
		{"adjective noun is background, uk", "uk", "Російська агресія проти України триває.", nil},
		// anchored nouns
		{"with-phrase anchors talks", "en", "Sergei Lavrov held talks with Wang Yi.", []string{"CONSULT reported"}},
		{"staging verb, date and place anchor a meeting", "de", "Am Montag fand in Astana ein Treffen der Außenminister Russlands und Chinas statt.", []string{"CONSULT reported"}},
		{"with-phrase anchors talks, de", "de", "Lawrow führte Gespräche mit Wang Yi.", []string{"CONSULT reported"}},
		{"possessive names the subject's own act", "de", "Russland und China wollen ihre Zusammenarbeit ausbauen.", []string{"COOPERATE planned"}},
		{"staging verb anchors talks, ru", "ru", "В Кремле состоялись переговоры Путина с Си Цзиньпином.", []string{"CONSULT reported"}},
		{"staging verb anchors talks, uk", "uk", "У Києві відбулися переговори Зеленського з Туском.", []string{"CONSULT reported"}},
		// infinitives and gerunds
		{"purpose infinitive", "en", "The Kremlin seeks to force Kyiv to negotiate with Moscow.", nil},
		{"ability infinitive", "en", "Poland is able to supply Ukraine with tanks.", nil},
		{"capacity infinitive", "en", "The United States has the capacity to support Ukraine.", nil},
		{"aspect verb asserts", "en", "Russian forces continued to shell Kharkiv on Tuesday.", []string{"ASSAULT reported"}},
		{"intention makes it planned", "en", "Iran plans to send more drones to Russia.", []string{"AID planned"}},
		{"gerund after of is the charge", "en", "Sergei Lavrov accused Ukraine of attacking Russian villages.", []string{"ACCUSE reported"}},
		{"readiness infinitive, de", "de", "Polen ist bereit, der Ukraine Panzer zu liefern.", nil},
		{"aspect verb asserts, ru", "ru", "Россия продолжает наносить удары по Харькову.", []string{"ASSAULT reported"}},
		{"readiness infinitive, ru", "ru", "Польша готова поставить Украине танки.", nil},
		{"intention makes it planned, ru", "ru", "Путин намерен посетить Китай.", []string{"CONSULT planned"}},
		{"readiness infinitive, uk", "uk", "Польща готова постачати Україні танки.", nil},
		{"aspect verb asserts, uk", "uk", "Росія продовжує обстрілювати Харків.", []string{"ASSAULT reported"}},
	}
	p := testPipeline(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := p.ParseText("t.txt", "date 2024-05-10\n\n"+filler[tt.lang]+"\n\n"+tt.text+"\n")
			r := p.Process(doc)
			var got []string
			for _, e := range r.Events {
				got = append(got, e.Type+" "+e.Status)
			}
			slices.Sort(got)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("%s: got %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestSinceIsNoDate: "their first talks since 2016" are talks of the
// document's day; the year after "since" only bounds them.
func TestSinceIsNoDate(t *testing.T) {
	tests := []struct{ lang, text string }{
		{"en", "Sergei Lavrov and Wang Yi held their first talks since 2016 in Beijing."},
		{"de", "Lawrow und Wang Yi führten in Peking ihre ersten Gespräche seit 2016."},
		{"ru", "Лавров и Ван И впервые с 2016 года провели переговоры в Пекине."},
		{"uk", "Лавров і Ван І вперше з 2016 року провели переговори в Пекіні."},
	}
	p := testPipeline(t)
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			got := eventsOf(p, func(e model.Event) string { return e.Type + " " + e.Date.From.String() }, tt.text)
			if strings.Join(got, "; ") != "CONSULT 2024-05-10" {
				t.Errorf("%s: got %q, want one CONSULT on 2024-05-10", tt.text, got)
			}
		})
	}
}

// TestCompoundAdjective: who made the drones or brokered the ceasefire is
// no party of the attack or the accusation.
func TestCompoundAdjective(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Russian forces struck Odesa with Iranian-made drones on Monday.", "ASSAULT RUS UKR"},
		{"Armenia accused Azerbaijan of violating a Russian-brokered ceasefire.", "ACCUSE ARM AZE"},
	}
	p := testPipeline(t)
	for _, tt := range tests {
		got := eventsOf(p, func(e model.Event) string { return e.Type + " " + strings.Join(e.Codes(), " ") }, tt.text)
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("%s: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestPronounAntecedent: a pronoun in a reported clause stands for the
// speaker who reports it, also when coordinated with a name.
func TestPronounAntecedent(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Alexander Lukashenko stated that he and Vladimir Putin agreed on a joint deployment on Friday.", "AGREE BLR RUS"},
		{"Olaf Scholz said he would meet Xi Jinping in Beijing next week.", "CONSULT CHN DEU"},
	}
	p := testPipeline(t)
	for _, tt := range tests {
		got := eventsOf(p, sortedTypeCodes, "Sergei Lavrov spoke to reporters in Moscow.", tt.text)
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("%s: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestExplainSlots: --explain says in which clause the trigger was read
// and from which argument slot each party came.
func TestExplainSlots(t *testing.T) {
	p, err := New(Config{Explain: true, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	r := p.Process(p.ParseText("t.txt", "date 2024-05-10\n\nSergei Lavrov held talks with Wang Yi in Beijing on Monday, while Russian forces shelled Kharkiv.\n"))
	want := map[string][2]string{
		"CONSULT": {"Sergei Lavrov held talks with Wang Yi in Beijing on Monday,", "Sergei Lavrov: before the trigger; Wang Yi: with-phrase"},
		"ASSAULT": {"while Russian forces shelled Kharkiv.", "Russian forces: before the trigger; Kharkiv: after the trigger"},
	}
	for _, e := range r.Events {
		w, ok := want[e.Type]
		if !ok || len(e.Explain) == 0 {
			t.Errorf("unexpected %s event, or no explanation", e.Type)
			continue
		}
		delete(want, e.Type)
		x := e.Explain[0]
		if x.Clause != w[0] || strings.Join(x.Slots, "; ") != w[1] {
			t.Errorf("%s: clause %q, slots %q; want %q, %q", e.Type, x.Clause, x.Slots, w[0], w[1])
		}
	}
	for typ := range want {
		t.Errorf("no %s event", typ)
	}
}

// TestFrameSpeakerIsNoParty: the person a reporting frame credits
// ("according to", "за словами", "laut") reports the event; he is no
// party of it.
func TestFrameSpeakerIsNoParty(t *testing.T) {
	tests := []struct{ lang, text string }{
		{"en", "According to Antony Blinken, Russia sent troops to Belarus on Monday."},
		{"uk", "За словами Ентоні Блінкена, Росія в понеділок направила війська до Білорусі."},
		{"de", "Laut Antony Blinken hat Russland am Montag Truppen nach Belarus verlegt."},
	}
	p := testPipeline(t)
	for _, tt := range tests {
		r := p.Process(p.ParseText("t.txt", "date 2024-05-10\n\n"+tt.text+"\n"))
		if len(r.Events) == 0 {
			t.Errorf("%s: no event", tt.text)
		}
		for _, e := range r.Events {
			if codes := strings.Join(e.Codes(), " "); codes != "RUS BLR" {
				t.Errorf("%s: %s with %s, want RUS and BLR only", tt.text, e.Type, codes)
			}
		}
	}
}

// TestAsideIsNoEvent: "with the support of B, A attacked C" reports the
// attack of A on C; the support names a circumstance, and B is no party.
func TestAsideIsNoEvent(t *testing.T) {
	tests := []struct{ lang, text string }{
		{"en", "With the support of Belarus, Russia attacked Ukraine on Monday."},
		{"ru", "При поддержке Белоруссии Россия в понедельник атаковала Украину."},
		{"uk", "За підтримки Білорусі Росія в понеділок атакувала Україну."},
	}
	p := testPipeline(t)
	for _, tt := range tests {
		got := eventsOf(p, line, tt.text)
		if want := "RUS>UKR ASSAULT reported 2024-05-06"; strings.Join(got, "; ") != want {
			t.Errorf("%s: got %q, want %q", tt.text, got, want)
		}
	}
}

// TestVerbSecond: in German a fronted adverbial puts the subject after the
// finite verb; it is the source, not a target. A fronted subject stays.
func TestVerbSecond(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Am Montag griff Russland die Ukraine an.", "RUS>UKR ASSAULT reported 2024-05-06"},
		{"Gestern warf China den USA Einmischung vor.", "CHN>USA ACCUSE reported 2024-05-09"},
		{"Mit Unterstützung von Belarus griff Russland am Montag die Ukraine an.", "RUS>UKR ASSAULT reported 2024-05-06"},
		{"Russland griff am Montag die Ukraine an.", "RUS>UKR ASSAULT reported 2024-05-06"},
	}
	p := testPipeline(t)
	for _, tt := range tests {
		got := eventsOf(p, line, "Das Ministerium veröffentlichte eine Erklärung.", tt.text)
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("%s: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// eventsOf processes a document dated Friday 2024-05-10 whose paragraphs
// are given, and returns its events, each written by f, in order.
func eventsOf(p *Pipeline, f func(model.Event) string, paras ...string) []string {
	r := p.Process(p.ParseText("t.txt", "date 2024-05-10\n\n"+strings.Join(paras, "\n\n")+"\n"))
	var out []string
	for _, e := range r.Events {
		out = append(out, f(e))
	}
	return out
}

// line writes an event as model.Event.Line does.
func line(e model.Event) string { return e.Line() }

// sortedTypeCodes writes an event as its type and its sorted codes.
func sortedTypeCodes(e model.Event) string {
	codes := e.Codes()
	slices.Sort(codes)
	return e.Type + " " + strings.Join(codes, " ")
}

// TestSupposedIsNoSource: a sentence that only supposes an event is no
// source of the event another sentence reports; left out before merging,
// it is not cited. Sentences written for the test.
func TestSupposedIsNoSource(t *testing.T) {
	p := testPipeline(t)
	sources := func(e model.Event) string {
		var s []string
		for _, src := range e.Sources {
			s = append(s, src.Sentence)
		}
		return e.Type + ": " + strings.Join(s, " | ")
	}
	// One paragraph: the second sentence takes the first one's date.
	got := eventsOf(p, sources, "Vladimir Putin met Xi Jinping in Beijing on Monday. Putin could meet Xi Jinping again.")
	want := "CONSULT: Vladimir Putin met Xi Jinping in Beijing on Monday."
	if strings.Join(got, "; ") != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestBothCountries: "both countries", "обеих стран", after a title that
// opens the sentence too, stand for the parties of the meeting reported
// last. Sentences written for the test.
func TestBothCountries(t *testing.T) {
	tests := []struct{ meeting, text, want string }{
		{"Sergei Lavrov met Wang Yi in Beijing on Monday.", "Both countries signed an agreement on energy cooperation.", "AGREE CHN RUS"},
		{"Сергей Лавров встретился с Ван И в Пекине в понедельник.", "Министры обеих стран подписали соглашение.", "AGREE CHN RUS"},
		{"Sergej Lawrow traf am Montag in Peking Wang Yi.", "Beide Länder unterzeichneten ein Abkommen.", "AGREE CHN RUS"},
		{"Сергій Лавров зустрівся з Ван І в Пекіні в понеділок.", "Міністри обох країн підписали угоду.", "AGREE CHN RUS"},
	}
	p := testPipeline(t)
	for _, tt := range tests {
		got := eventsOf(p, sortedTypeCodes, tt.meeting, tt.text)
		if !slices.Contains(got, tt.want) {
			t.Errorf("%s: got %q, want %q among them", tt.text, got, tt.want)
		}
	}
}

// TestUnnamedSigners: an agreement verb that names no one, in the
// paragraph of a meeting, is the meeting's parties'; a participle that
// only modifies a noun is not. Sentences written for the test.
func TestUnnamedSigners(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"passive signing after talks", "Владимир Путин провел переговоры с Эмомали Рахмоном в Кремле. По итогам переговоров подписан ряд документов.", true},
		{"passive signing after talks, uk", "Володимир Зеленський провів переговори з Дональдом Туском у Києві. За підсумками переговорів підписано низку документів.", true},
		{"an attributive participle", "Владимир Путин провел переговоры с Эмомали Рахмоном в Кремле. Подписанные соглашения подтверждают этот курс.", false},
	}
	p := testPipeline(t)
	for _, tt := range tests {
		got := eventsOf(p, func(e model.Event) string { return e.Type }, tt.text)
		if slices.Contains(got, "AGREE") != tt.want {
			t.Errorf("%s: got %q, want AGREE %v", tt.name, got, tt.want)
		}
	}
}
