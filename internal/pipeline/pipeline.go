// Package pipeline wires entente's stages together and runs them over many
// documents.
//
// In: paths (files, directories, "-" for standard input). Out: per-document
// results (sentences, mentions, events) to a callback, in input order, and
// the events fused across all documents.
//
// For each document, in order: ingest (metadata, body blocks) → clean
// (boilerplate) → langid → text (sentences, tokens) → dates (found per
// sentence, resolved per document) → link (mentions, offices on the date) →
// events (triggers, clauses, per-document merge). Documents are processed by
// a pool of workers; fusion runs on one goroutine in input order, so the
// output is deterministic whatever the number of workers. A document that
// fails is reported to the error callback and the batch goes on.
package pipeline

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"sync"

	"entente/internal/clean"
	"entente/internal/dates"
	"entente/internal/events"
	"entente/internal/fuse"
	"entente/internal/ingest"
	"entente/internal/kb"
	"entente/internal/langid"
	"entente/internal/langs"
	"entente/internal/lexicon"
	"entente/internal/link"
	"entente/internal/model"
	"entente/internal/text"
)

// DefaultMaxDocBytes is the document size limit when Config gives none:
// 10 MB, far above any article, well below what would thrash memory.
const DefaultMaxDocBytes = 10 << 20

// DefaultMinConfidence is the confidence below which the command line
// reports no event unless told otherwise: the confidence is calibrated
// (make quality prints the table), so what is left out is more likely
// wrong than right.
const DefaultMinConfidence = 0.5

// Config says where the data comes from and how to run.
type Config struct {
	// KBFiles are user knowledge-base overlays (--kb), read after the embedded KB.
	KBFiles []string
	// LexiconDirs are user data folders laid out like data/ (--lexicon):
	// lexicon/, text/, dates/, clean/ inside them extend the embedded files.
	LexiconDirs []string
	// Published is the publication date of documents that carry none.
	Published model.Point
	// Explain makes events carry the entries and rules that produced them.
	Explain bool
	// Hypothetical keeps events the text only supposes (see events.Options).
	Hypothetical bool
	// Background keeps unanchored nominal events (see events.Options).
	Background bool
	// MinConfidence leaves out events of lower confidence (see
	// events.Options); 0 keeps them all. The command line's default is
	// DefaultMinConfidence.
	MinConfidence float64
	// Workers is the number of documents processed at once; 0 means GOMAXPROCS.
	Workers int
	// MaxDocBytes is the largest document read: a larger one is reported
	// and skipped (ingest.ErrTooLarge). 0 means DefaultMaxDocBytes; below
	// 0, no limit.
	MaxDocBytes int64
	// Lang, when set, is the language of every document and paragraph
	// (language identification is skipped); it must be in the registry.
	Lang string
	// EventsOnly makes each Result carry its document and events only:
	// the sentences, mentions and dates (which a store keeps, and which
	// outweigh the events many times) are dropped once the events are
	// out, so that a long document's runs do not pile them up.
	EventsOnly bool
}

// Pipeline holds every stage. It is immutable after New and safe for
// concurrent use.
type Pipeline struct {
	cfg    Config
	Text   *text.Analyzer
	Lang   *langid.Identifier
	Parser *ingest.Parser
	Clean  *clean.Cleaner
	Dates  *dates.Finder
	KB     *kb.KB
	Lex    *lexicon.Lexicon
	Link   *link.Linker
	Events *events.Extractor
	// chunk, when above 0, replaces chunkBytes (tests).
	chunk int
}

