package lexicon

// Marker and syntax kinds that scope an event trigger (see
// data/lexicon/README.md).
const (
	// Modal words of readiness, need or possibility make the event they
	// govern hypothetical ("readiness for talks").
	Modal = "modal"
	// Dem are demonstratives: "this meeting" refers back to an event
	// already reported (data/lexicon/syntax).
	Dem = "dem"
)
