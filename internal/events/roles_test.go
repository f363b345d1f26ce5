package events_test

import (
	"slices"
	"strings"
	"testing"
)

// TestRolesAndStatus checks who acts on whom, the status and the date of
// single sentences' events, written as model.Event.Line: "RUS>USA ACCUSE
// reported 2024-05-10" (source > target), "CHN=RUS CONSULT planned"
// (participants). The documents are published on Friday 2024-05-10, which
// an undated report takes as its date. More sentences, right and wrong, are
// in internal/pipeline/testdata/sentences.
func TestRolesAndStatus(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		// roles
		{"meeting: participants", "Sergei Lavrov met Wang Yi in Beijing on Monday.", []string{"CHN=RUS CONSULT reported 2024-05-06"}},
		{"visit: visitor > host", "Indian Prime Minister Narendra Modi visited Moscow on Tuesday.", []string{"IND>RUS CONSULT/visit reported 2024-05-07"}},
		{"accusation: accuser > accused", "Russia accused the United States of provoking the conflict.", []string{"RUS>USA ACCUSE reported 2024-05-10"}},
		{"request with two targets", "China called on Russia and Ukraine to resume talks.", []string{"CHN>RUS+UKR REQUEST reported 2024-05-10"}},
		{"coordinated sources", "The United States and Britain imposed sanctions on Russia.", []string{"GBR+USA>RUS SANCTION reported 2024-05-10"}},
		{"Russian accusation", "Россия обвинила США в разжигании конфликта.", []string{"RUS>USA ACCUSE reported 2024-05-10"}},
		{"Ukrainian rejection", "Угорщина відхилила пропозицію Німеччини.", []string{"HUN>DEU REJECT reported 2024-05-10"}},
		{"German expulsion", "Moldau wies am Freitag einen russischen Diplomaten aus.", []string{"MDA>RUS SANCTION reported 2024-05-10"}},
		{"shelling a city targets its state", "Russische Truppen beschossen am Sonntag Charkiw.", []string{"RUS>UKR ASSAULT reported 2024-05-05"}},
		// status
		{"negated meeting is none", "Putin did not meet Xi Jinping during the summit.", nil},
		{"negated Russian meeting is none", "Путин не встретился с Си Цзиньпином на саммите.", nil},
		{"negated Ukrainian condemnation is none", "Китай не засудив Росію.", nil},
		{"denied delivery", "Beijing denied supplying weapons to Russia.", []string{"CHN>RUS AID/military denied 2024-05-10"}},
		{"future tense is planned, on the coming Monday", "The foreign ministers of India and China will meet in Delhi on Monday.", []string{"CHN=IND CONSULT planned 2024-05-13"}},
		{"Russian perfective future is planned", "Путин посетит Северную Корею в следующем месяце.", []string{"RUS>PRK CONSULT/visit planned 2024-06"}},
		{"plan is planned", "Germany plans to deliver more tanks to Ukraine.", []string{"DEU>UKR AID/military planned 2024-05-10"}},
		{"could supposes: none", "Russia could attack Moldova if the conflict spreads.", nil},
		{"a German modal supposes: none", "Russland könnte Moldau angreifen, falls sich der Konflikt ausweitet.", nil},
		// reporting frames
		{"a source's frame is no party", "According to the Ukrainian General Staff, Russian forces shelled Odesa on Friday.", []string{"RUS>UKR ASSAULT reported 2024-05-10"}},
	}
	p := testPipeline(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := p.Process(p.ParseText("test.txt", tc.text))
			var got []string
			for i := range res.Events {
				got = append(got, res.Events[i].Line())
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s\n got  %q\n want %q", tc.text, strings.Join(got, "; "), strings.Join(tc.want, "; "))
			}
		})
	}
}
