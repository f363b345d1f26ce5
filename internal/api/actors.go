package api

import (
	"context"
	"net/http"
	"sort"
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

// Partner is a code that shares events with an actor: a partner where
// cooperation outweighs conflict, a counterpart where conflict does.
type Partner struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Events      int    `json:"events"`
	Cooperation int    `json:"cooperation"`
	Conflict    int    `json:"conflict"`
}

// ActorList is the answer to an actor search.
type ActorList struct {
	Items []Actor `json:"items"`
}

// ActorDetail is an actor with its partners and its latest events.
type ActorDetail struct {
	Actor
	// Partners are the codes that share events with the actor, most shared
	// events first, with how many of them are cooperation and conflict.
	Partners []Partner  `json:"partners"`
	Events   *EventPage `json:"events"`
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
	pts, err := a.cfg.Store.PartnerTypes(ctx, id)
	if err != nil {
		return nil, err
	}
	partners := a.partners(pts, 50)
	evs, err := a.EventsPage(ctx, store.Filter{ActorID: id, Limit: limit, Desc: true})
	if err != nil {
		return nil, err
	}
	return &ActorDetail{Actor: Actor{ActorCount: *ac, Offices: a.offices(id)}, Partners: partners, Events: evs}, nil
}

// partners sums shared events per code, most first, at most limit codes.
func (a *API) partners(pts []store.PartnerType, limit int) []Partner {
	by := map[string]*Partner{}
	var order []string
	for _, pt := range pts {
		p := by[pt.Code]
		if p == nil {
			p = &Partner{Code: pt.Code}
			by[pt.Code] = p
			order = append(order, pt.Code)
		}
		if pt.Name != "" {
			p.Name = pt.Name
		}
		p.Events += pt.Events
		switch signOf(a.cfg.Sign, pt.Type) {
		case 1:
			p.Cooperation += pt.Events
		case -1:
			p.Conflict += pt.Events
		}
	}
	out := []Partner{}
	for _, c := range order {
		p := by[c]
		if p.Name == "" && a.cfg.KB != nil {
			p.Name = a.cfg.KB.CodeName(c)
		}
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Code < out[j].Code
	})
	return out[:min(len(out), limit)]
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
