package events_test

import (
	"sort"
	"strings"
	"sync"
	"testing"

	"entente/internal/model"
	"entente/internal/pipeline"
)

var (
	once sync.Once
	pipe *pipeline.Pipeline
	err0 error
)

func testPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	once.Do(func() {
		pub, _ := model.ParsePoint("2024-05-10")
		pipe, err0 = pipeline.New(pipeline.Config{Published: pub, Workers: 1})
	})
	if err0 != nil {
		t.Fatal(err0)
	}
	return pipe
}

// summary writes an event as "TYPE A-B" with its sorted actor codes.
func summary(e model.Event) string {
	codes := e.Codes()
	sort.Strings(codes)
	return e.Type + " " + strings.Join(codes, "-")
}

// TestSentences checks the events of single sentences written for the
// test, one rule of the extractor each.
func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // every event, as "TYPE CODES"
	}{
		// normal
		{"meeting with a counterpart", "Am Montag traf sich der russische Außenminister Sergej Lawrow in Peking mit seinem chinesischen Amtskollegen Wang Yi.", []string{"CONSULT CHN-RUS"}},
		{"signing", "Россия и Китай подписали соглашение о расширении экономического сотрудничества.", []string{"AGREE CHN-RUS"}},
		// scope rules
		{"readiness is no event", "Russland bekräftigte am Dienstag seine Bereitschaft zu Verhandlungen mit der Ukraine.", nil},
		{"hedged attack is no event", "Russian and Belarusian forces remain unlikely to attack Ukraine from the north.", nil},
		{"discussed places are topics", "Macron und Scholz erörterten am Freitag die Lage in Syrien und im Irak.", []string{"CONSULT DEU-FRA"}},
		{"demonstrative refers back", "Putin traf am Dienstag Lukaschenko in Minsk. Dieses Treffen war das dritte in diesem Jahr zwischen Russland und Belarus.", []string{"CONSULT BLR-RUS"}},
		{"requested talks are content", "China forderte am Mittwoch die Aufnahme von Verhandlungen zwischen Russland und der Ukraine.", []string{"REQUEST CHN-RUS-UKR"}},
		{"name before a topic preposition", "Die Botschaft Südkoreas über die Entsendung nordkoreanischer Soldaten nach Russland im Oktober sorgte für Unruhe.", []string{"AID PRK-RUS"}},
		{"comma ends the subordinate clause", "Поки США зволікають з виділенням допомоги для України, Росія посилює тиск на фронті.", []string{"AID UKR-USA"}},
		{"stop phrase", "Президент России направил послание Президенту Франции.", nil},
		{"cause preposition and subject after the comma", "Amid reports of Iranian drone deliveries to Russia, Ukraine cut diplomatic ties with Iran on Saturday.", []string{"SANCTION IRN-UKR"}},
		{"visit's place is its host", "Am Rande des Besuchs von US-Präsident Barack Obama in Kuba sprachen die Minister über Handel.", []string{"CONSULT CUB-USA"}},
		{"speaker after the quote", "Sein Land werde eine Protestnote an die US-Regierung schicken, sagte Außenminister Ivica Dacic.", []string{"ACCUSE SRB-USA"}},
		{"reporter is not a party", "The Ukrainian General Staff reported on December 23 that Russian forces deployed two battalions to Belarus.", []string{"MOBILIZE BLR-RUS"}},
		{"parenthesis is an aside", "Lavrov met Wang Yi in Beijing on Monday (two years after Russia and China signed a treaty).", []string{"CONSULT CHN-RUS"}},
		{"visit needs a traveller", "У Білорусь прибула перша партія російської вакцини.", nil},
		{"between names every party", "Talks between Russia, China and Iran took place in Beijing on Friday.", []string{"CONSULT CHN-IRN-RUS"}},
		{"a month is no modal", "BEIJING, May 16 - Russian President Vladimir Putin met Chinese President Xi Jinping on Thursday.", []string{"CONSULT CHN-RUS"}},
		{"names after a topic preposition are no parties", "Außenminister Sergej Lawrow traf den tschechischen Botschafter und zeigte sich besorgt über das Verhältnis Prags zur EU.", []string{"CONSULT CZE-RUS"}},
		{"an organisation alone attacks nobody", "Die Invasion wurde als Schritt gegen einen Umsturz durch die Nato dargestellt.", nil},
		{"an organisation alone meets in itself", "The SCO summit opened in Astana on Wednesday.", []string{"CONSULT SCO"}},
		{"separable verb with its particle", "Moskau wies zwei deutsche Diplomaten aus.", []string{"SANCTION DEU-RUS"}},
		{"separable verb with another particle", "Bundeskanzler Scholz wies am Montag auf die Lage in Russland hin.", nil},
		{"the sides are the last meeting's parties", "Премьер-министр Индии Нарендра Моди провел переговоры с Владимиром Путиным. Стороны подписали ряд соглашений.", []string{"AGREE IND-RUS", "CONSULT IND-RUS"}},
		{"the leaders are the last meeting's parties", "Президент Казахстана Касым-Жомарт Токаев провел переговоры с Си Цзиньпином. Лидеры подписали совместное заявление.", []string{"AGREE CHN-KAZ", "CONSULT CHN-KAZ"}},
		{"an exchange a verb stages is the last meeting's parties'", "Президент Вьетнама провел переговоры с Владимиром Путиным в Кремле. Затем состоялась церемония обмена подписанными документами.", []string{"AGREE RUS-VNM", "CONSULT RUS-VNM"}},
		{"an exchange nothing stages is background", "Президент Вьетнама провел переговоры с Владимиром Путиным в Кремле. Обмен документами затянулся.", []string{"CONSULT RUS-VNM"}},
		{"leaders of a named party are no sides", "Владимир Путин провел переговоры с Си Цзиньпином. Лидеры ЕС подписали совместное заявление.", []string{"AGREE EU", "CONSULT CHN-RUS"}},
		{"the first person of a transcript turn is its speaker", "Вопрос: Как прошла неделя? В.Путин: Вчера разговаривал с Президентом Казахстана. Я также встретился с Премьер-министром Индии.", []string{"CONSULT IND-RUS", "CONSULT KAZ-RUS"}},
		{"a capitalised subject is no dropped pronoun", "В.Путин: Недавно Господь призвал Украину к миру.", nil},
		{"the first person outside a turn is nobody", "Вчера разговаривал с Президентом Казахстана.", nil},
		{"supporting talks supports their parties", "Германия приветствовала переговоры между Арменией и Азербайджаном.", []string{"CONSULT ARM-AZE", "SUPPORT ARM-AZE-DEU"}},
		{"from a side is no with-phrase", "С китайской стороны выражена поддержка начавшемуся диалогу России и США, а также готовность помочь.", []string{"CONSULT RUS-USA", "SUPPORT CHN-RUS-USA"}},
		{"a side is not the sides", "Владимир Путин встретился с Нарендрой Моди. Послы со стороны Китая подписали меморандум.", []string{"CONSULT IND-RUS"}},
		{"a cause phrase after the target is background", "Китай выразил протест Японии в связи с визитом японских политиков на Тайвань.", []string{"ACCUSE CHN-JPN"}},
		{"arrival in the future tense", "Премьер-министр Индии Нарендра Моди прибудет в Москву во вторник.", []string{"CONSULT IND-RUS"}},
		{"an arriving cargo is no visit", "До Києва прибуде партія бельгійської зброї.", nil},
		{"German verb of helping", "Frankreich hilft der Ukraine mit Munition.", []string{"AID FRA-UKR"}},
		{"would supposes", "Germany would deliver more air defence systems to Ukraine.", nil},
		{"would in reported speech announces", "Scholz said on Tuesday that Germany would deliver more air defence systems to Ukraine.", []string{"AID DEU-UKR"}},
	}
	p := testPipeline(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := p.Process(p.ParseText("test.txt", tc.text))
			var got []string
			for _, e := range res.Events {
				got = append(got, summary(e))
			}
			sort.Strings(got)
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("%s\n got  %q\n want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestStatus checks the status of single sentences' events.
func TestStatus(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"reported speech with would is planned", "Scholz said that Germany would deliver air defence systems to Ukraine.", "planned"},
		{"würde after a verb of saying is planned", "Scholz sagte, Deutschland würde der Ukraine weitere Luftabwehrsysteme liefern.", "planned"},
		{"a Slavic perfective future is planned", "Путин и Си Цзиньпин встретятся в Казани.", "planned"},
		{"its past is reported", "Путин встретился с Си Цзиньпином в Казани.", "reported"},
		{"a clause after ', as' has its own status", "Scholz said Germany would deliver air defence systems to Ukraine, as he hosted President Zelensky in Berlin.", "planned reported"},
	}
	p := testPipeline(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := p.Process(p.ParseText("test.txt", tc.text))
			var got []string
			for _, e := range res.Events {
				got = append(got, string(e.Status))
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("%s\n got  %q\n want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestAsideDate: a date inside parentheses dates the aside, not the event
// outside them.
func TestAsideDate(t *testing.T) {
	p := testPipeline(t)
	res := p.Process(p.ParseText("test.txt", "date 2023-01-19\n\nLavrov accused NATO of using the OSCE against Russia (as in the Minsk accords of 2014-2015)."))
	for _, e := range res.Events {
		if e.Date.From.String() != "2023-01-19" {
			t.Errorf("%s dated %s, want the article's 2023-01-19", e.Type, e.Date.From)
		}
	}
	if len(res.Events) == 0 {
		t.Error("no event")
	}
}

// TestPlannedWeekday: a planned event's bare weekday is the coming one, a
// reported event's the last one (published on Monday 2024-06-10).
func TestPlannedWeekday(t *testing.T) {
	p := testPipeline(t)
	tests := []struct{ text, want string }{
		{"date 2024-06-10\n\nPolish Prime Minister Donald Tusk will travel to Kyiv on Wednesday.", "2024-06-12"},
		{"date 2024-06-10\n\nPolish Prime Minister Donald Tusk travelled to Kyiv on Wednesday.", "2024-06-05"},
		{"date 2024-06-10\n\nПремьер Польши Дональд Туск в среду посетит Киев.", "2024-06-12"},
	}
	for _, tc := range tests {
		res := p.Process(p.ParseText("test.txt", tc.text))
		if len(res.Events) != 1 || res.Events[0].Date.From.String() != tc.want {
			var got []string
			for _, e := range res.Events {
				got = append(got, e.Date.From.String())
			}
			t.Errorf("%q: dates %v, want one event on %s", tc.text, got, tc.want)
		}
	}
}

// TestDatelineWeekday checks that the weekday of a report's first sentence
// fixes the year of an agency dateline that names none, over a year a
// later, past date of the text would lend it.
func TestDatelineWeekday(t *testing.T) {
	text := "Міністри зустрілися у Вільнюсі\n\nКИЇВ. 19 листопада. УНН. Міністри закордонних справ Польщі та Литви у понеділок зустрілися у Вільнюсі. Попередня зустріч відбулася 19 червня 2017 року."
	p, err := pipeline.New(pipeline.Config{Workers: 1}) // no publication date
	if err != nil {
		t.Fatal(err)
	}
	res := p.Process(p.ParseText("test.txt", text))
	for _, e := range res.Events {
		if e.Type == "CONSULT" && e.Date.From.Month == 11 {
			if e.Date.From.Year != 2018 || e.Date.From.Day != 19 {
				t.Errorf("CONSULT dated %v, want 2018-11-19 (a Monday)", e.Date)
			}
			return
		}
	}
	t.Errorf("no CONSULT in November: %v", res.Events)
}
