package model

import "testing"

func TestLine(t *testing.T) {
	day := PointRange(Point{Year: 2024, Month: 5, Day: 6})
	tests := []struct {
		name string
		e    Event
		want string
	}{
		{"directed", Event{Type: "ACCUSE", Status: StatusReported, Actors: []Actor{{Code: "RUS", Role: RoleSource}, {Code: "CHN", Role: RoleTarget}}},
			"RUS>CHN ACCUSE reported"},
		{"symmetric, sorted, once per code", Event{Type: "CONSULT", Mode: "visit", Status: StatusPlanned, Date: day,
			Actors: []Actor{{Code: "RUS", Role: RoleParticipant}, {Code: "CHN", Role: RoleParticipant}, {Code: "RUS", Role: RoleParticipant}}},
			"CHN=RUS CONSULT/visit planned 2024-05-06"},
		{"coordinated sources", Event{Type: "SANCTION", Status: StatusDenied, Actors: []Actor{{Code: "USA", Role: RoleSource}, {Code: "GBR", Role: RoleSource}, {Code: "IRN", Role: RoleTarget}}},
			"GBR+USA>IRN SANCTION denied"},
		{"source alone", Event{Type: "MOBILIZE", Status: StatusReported, Actors: []Actor{{Code: "RUS", Role: RoleSource}}},
			"RUS> MOBILIZE reported"},
		{"a range", Event{Type: "AID", Status: StatusReported, Date: DateRange{Point{Year: 2024, Month: 4}, Point{Year: 2024, Month: 5}}},
			" AID reported 2024-04..2024-05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.Line(); got != tt.want {
				t.Errorf("Line() = %q, want %q", got, tt.want)
			}
		})
	}
	e := tests[0].e
	if got := e.Direction(" → ", " = "); got != "RUS → CHN" {
		t.Errorf("Direction = %q", got)
	}
}
