package events

import (
	"entente/internal/fuse"
	"entente/internal/model"
)

// Merge merges the repeated mentions of one event within a document
// (fuse.Merge: fusion's key, compatibility and absorption live there).
func Merge(evs []model.Event) []model.Event { return fuse.Merge(evs) }
