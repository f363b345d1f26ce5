// Package plover knows the PLOVER ontology as data: each event type's quad
// category and intensity, each mode's CAMEO code and intensity, CAMEO's
// Goldstein values and quad classes, and the context an event status adds.
//
// In: the tables of data/plover (embedded), optionally overridden by a
// user's folder laid out like data/ (plover/*.tsv). Out: a Table that
// analyses and exports query by type, mode and CAMEO code. Nothing here is a
// fact in Go: every value comes from a file.
package plover

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"entente/data"
	"entente/internal/tsv"
)

// Quad categories, as numbered in the PLOVER manual.
const (
	VerbalCoop    = 1
	MaterialCoop  = 2
	VerbalConf    = 3
	MaterialConf  = 4
	quadCount     = 4
	defaultFolder = "plover"
)

// Type is what the tables say about an event type.
type Type struct {
	Name      string
	Quad      int     // 1..4
	Intensity float64 // the manual's Schrodt score
	CAMEO     string  // default CAMEO code
}

// Mode is what the tables say about a type's mode.
type Mode struct {
	Type, Name string
	CAMEO      string
	Intensity  float64
}

// Table holds the PLOVER tables. The zero value knows nothing; use Load.
type Table struct {
	types     map[string]Type
	order     []string // type names in file order
	modes     map[[2]string]Mode
	quadNames [quadCount + 1]string
	quadSign  [quadCount + 1]int
	goldstein map[string]float64
	rootQuad  map[string]int
	rootName  map[string]string
	contexts  map[string]string
	phrases   map[string][2]string
}

// Load reads the embedded tables, then the plover/ folder of each of dirs
// (a user's data folder) where it exists: its entries add to or replace the
// embedded ones.
func Load(dirs ...string) (*Table, error) {
	t := &Table{types: map[string]Type{}, modes: map[[2]string]Mode{}, goldstein: map[string]float64{},
		rootQuad: map[string]int{}, rootName: map[string]string{}, contexts: map[string]string{},
		phrases: map[string][2]string{}}
	if err := t.read(data.FS); err != nil {
		return nil, err
	}
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, defaultFolder)); err != nil {
			continue
		}
		if err := t.read(os.DirFS(d)); err != nil {
			return nil, err
		}
	}
	for _, name := range t.order {
		ty := t.types[name]
		if ty.Quad < 1 || ty.Quad > quadCount {
			return nil, fmt.Errorf("plover: type %s: quad %d is not 1-4", name, ty.Quad)
		}
	}
	return t, nil
}

// MustLoad is Load for the embedded tables alone; it panics on an error,
// which only a broken build can cause.
func MustLoad() *Table {
	t, err := Load()
	if err != nil {
		panic(err)
	}
	return t
}

