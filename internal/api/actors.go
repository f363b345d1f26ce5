package api

import (
	"context"
	"net/http"
	"strings"
	"unicode/utf8"

	"entente/internal/query"
	"entente/internal/store"
)

// Office is a term of a person in an office.
type Office struct {
	Role  string `json:"role"`
	State string `json:"state,omitempty"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
}

// Actor is an actor as the events name it, with its offices when the
// knowledge base knows the person.
type Actor struct {
	store.ActorCount
	Offices []Office `json:"offices,omitempty"`
}

// ActorList is the answer to an actor search.
type ActorList struct {
	Items []Actor `json:"items"`
}

// ActorDetail is an actor with its partners and its latest events.
type ActorDetail struct {
	Actor
	// Partners are the codes that share events with the actor, most shared
	// events first.
	Partners []store.ActorCount `json:"partners"`
	Events   *EventPage         `json:"events"`
}

func (a *API) offices(id string) []Office {
	if a.cfg.KB == nil {
		return nil
	}
	p := a.cfg.KB.Person(id)
	if p == nil {
		return nil
	}
	out := []Office{}
	for _, o := range p.Offices {
		out = append(out, Office{Role: o.Role, State: o.State, From: o.From.String(), To: o.To.String()})
	}
	return out
}

// Actors searches actors by a part of a name, a code or an id.
func (a *API) Actors(ctx context.Context, q string, limit int) (*ActorList, error) {
	if utf8.RuneCountInString(q) > query.MaxActor {
		return nil, &query.Error{Param: "q", Value: q[:40], Msg: "at most 200 characters"}
	}
	found, err := a.cfg.Store.Actors(ctx, strings.TrimSpace(q), limit)
	if err != nil {
		return nil, err
	}
	out := &ActorList{Items: []Actor{}}
	for _, ac := range found {
		out.Items = append(out.Items, Actor{ActorCount: ac, Offices: a.offices(ac.ID)})
	}
	return out, nil
}

func (a *API) listActors(r *http.Request) (any, error) {
	v := r.URL.Query()
	if err := query.Known(v, "q", "limit"); err != nil {
		return nil, err
	}
	limit, err := intParam(v, "limit", DefaultLimit, 1, MaxLimit)
	if err != nil {
		return nil, err
	}
	return a.Actors(r.Context(), v.Get("q"), limit)
}

// ActorByID returns an actor with its partners and its newest events
// (a page of the limit).
func (a *API) ActorByID(ctx context.Context, id string, limit int) (*ActorDetail, error) {
	if len(id) > query.MaxActor {
		return nil, &query.Error{Param: "id", Msg: "at most 200 characters"}
	}
	ac, err := a.cfg.Store.Actor(ctx, id)
	if err != nil {
		return nil, err
	}
	partners, err := a.cfg.Store.Partners(ctx, id, 50)
	if err != nil {
		return nil, err
	}
	evs, err := a.EventsPage(ctx, store.Filter{ActorID: id, Limit: limit, Desc: true})
	if err != nil {
		return nil, err
	}
	return &ActorDetail{Actor: Actor{ActorCount: *ac, Offices: a.offices(id)}, Partners: partners, Events: evs}, nil
}

func (a *API) getActor(r *http.Request) (any, error) {
	v := r.URL.Query()
	if err := query.Known(v, "limit"); err != nil {
		return nil, err
	}
	limit, err := intParam(v, "limit", DefaultLimit, 1, MaxLimit)
	if err != nil {
		return nil, err
	}
	return a.ActorByID(r.Context(), r.PathValue("id"), limit)
}
