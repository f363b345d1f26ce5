// Package kb loads entente's knowledge base: states, places, international
// organisations, named bodies, role titles and persons with time-scoped
// offices. In: the YAML files of data/kb (embedded) and user overlay files.
// Out: a read-only *KB that answers "who held this office on this date" and
// lists every entity with its names per language for the linker to index.
//
// A KB is immutable after Load and safe for concurrent use.
package kb

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"entente/data"
	"entente/internal/model"
)

// Names maps a language code (en, de, ru, uk) to the names used in it.
type Names map[string][]string

// All returns every name of every language, in a stable order.
func (n Names) All() []string {
	langs := make([]string, 0, len(n))
	for l := range n {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	var out []string
	for _, l := range langs {
		out = append(out, n[l]...)
	}
	return out
}

// State is a sovereign state or key non-member.
type State struct {
	Code       string `yaml:"code"`
	Name       string `yaml:"name"`
	Names      Names  `yaml:"names"`
	Adjectives Names  `yaml:"adjectives"`
	Pos        Pos    `yaml:"-"`
}

// Place is a city or region of a state.
type Place struct {
	ID      string `yaml:"id"`
	Name    string `yaml:"name"`
	State   string `yaml:"state"`
	Capital bool   `yaml:"capital"`
	// StandsFor is the code of the organisation whose institutions the
	// place names when it acts ("Brussels demanded …": the EU), or "".
	StandsFor string `yaml:"stands_for"`
	Names     Names  `yaml:"names"`
	Pos       Pos    `yaml:"-"`
}

// Org is an international organisation; Code is its actor code.
type Org struct {
	ID         string   `yaml:"id"`
	Code       string   `yaml:"code"`
	Name       string   `yaml:"name"`
	Names      Names    `yaml:"names"`
	Adjectives Names    `yaml:"adjectives"`
	Members    []string `yaml:"members"`
	// NGO marks a non-governmental organisation: no states are its
	// members, so it is one party, never a meeting of its members.
	NGO bool `yaml:"ngo"`
	Pos Pos  `yaml:"-"`
}

// Body is a named institution, agency or outlet of a state.
type Body struct {
	ID     string `yaml:"id"`
	Name   string `yaml:"name"`
	State  string `yaml:"state"`
	Media  bool   `yaml:"media"`
	Sector string `yaml:"sector"`
	Names  Names  `yaml:"names"`
	Pos    Pos    `yaml:"-"`
}

// Role is an office title or a kind of body, with its titles per language.
type Role struct {
	ID     string `yaml:"id"`
	Kind   string `yaml:"kind"` // person (default) or body
	Sector string `yaml:"sector"`
	State  string `yaml:"state"`  // only for titles that name their state by themselves
	Single bool   `yaml:"single"` // one holder at a time per state (president, foreign minister)
	// Leader marks offices whose holders are called by family name alone.
	Leader bool `yaml:"leader"`
	// Fallback lists offices that answer for the title when nobody holds it.
	Fallback []string `yaml:"fallback"`
	// Covers lists offices whose holders the title alone also names when
	// it refers back ("the minister" after "Foreign Minister Lavrov").
	Covers []string `yaml:"covers"`
	// OfficeIn maps an office to the states that fill this title with it
	// ("leader" in a parliamentary state is its head of government).
	OfficeIn map[string][]string `yaml:"office_in"`
	// Seat marks bodies named by the capital or state they sit in ("die
	// Regierung in Warschau", "the foreign ministry in Moscow"), unlike an
	// embassy or troops, which are elsewhere than their state.
	Seat  bool  `yaml:"seat"`
	Names Names `yaml:"names"`
	Pos   Pos   `yaml:"-"`
}

// Office is one term of a person in a role, for a state or organisation.
type Office struct {
	Role  string      `yaml:"role"`
	State string      `yaml:"state"`
	From  model.Point `yaml:"-"`
	To    model.Point `yaml:"-"`
	RawF  string      `yaml:"from"`
	RawT  string      `yaml:"to"`
}

// Person is a person with names and offices.
type Person struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`
	State   string   `yaml:"state"`
	Native  string   `yaml:"native"`
	Names   Names    `yaml:"names"`
	Offices []Office `yaml:"offices"`
	Pos     Pos      `yaml:"-"`
}

// Pos is where an entry was read from, for error messages.
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Naming holds the conventions used to derive short forms of names.
type Naming struct {
	FamilyFirst   []string `yaml:"family_first"`
	Particles     []string `yaml:"particles"`
	SlavicEndings []string `yaml:"slavic_endings"`
	PersonEndings []string `yaml:"person_endings"`
	// SplitEndings are endings of slavic_endings and person_endings that
	// are also a base's last letters before a shorter ending (-ові of
	// "Шольцові" and -ов + -і of "Лаврові"): where cutting one leaves no
	// indexed name, the shorter ending is tried.
	SplitEndings []string `yaml:"split_endings"`
	// ObliqueEndings are endings of person_endings that only oblique cases
	// have: a name of the knowledge base (a nominative) that ends in one
	// ("Джим", "Ибрагим") is also matched whole.
	ObliqueEndings []string `yaml:"oblique_endings"`
	// CommonWords are words of the four languages that are also someone's
	// family name ("Frieden", "Kraft", "Рада"): alone they need context.
	CommonWords []string `yaml:"common_words"`
	// LocalNames are names that are words of another language written in
	// the same script ("Island" is Iceland in German, an island in
	// English), by the language that names with them: they match only in
	// text of that language.
	LocalNames map[string][]string `yaml:"local_names"`
	// PatronymicEndings end Russian, Ukrainian and Belarusian patronymics
	// (Владимирович, Олексійович, Петровна): generated variants leave them out.
	PatronymicEndings []string `yaml:"patronymic_endings"`
	// NativeLanguages gives the language of a state's persons' native names
	// (ru, uk, zh) for generated name variants.
	NativeLanguages map[string]string `yaml:"native_languages"`
	// ThenWords, by language, are words before a title that put its holder
	// at the time the text speaks of, not the article's ("the then foreign
	// minister", "тогдашний госсекретарь").
	ThenWords map[string][]string `yaml:"then_words"`
	// FormerWords, by language, are words before a title whose holder held
	// it before, not on the date ("former", "бывший", "Ex-").
	FormerWords map[string][]string `yaml:"former_words"`
	// SingularEndings, by language, are what each word of a title alone
	// may add to its listed form and still name one person ("министра").
	SingularEndings map[string][]string `yaml:"singular_endings"`
	// NotDefinite, by language, are words before a title that make it no
	// reference to a person named before ("a minister", "die Minister").
	NotDefinite map[string][]string `yaml:"not_definite"`
	// VerbEndings, by language, are past-tense endings: a title's word with
	// one added is a verb ("посла" + "ла": "послала", sent).
	VerbEndings map[string][]string `yaml:"verb_endings"`
	// NominativeEndings, by language, map oblique endings of masculine
	// names to their nominative ones, for persons the knowledge base does
	// not know ("Рамиресом" → "Рамирес").
	NominativeEndings map[string]map[string]string `yaml:"nominative_endings"`
}

// KB is the loaded knowledge base.
type KB struct {
	States  []*State
	Places  []*Place
	Orgs    []*Org
	Bodies  []*Body
	Roles   []*Role
	Persons []*Person
	Naming  Naming

	state  map[string]*State
	org    map[string]*Org
	role   map[string]*Role
	person map[string]*Person
	office map[officeKey][]holder
	family map[string]bool
	// standsFor maps a place's linker id ("place:brussels") to the
	// organisation it stands for as an actor.
	standsFor map[string]*Org
}

type officeKey struct{ role, state string }

type holder struct {
	p        *Person
	from, to model.Point
}

// Files of the embedded KB, in load order. persons/*.yaml follow.
var baseFiles = []string{"states.yaml", "places.yaml", "orgs.yaml", "bodies.yaml", "roles.yaml", "naming.yaml"}

// Load reads the embedded knowledge base and then each overlay file, in order.
func Load(overlays ...string) (*KB, error) {
	sub, err := fs.Sub(data.FS, "kb")
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	k := newKB()
	if err := k.loadFS(sub); err != nil {
		return nil, err
	}
	for _, f := range overlays {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("kb: overlay: %w", err)
		}
		if err := k.loadOverlay(f, b); err != nil {
			return nil, err
		}
	}
	if err := k.index(); err != nil {
		return nil, err
	}
	return k, nil
}

// LoadFS reads a knowledge base laid out like data/kb from fsys.
func LoadFS(fsys fs.FS) (*KB, error) {
	k := newKB()
	if err := k.loadFS(fsys); err != nil {
		return nil, err
	}
	if err := k.index(); err != nil {
		return nil, err
	}
	return k, nil
}

func newKB() *KB {
	return &KB{
		state:  map[string]*State{},
		org:    map[string]*Org{},
		role:   map[string]*Role{},
		person: map[string]*Person{},
	}
}

func (k *KB) loadFS(fsys fs.FS) error {
	var names []string
	for _, name := range baseFiles {
		if _, err := fs.Stat(fsys, name); err == nil {
			names = append(names, name)
		}
	}
	persons, _ := fs.Glob(fsys, "persons/*.yaml")
	sort.Strings(persons)
	names = append(names, persons...)
	// Parsing the YAML is most of the load: parse the files at once, then
	// add their entries one file at a time, in order.
	type parsed struct {
		b    []byte
		root *yaml.Node
		err  error
	}
	res := make([]parsed, len(names))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			b, err := fs.ReadFile(fsys, name)
			if err != nil {
				res[i].err = fmt.Errorf("kb: %w", err)
				return
			}
			res[i].b = b
			if path.Base(name) != "naming.yaml" {
				res[i].root, res[i].err = parseYAML(name, b)
			}
		}()
	}
	wg.Wait()
	for i, name := range names {
		r := res[i]
		switch {
		case r.err != nil:
			return r.err
		case path.Base(name) == "naming.yaml":
			if err := k.loadFile(name, r.b); err != nil {
				return err
			}
		case r.root != nil:
			if err := k.loadList(path.Base(name), name, r.root); err != nil {
				return err
			}
		}
	}
	return nil
}

// sectionFile maps an overlay's top-level sections to the embedded file
// whose entries they hold.
var sectionFile = map[string]string{"states": "states.yaml", "places": "places.yaml", "orgs": "orgs.yaml",
	"bodies": "bodies.yaml", "roles": "roles.yaml", "persons": "persons/overlay.yaml"}

// loadFile decodes one embedded file by its name.
// appendLangs adds lists of words by language to dst.
func appendLangs(dst, src map[string][]string) map[string][]string {
	for lang, ws := range src {
		if dst == nil {
			dst = map[string][]string{}
		}
		dst[lang] = append(dst[lang], ws...)
	}
	return dst
}

func (k *KB) loadFile(name string, b []byte) error {
	if path.Base(name) == "naming.yaml" {
		var n Naming
		if err := yaml.Unmarshal(b, &n); err != nil {
			return yamlError(name, 0, err)
		}
		k.Naming.FamilyFirst = append(k.Naming.FamilyFirst, n.FamilyFirst...)
		k.Naming.Particles = append(k.Naming.Particles, n.Particles...)
		k.Naming.SlavicEndings = append(k.Naming.SlavicEndings, n.SlavicEndings...)
		k.Naming.PersonEndings = append(k.Naming.PersonEndings, n.PersonEndings...)
		k.Naming.SplitEndings = append(k.Naming.SplitEndings, n.SplitEndings...)
		k.Naming.ObliqueEndings = append(k.Naming.ObliqueEndings, n.ObliqueEndings...)
		k.Naming.CommonWords = append(k.Naming.CommonWords, n.CommonWords...)
		for lang, names := range n.LocalNames {
			if k.Naming.LocalNames == nil {
				k.Naming.LocalNames = map[string][]string{}
			}
			k.Naming.LocalNames[lang] = append(k.Naming.LocalNames[lang], names...)
		}
		k.Naming.PatronymicEndings = append(k.Naming.PatronymicEndings, n.PatronymicEndings...)
		k.Naming.ThenWords = appendLangs(k.Naming.ThenWords, n.ThenWords)
		k.Naming.FormerWords = appendLangs(k.Naming.FormerWords, n.FormerWords)
		k.Naming.SingularEndings = appendLangs(k.Naming.SingularEndings, n.SingularEndings)
		k.Naming.NotDefinite = appendLangs(k.Naming.NotDefinite, n.NotDefinite)
		k.Naming.VerbEndings = appendLangs(k.Naming.VerbEndings, n.VerbEndings)
		for lang, m := range n.NominativeEndings {
			if k.Naming.NominativeEndings == nil {
				k.Naming.NominativeEndings = map[string]map[string]string{}
			}
			if k.Naming.NominativeEndings[lang] == nil {
				k.Naming.NominativeEndings[lang] = map[string]string{}
			}
			maps.Copy(k.Naming.NominativeEndings[lang], m)
		}
		for st, lang := range n.NativeLanguages {
			if k.Naming.NativeLanguages == nil {
				k.Naming.NativeLanguages = map[string]string{}
			}
			k.Naming.NativeLanguages[st] = lang
		}
		return nil
	}
	root, err := parseYAML(name, b)
	if err != nil || root == nil {
		return err
	}
	return k.loadList(path.Base(name), name, root)
}

// loadList decodes a list of entries of the kind the embedded file base
// holds (persons for any other name), read from the file name.
func (k *KB) loadList(base, name string, list *yaml.Node) error {
	switch base {
	case "states.yaml":
		return decodeList(name, list, func(s *State, pos Pos) error { s.Pos = pos; k.addState(s); return nil })
	case "places.yaml":
		return decodeList(name, list, func(p *Place, pos Pos) error { p.Pos = pos; k.Places = append(k.Places, p); return nil })
	case "orgs.yaml":
		return decodeList(name, list, func(o *Org, pos Pos) error { o.Pos = pos; k.addOrg(o); return nil })
	case "bodies.yaml":
		return decodeList(name, list, func(x *Body, pos Pos) error { x.Pos = pos; k.Bodies = append(k.Bodies, x); return nil })
	case "roles.yaml":
		return decodeList(name, list, func(r *Role, pos Pos) error { r.Pos = pos; k.addRole(r); return nil })
	}
	return decodeList(name, list, func(p *Person, pos Pos) error { p.Pos = pos; return k.addPerson(p) })
}

// loadOverlay reads a user file: a list of persons, or a top-level mapping
// with the keys states, places, orgs, bodies, roles, persons, each a list of
// entries as in the embedded files. Positions are the overlay's own lines.
func (k *KB) loadOverlay(name string, b []byte) error {
	root, err := parseYAML(name, b)
	if err != nil || root == nil {
		return err
	}
	if root.Kind != yaml.MappingNode {
		return k.loadList("persons/overlay.yaml", name, root)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		file := sectionFile[key.Value]
		if file == "" {
			return fmt.Errorf("kb: %s:%d: unknown section %q (want states, places, orgs, bodies, roles or persons)", name, key.Line, key.Value)
		}
		if val.Kind == yaml.ScalarNode && val.Tag == "!!null" {
			continue // an empty section
		}
		if err := k.loadList(path.Base(file), name, val); err != nil {
			return err
		}
	}
	return nil
}

// parseYAML parses a file into its top node (nil for an empty file).
func parseYAML(name string, b []byte) (*yaml.Node, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, yamlError(name, 0, err)
	}
	if len(root.Content) == 0 {
		return nil, nil
	}
	return root.Content[0], nil
}

// yamlLine finds the line yaml.v3 gives in its messages ("yaml: line 4: ...",
// "line 4: cannot unmarshal ...").
var yamlLine = regexp.MustCompile(`line (\d+): `)

// yamlError turns a YAML error into "kb: FILE:LINE: message", with the line
// the parser names, else line (when not 0).
func yamlError(name string, line int, err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
		if len(te.Errors) > 1 {
			msg += fmt.Sprintf(" (and %d more)", len(te.Errors)-1)
		}
	}
	if m := yamlLine.FindStringSubmatchIndex(msg); m != nil {
		if n, e := strconv.Atoi(msg[m[2]:m[3]]); e == nil {
			line = n
			msg = strings.TrimPrefix(msg[:m[0]]+msg[m[1]:], "yaml: ")
		}
	}
	if line > 0 {
		return fmt.Errorf("kb: %s:%d: %s", name, line, msg)
	}
	return fmt.Errorf("kb: %s: %s", name, msg)
}

// decodeList decodes a YAML list of T, calling add for each entry with its
// position. Errors carry file:line.
func decodeList[T any](name string, list *yaml.Node, add func(*T, Pos) error) error {
	if list.Kind != yaml.SequenceNode {
		return fmt.Errorf("kb: %s:%d: want a list of entries", name, list.Line)
	}
	for _, n := range list.Content {
		v := new(T)
		if err := n.Decode(v); err != nil {
			return yamlError(name, n.Line, err)
		}
		if err := add(v, Pos{name, n.Line}); err != nil {
			return err
		}
	}
	return nil
}

func (k *KB) addState(s *State) {
	if old, ok := k.state[s.Code]; ok {
		mergeNames(&old.Names, s.Names)
		mergeNames(&old.Adjectives, s.Adjectives)
		if s.Name != "" {
			old.Name = s.Name
		}
		return
	}
	k.state[s.Code] = s
	k.States = append(k.States, s)
}

func (k *KB) addOrg(o *Org) {
	if o.ID == "" {
		o.ID = strings.ToLower(o.Code)
	}
	for _, old := range k.Orgs {
		if old.ID == o.ID {
			mergeNames(&old.Names, o.Names)
			return
		}
	}
	if _, ok := k.org[o.Code]; !ok {
		k.org[o.Code] = o
	}
	k.Orgs = append(k.Orgs, o)
}

func (k *KB) addRole(r *Role) {
	if r.Kind == "" {
		r.Kind = "person"
	}
	if old, ok := k.role[r.ID]; ok {
		mergeNames(&old.Names, r.Names)
		return
	}
	k.role[r.ID] = r
	k.Roles = append(k.Roles, r)
}

func (k *KB) addPerson(p *Person) error {
	for i := range p.Offices {
		o := &p.Offices[i]
		var err error
		if o.RawF != "" {
			if o.From, err = model.ParsePoint(o.RawF); err != nil {
				return fmt.Errorf("kb: %s: %s: office %s: %w", p.Pos, p.ID, o.Role, err)
			}
		}
		if o.RawT != "" {
			if o.To, err = model.ParsePoint(o.RawT); err != nil {
				return fmt.Errorf("kb: %s: %s: office %s: %w", p.Pos, p.ID, o.Role, err)
			}
		}
		if o.State == "" {
			o.State = p.State
		}
	}
	if p.ID == "" {
		return fmt.Errorf("kb: %s: person without id", p.Pos)
	}
	if old, ok := k.person[p.ID]; ok {
		// An overlay corrects or extends an entry.
		if p.Name != "" {
			old.Name = p.Name
		}
		if p.State != "" {
			old.State = p.State
		}
		mergeNames(&old.Names, p.Names)
		if len(p.Offices) > 0 {
			old.Offices = p.Offices
		}
		return nil
	}
	k.person[p.ID] = p
	k.Persons = append(k.Persons, p)
	return nil
}

func mergeNames(dst *Names, src Names) {
	if *dst == nil {
		*dst = Names{}
	}
	for l, ns := range src {
	next:
		for _, n := range ns {
			for _, have := range (*dst)[l] {
				if have == n {
					continue next
				}
			}
			(*dst)[l] = append((*dst)[l], n)
		}
	}
}

func (k *KB) index() error {
	k.office = map[officeKey][]holder{}
	for _, p := range k.Persons {
		for _, o := range p.Offices {
			key := officeKey{o.Role, o.State}
			k.office[key] = append(k.office[key], holder{p, o.From, o.To})
		}
	}
	k.family = map[string]bool{}
	for _, c := range k.Naming.FamilyFirst {
		k.family[c] = true
	}
	k.standsFor = map[string]*Org{}
	for _, p := range k.Places {
		if o := k.org[p.StandsFor]; o != nil {
			id := p.ID
			if id == "" {
				id = strings.ToLower(p.Name)
			}
			k.standsFor["place:"+id] = o
		}
	}
	return nil
}

// State returns the state with the ISO code, or nil.
func (k *KB) State(code string) *State { return k.state[code] }

// Org returns the organisation with the actor code, or nil.
func (k *KB) Org(code string) *Org { return k.org[code] }

// Role returns the role with the id, or nil.
func (k *KB) Role(id string) *Role { return k.role[id] }

// Person returns the person with the id, or nil.
func (k *KB) Person(id string) *Person { return k.person[id] }

// StandsFor returns the organisation that the place with the linker id
// ("place:brussels") stands for when it acts, or nil.
func (k *KB) StandsFor(placeID string) *Org { return k.standsFor[placeID] }

// CodeName returns the canonical English name of a state or organisation code.
func (k *KB) CodeName(code string) string {
	if s := k.state[code]; s != nil {
		return s.Name
	}
	if o := k.org[code]; o != nil {
		return o.Name
	}
	return code
}

// FamilyFirst reports whether people of the state are named family name first.
func (k *KB) FamilyFirst(state string) bool { return k.family[state] }

// Holders returns the persons who held the role for the state on the date.
// A date of month or year precision matches terms that overlap it. A zero
// date returns every holder ever.
func (k *KB) Holders(role, state string, on model.Point) []*Person {
	hs := k.office[officeKey{role, state}]
	var out []*Person
	for _, h := range hs {
		if on.Year == 0 || heldOn(h.from, h.to, on) {
			out = append(out, h.p)
		}
	}
	return out
}

// HeldOn reports whether the person held any office on the date (any office
// when role is "", else that role), and for which state or organisation.
func (p *Person) HeldOn(role string, on model.Point) (bool, string) {
	if o := p.OfficeOn(role, on); o != nil {
		return true, o.State
	}
	return false, ""
}

// OfficeOn returns the office the person held on the date (the role's, when
// role is not ""), or nil. With a zero date it returns the latest office.
// Of offices held at once, the one begun last wins; of those begun the same
// day, one for the person's own state (a monarch who is also head of state
// of Canada and Australia acts for the United Kingdom), else the last listed.
func (p *Person) OfficeOn(role string, on model.Point) *Office {
	var found *Office
	for i := range p.Offices {
		o := &p.Offices[i]
		if role != "" && o.Role != role {
			continue
		}
		if on.Year != 0 && !heldOn(o.From, o.To, on) {
			continue
		}
		switch {
		case found == nil, found.From.Less(o.From):
			found = o
		case o.From.Less(found.From):
		case found.State == p.State && o.State != p.State:
		default:
			found = o // later entries are later offices: the last one wins
		}
	}
	return found
}

// heldOn reports whether a term [from, to] overlaps the days of on.
func heldOn(from, to model.Point, on model.Point) bool {
	r := model.DateRange{From: on, To: on}
	start := from
	if start.IsZero() {
		start = model.Point{Year: 1900, Month: 1, Day: 1}
	}
	end := to
	if end.IsZero() {
		end = model.Point{Year: 2999, Month: 12, Day: 31}
	}
	return model.DateRange{From: start, To: end}.Overlaps(r)
}

// Stats counts the knowledge base's entries.
type Stats struct {
	States, Places, Orgs, Bodies, Roles, Persons, Offices, Names int
}

// Stats returns the entry counts.
func (k *KB) Stats() Stats {
	s := Stats{States: len(k.States), Places: len(k.Places), Orgs: len(k.Orgs), Bodies: len(k.Bodies), Roles: len(k.Roles), Persons: len(k.Persons)}
	for _, p := range k.Persons {
		s.Offices += len(p.Offices)
		s.Names += len(p.Names.All())
	}
	for _, x := range k.States {
		s.Names += len(x.Names.All())
	}
	for _, x := range k.Places {
		s.Names += len(x.Names.All())
	}
	for _, x := range k.Orgs {
		s.Names += len(x.Names.All())
	}
	for _, x := range k.Bodies {
		s.Names += len(x.Names.All())
	}
	return s
}
