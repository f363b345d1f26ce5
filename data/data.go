// Package data embeds entente's lexicons and knowledge base. Everything a
// linguist or analyst may want to correct lives here as YAML or TSV, never in
// Go code. Users extend it with their own files (--kb FILE, --lexicon DIR),
// which are read after these and add to or override them.
//
// Layout:
//
//	kb/         states, places, organisations, bodies, role titles, persons
//	lexicon/    event triggers and clause markers, one file per language
//	text/       abbreviations and transliteration tables
//	dates/      month, weekday and relative-date words per language
//	clean/      boilerplate patterns
//	plover/     PLOVER quad classes, intensities, modes, the PLOVER→CAMEO table
package data

import "embed"

// FS holds every embedded data file, rooted at this folder ("kb/states.yaml").
//
//go:embed kb lexicon text dates clean plover
var FS embed.FS
