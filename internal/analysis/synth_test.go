package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"

	"entente/internal/plover"
)

var table = plover.MustLoad()

// synth builds synthetic event sets with known structure.
type synth struct {
	ix  *Index
	rnd *rand.Rand
	n   int
}

func newSynth(seed uint64) *synth {
	return &synth{ix: NewEmpty(table), rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// add adds k events of a type between codes on a day.
func (s *synth) add(k int, day int32, typ string, codes ...string) {
	for range k {
		s.n++
		s.ix.Add(fmt.Sprintf("ev_%07d", s.n), day, typ, "", codes, 1)
	}
}

// poisson draws a Poisson count (Knuth's method; small means only).
func (s *synth) poisson(mean float64) int {
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= s.rnd.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// flat adds, for every week of weeks starting at the Monday day0, a
// Poisson(mean) number of events of the type to the dyad, on random days.
func (s *synth) flat(day0 int32, weeks int, mean float64, typ string, a, b string) {
	for w := range weeks {
		for range s.poisson(mean) {
			s.add(1, day0+int32(7*w)+int32(s.rnd.IntN(7)), typ, a, b)
		}
	}
}

// monday2024 is Monday 1 January 2024.
var monday2024 = DayNumber(2024, 1, 1)