func (t *Table) read(fsys fs.FS) error {
	each := func(name string, cols int, fn func(f []string) error) error {
		path := defaultFolder + "/" + name
		err := tsv.Each(fsys, path, func(f []string, line int) error {
			if len(f) < cols {
				return fmt.Errorf("plover: %s:%d: want %d columns, have %d", path, line, cols, len(f))
			}
			if err := fn(f); err != nil {
				return fmt.Errorf("plover: %s:%d: %w", path, line, err)
			}
			return nil
		})
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	num := func(s string) (float64, error) { return strconv.ParseFloat(strings.TrimSpace(s), 64) }
	if err := each("types.tsv", 4, func(f []string) error {
		q, err := strconv.Atoi(f[1])
		if err != nil {
			return err
		}
		in, err := num(f[2])
		if err != nil {
			return err
		}
		if _, ok := t.types[f[0]]; !ok {
			t.order = append(t.order, f[0])
		}
		t.types[f[0]] = Type{Name: f[0], Quad: q, Intensity: in, CAMEO: f[3]}
		return nil
	}); err != nil {
		return err
	}
	if err := each("modes.tsv", 4, func(f []string) error {
		in, err := num(f[3])
		if err != nil {
			return err
		}
		t.modes[[2]string{f[0], f[1]}] = Mode{Type: f[0], Name: f[1], CAMEO: f[2], Intensity: in}
		return nil
	}); err != nil {
		return err
	}
	if err := each("quads.tsv", 3, func(f []string) error {
		q, err := strconv.Atoi(f[0])
		if err != nil || q < 1 || q > quadCount {
			return fmt.Errorf("quad %q is not 1-4", f[0])
		}
		s, err := strconv.Atoi(f[2])
		if err != nil {
			return err
		}
		t.quadNames[q], t.quadSign[q] = f[1], s
		return nil
	}); err != nil {
		return err
	}
	if err := each("cameo.tsv", 2, func(f []string) error {
		g, err := num(f[1])
		if err != nil {
			return err
		}
		t.goldstein[f[0]] = g
		return nil
	}); err != nil {
		return err
	}
	if err := each("cameo_roots.tsv", 3, func(f []string) error {
		q, err := strconv.Atoi(f[2])
		if err != nil {
			return err
		}
		t.rootQuad[f[0]], t.rootName[f[0]] = q, f[1]
		return nil
	}); err != nil {
		return err
	}
	if err := each("phrases_en.tsv", 3, func(f []string) error {
		t.phrases[f[0]] = [2]string{f[1], f[2]}
		return nil
	}); err != nil {
		return err
	}
	return each("contexts.tsv", 2, func(f []string) error {
		t.contexts[f[0]] = f[1]
		return nil
	})
}

// Phrase returns the English phrase for what an event of the type did, with
// {a} for the acting side and {b} for the targets: the phrase without a
// target when target is false. An unknown type gets "{a}: TYPE".
func (t *Table) Phrase(typ string, target bool) string {
	p, ok := t.phrases[typ]
	if !ok {
		if target {
			return "{a} → {b}: " + typ
		}
		return "{a}: " + typ
	}
	if target {
		return p[1]
	}
	return p[0]
}

// Types returns the known type names in the order of the tables.
func (t *Table) Types() []string { return t.order }

// Type returns what the tables say about a type, and whether it is known.
func (t *Table) Type(name string) (Type, bool) {
	ty, ok := t.types[name]
	return ty, ok
}

// Quad returns the type's quad category, 0 for an unknown type.
func (t *Table) Quad(typ string) int { return t.types[typ].Quad }

// QuadName returns the name of a quad category ("verbal cooperation").
func (t *Table) QuadName(q int) string {
	if q < 1 || q > quadCount {
		return ""
	}
	return t.quadNames[q]
}

// Cooperative reports whether a quad category is cooperation (its sign in
// quads.tsv is positive).
func (t *Table) Cooperative(q int) bool { return q >= 1 && q <= quadCount && t.quadSign[q] > 0 }

// Intensity returns the intensity of an event of the type and mode: the
// mode's where the tables list it, else the type's; 0 for an unknown type.
func (t *Table) Intensity(typ, mode string) float64 {
	if m, ok := t.modes[[2]string{typ, mode}]; ok {
		return m.Intensity
	}
	return t.types[typ].Intensity
}

// CAMEO returns the CAMEO event code of an event of the type and mode, ""
// for an unknown type.
func (t *Table) CAMEO(typ, mode string) string {
	if m, ok := t.modes[[2]string{typ, mode}]; ok {
		return m.CAMEO
	}
	return t.types[typ].CAMEO
}

// Goldstein returns the Goldstein value of a CAMEO code and whether the
// tables define one.
func (t *Table) Goldstein(code string) (float64, bool) {
	g, ok := t.goldstein[code]
	return g, ok
}

// RootQuad returns GDELT's QuadClass of a CAMEO code's root, 0 if unknown.
func (t *Table) RootQuad(code string) int {
	if len(code) < 2 {
		return 0
	}
	return t.rootQuad[code[:2]]
}

// Context returns the PLOVER context an event status adds ("future" for
// planned), "" for none.
func (t *Table) Context(status string) string { return t.contexts[status] }
