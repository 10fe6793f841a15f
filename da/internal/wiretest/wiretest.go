// Package wiretest reads the JSON-RPC traffic recorded from a real
// celestia-node (shared/celestia/wire, a sibling of the repository) and
// compares JSON shapes, for the wire conformance tests of da/celestia and
// da/mockda.
package wiretest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// relDir is the recordings' directory relative to a package two levels
// below the repository root (da/celestia, da/mockda): CI clones the
// repository with shared/ as its sibling.
const relDir = "../../../shared/celestia/wire"

// Dir returns the recordings' directory, or skips the test when it is
// absent.
func Dir(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(relDir, "INDEX.md")); err != nil {
		t.Skipf("celestia-node wire recordings not found at %s (a checkout of shared/ next to the repository): %v", relDir, err)
	}
	return relDir
}

// Recording is one recorded call.
type Recording struct {
	Name     string
	Request  []byte
	Response []byte
}

// Load reads NAME.request.json and NAME.response.json.
func Load(t *testing.T, name string) Recording {
	t.Helper()
	dir := Dir(t)
	req, err := os.ReadFile(filepath.Join(dir, name+".request.json"))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := os.ReadFile(filepath.Join(dir, name+".response.json"))
	if err != nil {
		t.Fatal(err)
	}
	return Recording{Name: name, Request: req, Response: resp}
}

// Names lists the recorded calls (the NAME of every NAME.response.json).
func Names(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(Dir(t), "*.response.json"))
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(filepath.Base(f), ".response.json")
	}
	sort.Strings(names)
	return names
}

// HTTPStatus is the status celestia-node answered the recording with:
// 200 for results and node errors (code 1), 500 for protocol errors
// (-32xxx) and panics (code 0), as wire/INDEX.md records.
func (r Recording) HTTPStatus() int {
	var resp struct {
		Error *struct {
			Code int `json:"code"`
		} `json:"error"`
	}
	if json.Unmarshal(r.Response, &resp) == nil && resp.Error != nil && resp.Error.Code != 1 {
		return 500
	}
	return 200
}

// Decode parses JSON keeping numbers as json.Number.
func Decode(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// SameShape reports how got differs in shape from want: object keys, JSON
// types, and integers sent as strings ("41") versus numbers. Arrays of the
// same length are compared element by element, others element by element
// against want's first element (lists of like items).
func SameShape(want, got []byte) error {
	w, err := Decode(want)
	if err != nil {
		return fmt.Errorf("recorded JSON: %w", err)
	}
	g, err := Decode(got)
	if err != nil {
		return fmt.Errorf("JSON under test: %w", err)
	}
	return sameShape("$", w, g)
}

func sameShape(path string, w, g any) error {
	switch wv := w.(type) {
	case map[string]any:
		gv, ok := g.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want an object, got %s", path, kind(g))
		}
		for k := range wv {
			if _, ok := gv[k]; !ok {
				return fmt.Errorf("%s: missing key %q", path, k)
			}
		}
		for k := range gv {
			if _, ok := wv[k]; !ok {
				return fmt.Errorf("%s: unexpected key %q", path, k)
			}
		}
		for k := range wv {
			if err := sameShape(path+"."+k, wv[k], gv[k]); err != nil {
				return err
			}
		}
		return nil
	case []any:
		gv, ok := g.([]any)
		if !ok {
			return fmt.Errorf("%s: want an array, got %s", path, kind(g))
		}
		for i := range gv {
			wi := 0
			if len(gv) == len(wv) {
				wi = i
			} else if len(wv) == 0 {
				break
			}
			if err := sameShape(fmt.Sprintf("%s[%d]", path, i), wv[wi], gv[i]); err != nil {
				return err
			}
		}
		return nil
	case string:
		gv, ok := g.(string)
		if !ok {
			return fmt.Errorf("%s: want a string, got %s", path, kind(g))
		}
		if isInt(wv) && !isInt(gv) {
			return fmt.Errorf("%s: want an integer in a string (like %q), got %q", path, wv, gv)
		}
		return nil
	}
	if kind(w) != kind(g) {
		return fmt.Errorf("%s: want %s, got %s", path, kind(w), kind(g))
	}
	return nil
}

func isInt(s string) bool {
	_, err := strconv.ParseInt(s, 10, 64)
	return err == nil
}

func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}
