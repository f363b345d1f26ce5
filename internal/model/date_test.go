package model

import "testing"

func TestPointString(t *testing.T) {
	tests := []struct {
		name string
		p    Point
		want string
	}{
		{"day", Point{2024, 4, 26}, "2024-04-26"},
		{"month", Point{2024, 7, 0}, "2024-07"},
		{"year", Point{2001, 0, 0}, "2001"},
		{"no year", Point{0, 3, 19}, "--03-19"},
		{"zero", Point{}, ""},
		{"month without year is unknown", Point{0, 5, 0}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if tt.want == "" {
				return
			}
			back, err := ParsePoint(tt.want)
			if err != nil || back != tt.p {
				t.Errorf("ParsePoint(%q) = %v, %v; want %v", tt.want, back, err, tt.p)
			}
		})
	}
}

func TestParsePointErrors(t *testing.T) {
	for _, s := range []string{"", "2024-13-01", "24-04-26", "2024/04/26", "--13-01", "abcd"} {
		t.Run(s, func(t *testing.T) {
			if _, err := ParsePoint(s); err == nil {
				t.Errorf("ParsePoint(%q): want an error", s)
			}
		})
	}
}

func TestDateRange(t *testing.T) {
	day := PointRange(Point{2024, 4, 26})
	april := PointRange(Point{2024, 4, 0})
	week := DateRange{Point{2024, 4, 22}, Point{2024, 4, 26}}
	yearless := PointRange(Point{0, 4, 26})
	may := PointRange(Point{2024, 5, 0})
	tests := []struct {
		name              string
		a, b              DateRange
		contains, overlap bool
		finer             bool
	}{
		{"month contains its day", april, day, true, true, false},
		{"day is finer than its month", day, april, false, true, true},
		{"range contains its last day", week, day, true, true, false},
		{"different months", april, may, false, false, false},
		{"year-less compares month and day", yearless, day, true, true, false},
		{"a date is finer than none", day, DateRange{}, false, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Contains(tt.b); got != tt.contains {
				t.Errorf("Contains = %v, want %v", got, tt.contains)
			}
			if got := tt.a.Overlaps(tt.b); got != tt.overlap {
				t.Errorf("Overlaps = %v, want %v", got, tt.overlap)
			}
			if got := tt.a.Finer(tt.b); got != tt.finer {
				t.Errorf("Finer = %v, want %v", got, tt.finer)
			}
		})
	}
}
