package api

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
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
