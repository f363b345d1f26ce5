package events

import (
	"math"
	"strings"

	"entente/internal/model"
)

// Confidence: the probability that a reported event is right, from the
// evidence of its one report. Each piece of evidence is a named feature
// ("noun": the trigger is a noun; "person": a linked person or body is a
// party; "lead": the sentence is in the article's first paragraph; …), and
// the confidence is the logistic function of the bias plus the weights of
// the features present. The weights are data (data/lexicon/confidence.tsv),
// fitted on the development set by scripts/calibrate.py so that among the
// events of confidence c about a share c is right; `make quality` prints
// the calibration table. A fused event keeps the confidence of its best
// report.

// evidence lists the features of an event's report.
func evidence(tr trigger, src, tgt []model.Mention, actors []model.Actor, codes []string, ev *model.Event, rules []string, attrib string, s *model.Sentence) []string {
	f := make([]string, 0, 12)
	add := func(ok bool, name string) {
		if ok {
			f = append(f, name)
		}
	}
	add(tr.t.Noun, "noun")
	add(tr.t.Weak, "weak")
	add(ev.Status == model.StatusPlanned, "planned")
	persons := 0
	for _, a := range actors {
		if (a.Kind == string(model.KindPerson) || a.Kind == string(model.KindBody)) && a.ID != "" {
			persons++
		}
	}
	add(persons >= 1, "person")
	add(persons >= 2, "persons2")
	adj := false
	for _, ms := range [][]model.Mention{src, tgt} {
		for _, m := range ms {
			adj = adj || m.Adj
		}
	}
	add(adj, "adjective")
	add(len(codes) >= 3, "codes3")
	add(!ev.Date.IsZero(), "dated")
	add(attrib != "", "attributed")
	add(s.Para == 0, "lead")
	add(len(s.Tokens) > 40, "long")
	inferred := false
	for _, r := range rules {
		for _, p := range []string{"pronoun ", "speaker ", "shared subject ", "the sides"} {
			inferred = inferred || strings.HasPrefix(r, p)
		}
	}
	add(inferred, "inferred-subject")
	f = append(f, "type:"+ev.Type)
	return f
}

// confidence is the logistic function of the bias and the weights of the
// features.
func (x *Extractor) confidence(feats []string) float64 {
	z := x.lex.Weight("bias")
	for _, f := range feats {
		z += x.lex.Weight(f)
	}
	return 1 / (1 + math.Exp(-z))
}
