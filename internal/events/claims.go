package events

import (
	"entente/internal/lexicon"
	"entente/internal/model"
)

// Claims: "Russian officials claimed the prisoners died in a Ukrainian
// strike" reports an attack and, as much, Russia accusing Ukraine of it. A
// verb of contested saying (markers kind claim) whose reported clause
// states a hostile act (types.tsv charge) of another party makes the
// speaker — the name nearest before the verb — accuse the act's source.

// claim returns the accusation that an act of the type with sources src,
// read in c, makes when a claim frames its clause, or false. The act need
// not be an event of its own: "claimed the prisoners died in a Ukrainian
// strike" names no target, and "claimed Kyiv is preparing an attack" is
// only planned; the claim is made all the same.
func (x *Extractor) claim(c *clause, st *docState, typ string, src []model.Mention) (model.Event, bool) {
	as := x.lex.Charge(typ)
	if as == "" || len(src) == 0 {
		return model.Event{}, false
	}
	lang, toks := c.lang, c.toks
	at, end := x.claimVerb(c)
	if at < 0 {
		return model.Event{}, false
	}
	speaker := x.claimSpeaker(c, at)
	if speaker == nil {
		return model.Event{}, false
	}
	for _, m := range src {
		if m.Code == speaker.Code {
			return model.Event{}, false // "Russia claimed it struck …": no accusation
		}
	}
	cc := *c
	cc.tr = trigger{start: at, end: end, t: &lexicon.Trigger{Type: as, Phrase: "claim", Pos: "claim"}, text: joinText(toks[at:end])}
	cc.lo, cc.hi = c.clo, c.tr.start
	cc.clo, cc.chi = x.claimClause(lang, toks, at)
	ev, ok := x.event(&cc, st, []model.Mention{*speaker}, src, nil, []string{"claim: " + cc.tr.text + " " + typ + " accuses its source"})
	if !ok || ev.Status != model.StatusReported {
		return model.Event{}, false
	}
	return ev, true
}

// claimSpeaker returns who makes the claim whose verb is at at: the name
// nearest before the verb, in the verb's own clause ("Russian officials
// claimed", "GUR claimed"); nil when none is named.
func (x *Extractor) claimSpeaker(c *clause, at int) *model.Mention {
	var speaker *model.Mention
	for k := range c.in.Mentions {
		m := &c.in.Mentions[k]
		if m.TokEnd > at || m.Code == "" || m.Locative || m.Media || m.Nested || hasComma(c.toks, m.TokEnd, at) {
			continue
		}
		speaker = m
	}
	return speaker
}

// claimed reports whether the trigger's clause is another party's claim
// ("Lavrov falsely claimed that the OSCE agreed …"): what it says the
// text does not assert. A party's claim of its own act ("Kyiv claims its
// military has struck …") reports the act.
func (x *Extractor) claimed(c *clause, src []model.Mention) (string, bool) {
	at, end := x.claimVerb(c)
	if at < 0 {
		return "", false
	}
	if sp := x.claimSpeaker(c, at); sp != nil {
		for _, m := range src {
			if m.Code == sp.Code {
				return "", false
			}
		}
	}
	return joinText(c.toks[at:end]), true
}

// claimVerb returns the claim verb that frames the trigger's clause: it
// ends where the clause begins, or before the comma and complementiser
// that begin it, or stands before the trigger in the same clause
// ("claimed Ukraine shelled the plant"); a claim word after an article is
// an adjective ("an alleged strike"). It returns -1 when there is none.
func (x *Extractor) claimVerb(c *clause) (int, int) { return x.frameVerb(c, lexicon.Claim) }

// frameVerb returns the verb of the marker kind (claim, deny) that frames
// the trigger's clause, as claimVerb describes, or -1.
func (x *Extractor) frameVerb(c *clause, kind string) (int, int) {
	lang, toks := c.lang, c.toks
	for j := c.tr.start - 1; j >= 0; j-- {
		end, kinds := x.lex.MarkersAt(lang, toks, j)
		if end == j || !has(kinds, kind) || end > c.tr.start {
			continue
		}
		if j > 0 && x.lex.HasKind(lang, toks[j-1], lexicon.Det) {
			continue
		}
		// Between the verb and its clause only commas and a
		// complementiser ("claimed that", "утверждает, что").
		k := end
		for k < c.tr.start && (toks[k].Text == "," || x.lex.HasKind(lang, toks[k], lexicon.Comp)) {
			k++
		}
		if !hasComma(toks, k, c.tr.start) && x.kindAfter(lang, toks, k, c.tr.start, lexicon.Conj) < 0 {
			return j, end
		}
		return -1, -1
	}
	return -1, -1
}

// claimClause returns the bounds of the clause the claim verb at j is in:
// from the last comma or semicolon before it to the verb's end.
func (x *Extractor) claimClause(lang string, toks []model.Token, j int) (int, int) {
	lo := j
	for lo > 0 && toks[lo-1].Text != "," && toks[lo-1].Text != ";" {
		lo--
	}
	end, _ := x.lex.MarkersAt(lang, toks, j)
	return lo, end
}
