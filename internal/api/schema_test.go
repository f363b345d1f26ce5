package api

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"entente/internal/query"
)

// A small JSON Schema checker for the subset openapi.json uses ($ref, type,
// properties, required, additionalProperties, items, enum), so that the
// document is checked against real responses.

var openapiDoc = func() map[string]any {
	b, err := spec.ReadFile("openapi.json")
	if err != nil {
		panic(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		panic(err)
	}
	return m
}()

// checkResponse checks a response body against the schema the document
// gives for its path and status; errors always have the Error schema.
func checkResponse(path string, status int, v any) error {
	path, _, _ = strings.Cut(path, "?")
	path = strings.TrimPrefix(path, "/api/v1")
	if status != 200 {
		return checkSchema(map[string]any{"$ref": "#/components/schemas/Error"}, v, "")
	}
	paths := openapiDoc["paths"].(map[string]any)
	var keys []string
	for k := range paths {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, tmpl := range keys {
		if !matchPath(tmpl, path) {
			continue
		}
		op := paths[tmpl].(map[string]any)["get"].(map[string]any)
		resp, ok := op["responses"].(map[string]any)[strconv.Itoa(status)].(map[string]any)
		if !ok {
			return fmt.Errorf("status %d is not documented for %s", status, tmpl)
		}
		schema := resp["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
		return checkSchema(schema, v, "")
	}
	if path == "/openapi.json" {
		return nil
	}
	return fmt.Errorf("no path of the document matches %s", path)
}

func matchPath(tmpl, path string) bool {
	a, b := strings.Split(tmpl, "/"), strings.Split(path, "/")
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && !strings.HasPrefix(a[i], "{") {
			return false
		}
	}
	return true
}

func checkSchema(s map[string]any, v any, at string) error {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/components/schemas/")
		sub, ok := openapiDoc["components"].(map[string]any)["schemas"].(map[string]any)[name].(map[string]any)
		if !ok {
			return fmt.Errorf("%s: unknown schema %s", at, ref)
		}
		return checkSchema(sub, v, at)
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, v) {
		return fmt.Errorf("%s: %v is not one of %v", at, v, enum)
	}
	switch s["type"] {
	case "string":
		if _, ok := v.(string); !ok {
			return fmt.Errorf("%s: %v is no string", at, v)
		}
	case "integer":
		f, ok := v.(float64)
		if !ok || f != math.Trunc(f) {
			return fmt.Errorf("%s: %v is no integer", at, v)
		}
	case "number":
		if _, ok := v.(float64); !ok {
			return fmt.Errorf("%s: %v is no number", at, v)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s: %v is no boolean", at, v)
		}
	case "array":
		xs, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: %v is no array", at, v)
		}
		items, _ := s["items"].(map[string]any)
		for i, x := range xs {
			if items != nil {
				if err := checkSchema(items, x, fmt.Sprintf("%s[%d]", at, i)); err != nil {
					return err
				}
			}
		}
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: %v is no object", at, v)
		}
		props, _ := s["properties"].(map[string]any)
		req, _ := s["required"].([]any)
		for _, r := range req {
			if _, ok := m[r.(string)]; !ok {
				return fmt.Errorf("%s: required %s missing", at, r)
			}
		}
		for k, x := range m {
			if p, ok := props[k].(map[string]any); ok {
				if err := checkSchema(p, x, at+"."+k); err != nil {
					return err
				}
				continue
			}
			switch extra := s["additionalProperties"].(type) {
			case bool:
				if !extra {
					return fmt.Errorf("%s: property %s is not documented", at, k)
				}
			case map[string]any:
				if err := checkSchema(extra, x, at+"."+k); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// TestStatusEnumsAreTheStores: every status the OpenAPI document offers, as
// a query parameter or in an event, is one the store holds (query.Statuses,
// itself store.Statuses), and no other.
func TestStatusEnumsAreTheStores(t *testing.T) {
	var found []string
	var walk func(v any, where string)
	walk = func(v any, where string) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(x, where+"/"+k)
			}
			enum, _ := v["enum"].([]any)
			param := v["name"] == "status" && v["in"] == "query"
			if param {
				enum, _ = v["schema"].(map[string]any)["enum"].([]any)
			}
			event := strings.HasPrefix(where, "/components/schemas/Event") && strings.HasSuffix(where, "/properties/status")
			if !param && !event {
				return
			}
			got := make([]string, len(enum))
			for i, e := range enum {
				got[i], _ = e.(string)
			}
			if !slices.Equal(got, query.Statuses) {
				t.Errorf("%s offers statuses %q; the store holds %q", where, got, query.Statuses)
			}
			found = append(found, where)
		case []any:
			for i, x := range v {
				walk(x, fmt.Sprintf("%s/%d", where, i))
			}
		}
	}
	walk(openapiDoc, "")
	if len(found) < 8 {
		t.Errorf("%d status enums in openapi.json (%q), want the six status parameters and the two event schemas", len(found), found)
	}
}
