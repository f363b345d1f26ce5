package lexicon

import (
	"strings"
	"testing"

	"entente/internal/text"
)

func TestVerbForms(t *testing.T) {
	an, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	stem := func(w string) string { return an.Stem("en", w) }
	tests := []struct {
		entry string
		want  []string
		not   []string
	}{
		{"criticized", []string{"criticize", "criticizes", "criticized", "criticizing"}, []string{"critical", "critic", "criticism"}},
		{"stationed", []string{"station", "stations", "stationing"}, []string{"stationary"}},
		{"trained", []string{"train", "trains", "training"}, []string{"trainer"}},
		{"denied", []string{"deny", "denies", "denying"}, []string{"denial"}},
		{"slammed", []string{"slam", "slams", "slamming"}, nil},
		{"approved", []string{"approve", "approves", "approving"}, []string{"approval"}},
		{"cancelled", []string{"cancel", "cancels", "canceled", "canceling", "cancelling"}, []string{"cancellation"}},
		{"pressed", []string{"press", "presses", "pressing"}, nil},
		{"agreed", []string{"agree", "agrees", "agreeing"}, []string{"agreement"}},
		{"seeking", []string{"seek", "seeks"}, nil},
		{"fired", []string{"fire", "fires", "firing"}, []string{"fir", "firs"}},
		{"withdraw", []string{"withdraws", "withdrawing"}, []string{"withdrawal"}},
		{"met", []string{"met"}, []string{"meeting"}},
		{"freed", []string{"freed"}, []string{"free"}},
	}
	for _, tt := range tests {
		t.Run(tt.entry, func(t *testing.T) {
			forms := verbForms(tt.entry, stem)
			for _, w := range tt.want {
				if forms[w] == 0 {
					t.Errorf("%q: no form %q", tt.entry, w)
				}
			}
			for _, w := range tt.not {
				if forms[w] != 0 {
					t.Errorf("%q: %q is no form of the verb", tt.entry, w)
				}
			}
		})
	}
}

func TestEnglishTriggers(t *testing.T) {
	an, lx := testLexicon(t)
	tests := []struct {
		name, sent, word string
		want             string // the entry's phrase, "" for none
	}{
		{"verb past", "Moscow criticized the decision.", "criticized", "criticized"},
		{"verb present", "Moscow criticizes the decision.", "criticizes", "criticized"},
		{"verb -ing", "Moscow is criticizing the decision.", "criticizing", "criticized"},
		{"adjective with the verb's stem", "Strikes hit critical infrastructure.", "critical", ""},
		{"verb trained", "Russia trained Ukrainian soldiers.", "trained", "trained"},
		{"verb trains", "Russia trains Belarusian soldiers.", "trains", "trained"},
		{"noun after a determiner", "A train with ammunition arrived.", "train", ""},
		{"noun after a number", "Belarus will send 13 trains with weapons.", "trains", ""},
		{"noun training", "The units lack training grounds.", "training", "trained"},
		{"station as a verb", "Russia stationed troops in Belarus.", "stationed", "stationed"},
		{"capitalised inside a sentence", "It arrived at the Kirovskaya Railway Station in Crimea.", "Station", ""},
		{"capitalised name", "Russia launched Operation Strike in March.", "Strike", ""},
		{"capitalised at the start", "Stationed troops left Belarus.", "Stationed", "stationed"},
		{"capitalised after a colon", "He said: Attacks will continue.", "Attacks", "attack"},
		{"title-case headline", "Russia Attacks Ukrainian Energy Infrastructure Again", "Attacks", "attack"},
		{"noun and verb: noun plural", "Iran accused the West of stoking mass protests.", "protests", "protest"},
		{"noun and verb: verb past", "Iran protested the decision.", "protested", "protested"},
		{"noun and verb: attacked", "Russia attacked Kyiv.", "attacked", "attacked"},
		{"noun and verb: attacks", "Russia continued its attacks on Kyiv.", "attacks", "attack"},
		{"verb base before the nominalisation", "Belarus will deploy troops.", "deploy", "deployed"},
		{"nominalisation", "Belarus announced the deployment of troops.", "deployment", "deployment"},
		{"noun entry matches by stem", "The delegations talked for hours.", "talked", "talks"},
		{"irregular entry", "The ministers met in Minsk.", "met", "met"},
		{"irregular form listed", "Russia gives Belarus weapons.", "gives", "give"},
		{"phrase with a verb", "Kyiv calls on Berlin to act.", "calls", "called on"},
		{"y to ies", "Moscow denies the report.", "denies", "denied"},
		{"doubling", "Kyiv slams the decision.", "slams", "slammed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := an.Tokenize(tt.sent, 0, "en")
			i := -1
			for j, tk := range toks {
				if tk.Text == tt.word {
					i = j
					break
				}
			}
			if i < 0 {
				t.Fatalf("no token %q in %q", tt.word, tt.sent)
			}
			_, ts, ok := lx.TriggerAt("en", toks, i)
			got := ""
			if ok {
				got = ts[0].Phrase
			}
			if !strings.EqualFold(got, tt.want) {
				t.Errorf("TriggerAt(%q in %q) = %q, want %q", tt.word, tt.sent, got, tt.want)
			}
		})
	}
}
