package lexicon

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestTypeBehaviour: the columns of types.tsv that say how a type's
// triggers behave reach the extractor: which marker kinds stand for which
// type, what a type's act made conditional becomes, and which types read a
// reason phrase, mean upkeep before relations or are refusals.
func TestTypeBehaviour(t *testing.T) {
	_, lx := testLexicon(t)
	for kind, want := range map[string]string{Oblige: "REQUEST", Blame: "ACCUSE", CallAs: "ACCUSE", Retort: "THREATEN", Say: ""} {
		got := ""
		if tr := lx.StandsFor(kind); tr != nil {
			got = tr.Type
		}
		if got != want {
			t.Errorf("StandsFor(%s) = %q, want %q", kind, got, want)
		}
	}
	for typ, want := range map[string]string{"ASSAULT": "THREATEN", "SANCTION": "THREATEN", "REJECT": "THREATEN", "CONSULT": "", "AID": ""} {
		got := ""
		if tr := lx.Conditional(typ); tr != nil {
			got = tr.Type
		}
		if got != want {
			t.Errorf("Conditional(%s) = %q, want %q", typ, got, want)
		}
	}
	if !lx.Signs("AGREE", "REQUEST") || lx.Signs("AGREE", "AID") || lx.Signs("REQUEST", "ACCUSE") {
		t.Errorf("Signs: AGREE signs REQUEST %v, AID %v; REQUEST signs ACCUSE %v", lx.Signs("AGREE", "REQUEST"), lx.Signs("AGREE", "AID"), lx.Signs("REQUEST", "ACCUSE"))
	}
	for _, tc := range []struct {
		name string
		is   func(string) bool
		yes  []string
		no   []string
	}{
		{"reason", lx.Reason, []string{"SUPPORT", "ACCUSE"}, []string{"ASSAULT", "CONSULT"}},
		{"upkeep", lx.Upkeep, []string{"SUPPORT"}, []string{"AID", "COOPERATE"}},
		{"refusal", lx.Refusal, []string{"REJECT"}, []string{"REQUEST", "ACCUSE"}},
	} {
		for _, typ := range tc.yes {
			if !tc.is(typ) {
				t.Errorf("%s(%s) = false", tc.name, typ)
			}
		}
		for _, typ := range tc.no {
			if tc.is(typ) {
				t.Errorf("%s(%s) = true", tc.name, typ)
			}
		}
	}
}

// TestTypeBehaviourErrors: a user's types.tsv that names an unknown kind,
// or gives one kind to two types, is refused with its line.
func TestTypeBehaviourErrors(t *testing.T) {
	an, _ := testLexicon(t)
	row := func(typ, standsFor string) string {
		return typ + "\t2\tno\tno\tno\tno\tno\tno\t-\t-\t-\tno\t" + standsFor + "\tno\tno\tno\n"
	}
	for name, tc := range map[string]struct{ file, want string }{
		"unknown kind":       {row("REQUEST", "shout"), `stands_for "shout"`},
		"one kind two types": {row("THREATEN", "oblige"), "stands for REQUEST already"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Load(an, fstest.MapFS{"types.tsv": {Data: []byte(tc.file)}})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}