// New loads every stage's data.
func New(cfg Config) (*Pipeline, error) {
	var overlays, lexOverlays []fs.FS
	for _, d := range cfg.LexiconDirs {
		st, err := os.Stat(d)
		if err != nil {
			return nil, fmt.Errorf("pipeline: lexicon folder: %w", err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("pipeline: lexicon folder %s: not a folder", d)
		}
		overlays = append(overlays, os.DirFS(d))
		if sub, err := fs.Sub(os.DirFS(d), "lexicon"); err == nil {
			lexOverlays = append(lexOverlays, sub)
		}
	}
	if cfg.Lang != "" {
		// Refused before anything heavy loads.
		reg, err := langs.Load(overlays...)
		if err != nil {
			return nil, fmt.Errorf("pipeline: %w", err)
		}
		if err := reg.Check(cfg.Lang); err != nil {
			return nil, fmt.Errorf("pipeline: %w", err)
		}
	}
	p := &Pipeline{cfg: cfg}
	var err error
	// The knowledge base is the largest load: read it while the rest loads.
	type kbResult struct {
		k   *kb.KB
		err error
	}
	kbc := make(chan kbResult, 1)
	go func() {
		k, err := kb.Load(cfg.KBFiles...)
		kbc <- kbResult{k, err}
	}()
	if p.Text, err = text.New(overlays...); err != nil {
		return nil, err
	}
	if p.Lang, err = langid.New(overlays...); err != nil {
		return nil, err
	}
	if p.Parser, err = ingest.NewParser(overlays...); err != nil {
		return nil, err
	}
	switch {
	case cfg.MaxDocBytes == 0:
		p.Parser.MaxBytes = DefaultMaxDocBytes
	case cfg.MaxDocBytes > 0:
		p.Parser.MaxBytes = cfg.MaxDocBytes
	}
	if p.Clean, err = clean.New(overlays...); err != nil {
		return nil, err
	}
	if p.Dates, err = dates.New(overlays...); err != nil {
		return nil, err
	}
	if p.Lex, err = lexicon.Load(p.Text, lexOverlays...); err != nil {
		<-kbc
		return nil, err
	}
	kr := <-kbc
	if kr.err != nil {
		return nil, kr.err
	}
	p.KB = kr.k
	p.Link = link.New(p.KB, p.Lex, p.Text)
	p.Events = events.New(p.Lex, p.KB, events.Options{Explain: cfg.Explain, Hypothetical: cfg.Hypothetical, Background: cfg.Background, MinConfidence: cfg.MinConfidence})
	return p, nil
}

// Result is what the pipeline learned from one document.
type Result struct {
	Doc       *model.Document
	Sentences []model.Sentence
	Mentions  [][]model.Mention // per sentence
	Dates     [][]dates.Expr    // per sentence, resolved
	Events    []model.Event
}

// sentenceMinLetters is how many letters a sentence needs before its script
// may give it another language than its paragraph's.
const sentenceMinLetters = 12

// sentenceLangs gives a sentence written mostly in another script than its
// paragraph's language (an English sentence in a Russian paragraph) the
// language identified from its own text, and tokens in that language.
func (p *Pipeline) sentenceLangs(doc *model.Document, sents []model.Sentence) {
	reg := p.Text.Languages()
	for i := range sents {
		s := &sents[i]
		l, ok := reg.Get(s.Lang)
		if !ok {
			continue
		}
		txt := doc.Text[s.Start:s.End]
		script, share := langid.Script(txt)
		if script == "" || script == l.Script || share < 0.8 || len(txt) < sentenceMinLetters {
			continue
		}
		lang, _ := p.Lang.Detect(txt)
		if other, ok := reg.Get(lang); !ok || other.Script != script {
			continue
		}
		s.Lang = lang
		s.Tokens = p.Text.Tokenize(txt, s.Start, lang)
	}
}

// chunkBytes is the most text analysed at once: a longer document (no
// article is; a dump, a log, a book may be) is analysed in runs of whole
// paragraphs of about this size, each like a document of its own, and the
// tokens of a run are dropped once its events are out, so that time and
// memory grow linearly with the document's size instead of its tokens all
// staying live (which made the garbage collector thrash).
const chunkBytes = 1 << 20

// Process runs every stage on a parsed document.
func (p *Pipeline) Process(doc *model.Document) *Result {
	p.Clean.Clean(doc)
	if p.cfg.Lang != "" {
		doc.Lang = p.cfg.Lang
		doc.ParaLang = nil
	} else {
		p.Lang.Annotate(doc)
	}
	chunk := chunkBytes
	if p.chunk > 0 {
		chunk = p.chunk
	}
	if len(doc.Text) <= chunk || len(doc.Body) < 2 {
		r := p.analyse(doc)
		if p.cfg.EventsOnly {
			r.Sentences, r.Mentions, r.Dates = nil, nil, nil
		}
		return r
	}
	r := &Result{Doc: doc}
	// The runs' reports of one event are one event of the document: each
	// run's events are merged into those before as soon as they are out.
	var merged fuse.Merger
	for lo := 0; lo < len(doc.Body); {
		hi, size := lo, 0
		for hi < len(doc.Body) && (hi == lo || size+doc.Body[hi].End-doc.Body[hi].Start <= chunk) {
			size += doc.Body[hi].End - doc.Body[hi].Start
			hi++
		}
		part := *doc
		part.Body = doc.Body[lo:hi]
		if len(doc.ParaLang) == len(doc.Body) {
			part.ParaLang = doc.ParaLang[lo:hi]
		}
		pr := p.analyse(&part)
		for i := range pr.Sentences {
			pr.Sentences[i].Para += lo
			pr.Sentences[i].Tokens = nil
		}
		// Until the runs' events are merged, each run's sources are named
		// apart: runs share no sentence, so fusion need not look through
		// all of an event's earlier sources for a duplicate.
		// Their sentences are cut from the document's text once all runs
		// are done: a copy of each would double the text in memory.
		run := fmt.Sprintf("%s\x00%d", doc.ID, lo)
		for i := range pr.Events {
			for k := range pr.Events[i].Sources {
				pr.Events[i].Sources[k].Doc = run
				pr.Events[i].Sources[k].Sentence = ""
			}
			merged.Add(&pr.Events[i])
		}
		if !p.cfg.EventsOnly {
			r.Sentences = append(r.Sentences, pr.Sentences...)
			r.Mentions = append(r.Mentions, pr.Mentions...)
			r.Dates = append(r.Dates, pr.Dates...)
		}
		lo = hi
	}
	r.Events = merged.Events()
	for i := range r.Events {
		for k := range r.Events[i].Sources {
			s := &r.Events[i].Sources[k]
			s.Doc, s.Sentence = doc.ID, doc.Text[s.Start:s.End]
		}
	}
	return r
}

// analyse finds the sentences, dates, mentions and events of a document
// whose language is known.
func (p *Pipeline) analyse(doc *model.Document) *Result {
	sents := p.Text.Sentences(doc)
	if p.cfg.Lang == "" {
		p.sentenceLangs(doc, sents)
	}
	r := &Result{Doc: doc, Sentences: sents, Mentions: make([][]model.Mention, len(sents)), Dates: make([][]dates.Expr, len(sents))}

	// Dates are resolved per document: a year-less date takes its year from
	// the publication date or from the document's other dates.
	var all []dates.Expr
	counts := make([]int, len(sents))
	for i := range sents {
		s := &sents[i]
		found := p.Dates.Find(doc.Text[s.Start:s.End], s.Start, s.Lang)
		counts[i] = len(found)
		all = append(all, found...)
	}
	dates.Resolve(all, doc.Published)
	k := 0
	for i := range sents {
		r.Dates[i] = all[k : k+counts[i] : k+counts[i]]
		k += counts[i]
	}

	// Roles are resolved on the date the text speaks of: the sentence's
	// own date, else the last date of its paragraph so far, else the
	// document's date. Without a publication date that is the latest date
	// the text gives (with its year written or inferred): a report is at
	// least as recent as what it reports, and its older dates are
	// background ("…nach ihrem Beitritt im Juli 2023" in a report on 26
	// April 2024 must not make the defence minister of 2023 the one met).
	// A day written with its year where a report's first or second
	// paragraph begins is its own date (a dateline, "19 февраля 2025 года
	// 17:05 Санкт-Петербург")
	// and comes first: a later date may be a future one ("ровно через
	// год, в феврале 2026 года").
	anchor := doc.Published
	if anchor.Year == 0 {
		anchor = dateline(sents, r.Dates)
	}
	if anchor.Year == 0 {
		for _, d := range all {
			if v := d.Value.From; v.Year != 0 && (anchor.Year == 0 || anchor.Less(v)) {
				anchor = v
			}
		}
	}
	ctx := link.NewContext(anchor)
	in := make([]events.Input, len(sents))
	para, paraDate := -1, anchor
	for i := range sents {
		if sents[i].Para != para {
			para, paraDate = sents[i].Para, anchor
		}
		for _, d := range r.Dates[i] {
			if d.Value.From.Year != 0 {
				paraDate = d.Value.From
				break
			}
		}
		ctx.Date = paraDate
		p.Lex.MarkTokens(sents[i].Lang, sents[i].Tokens)
		r.Mentions[i] = p.Link.Sentence(&sents[i], ctx)
		in[i] = events.Input{Sent: &sents[i], Mentions: r.Mentions[i], Dates: r.Dates[i]}
	}
	r.Events = p.Events.Document(doc, in)
	for i := range r.Events {
		r.Events[i].Published = doc.Published
	}
	return r
}

// dateline returns the first day written with its year in the first
// sentence of the title or of the paragraph after it, or the zero point.
func dateline(sents []model.Sentence, ds [][]dates.Expr) model.Point {
	for i := range sents {
		if sents[i].Para > sents[0].Para+1 {
			break
		}
		if i > 0 && sents[i].Para == sents[i-1].Para {
			continue
		}
		for _, d := range ds[i] {
			if d.YearWritten && d.Value.Single() && d.Value.From.Prec() == model.DayPrec {
				return d.Value.From
			}
		}
	}
	return model.Point{}
}

// Published is the publication date of documents that carry none.
func (p *Pipeline) Published() model.Point { return p.cfg.Published }

// ParseText makes a document of a text given directly (tests, `entente link`).
func (p *Pipeline) ParseText(id, textBody string) *model.Document {
	return p.Parser.Parse(id, id, textBody, p.cfg.Published)
}

// Run reads every path and processes the documents with a pool of workers.
// onResult gets each document's result in input order; onErr gets each
// document that could not be read (the run goes on). Run returns the events
// fused across all documents. A text read twice (the same file given
// twice, or a copy under another name) reports its events once: the store
// skips a known text by its hash, and so does Run.
func (p *Pipeline) Run(paths []string, stdin io.Reader, onResult func(*Result), onErr func(error)) *fuse.Fuser {
	f := fuse.New()
	once := Once{}
	p.Stream(paths, stdin, func(r *Result) {
		if once.First(r.Doc.Text) {
			f.Add(fuse.Hash(r.Doc.Text), r.Doc.Published, r.Events)
		}
		if onResult != nil {
			onResult(r)
		}
	}, onErr)
	return f
}

// Once remembers the texts of documents by their SHA-256: fusing a text
// twice would count its reports twice.
type Once map[[sha256.Size]byte]bool

// First reports whether the text is seen for the first time.
func (o Once) First(text string) bool {
	h := fuse.Sum(text)
	if o[h] {
		return false
	}
	o[h] = true
	return true
}

// Stream reads every path and processes the documents with a pool of
// workers, handing each result to onResult in input order and keeping none:
// memory stays flat however many documents there are. onErr gets each
// document that could not be read (the run goes on).
func (p *Pipeline) Stream(paths []string, stdin io.Reader, onResult func(*Result), onErr func(error)) {
	p.StreamFrom(func(fn func(*model.Document, error) error) error {
		// Each document is read and parsed once, by the configured parser.
		return p.Parser.Walk(paths, p.cfg.Published, stdin, fn)
	}, onResult, onErr)
}

// StreamFrom is Stream over the documents that walk hands to its callback
// (p.Parser.WalkWith for files, URLs and feeds; a watcher's new items),
// parsed by p.Parser. An error that walk returns is reported to onErr.
func (p *Pipeline) StreamFrom(walk func(fn func(*model.Document, error) error) error, onResult func(*Result), onErr func(error)) {
	workers := p.cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		seq int
		doc *model.Document
	}
	type done struct {
		seq int
		r   *Result
	}
	jobs := make(chan job, workers*2)
	results := make(chan done, workers*2)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- done{j.seq, p.Process(j.doc)}
			}
		}()
	}
	go func() {
		seq := 0
		err := walk(func(doc *model.Document, err error) error {
			if err != nil {
				onErr(err)
				return nil
			}
			jobs <- job{seq, doc}
			seq++
			return nil
		})
		if err != nil {
			onErr(err)
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	pending := map[int]*Result{}
	next := 0
	for d := range results {
		pending[d.seq] = d.r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			onResult(r)
		}
	}
}
