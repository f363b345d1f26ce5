package link_test

import "testing"

// TestNameAfterPlacePhrase: a family name right after a place in a
// prepositional phrase begins a new name ("In Moscow Putin met …"); it is
// not the tail of an unknown longer name, as it would be after another
// capitalised word.
func TestNameAfterPlacePhrase(t *testing.T) {
	tests := []struct {
		lang, text, id string
		want           bool
	}{
		{"en", "In Moscow Putin met Xi Jinping on Monday.", "vladimir-putin", true},
		{"ru", "В Москве Путин встретился с Си Цзиньпином.", "vladimir-putin", true},
		{"uk", "У Києві Зеленський зустрівся з Шольцом.", "volodymyr-zelensky", true},
		{"de", "In Moskau traf Putin am Montag Xi Jinping.", "vladimir-putin", true},
		{"en", "From Berlin Scholz flew to Washington.", "olaf-scholz", true},
		// An unknown given name between the place and the family name
		// still makes a longer name that the knowledge base does not know.
		{"en", "In Moscow Dmitri Putin, a teacher, spoke.", "vladimir-putin", false},
		// A place not in a phrase is no boundary either.
		{"en", "The Moscow Putin museum opened.", "vladimir-putin", false},
	}
	for _, tt := range tests {
		ms := mentions(t, tt.lang, "2024-05-10", tt.text)
		if got, all := linksTo(ms, tt.id); got != tt.want {
			t.Errorf("%s %q: links %s = %v, want %v; mentions %v", tt.lang, tt.text, tt.id, got, tt.want, all)
		}
	}
}
