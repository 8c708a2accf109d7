package ingest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clipper/model"
)

// golden is the expected result of parsing one testdata file.
type golden struct {
	Publication string          `json:"publication"`
	Headline    string          `json:"headline"`
	Deck        string          `json:"deck"`
	Authors     []string        `json:"authors"`
	Credit      string          `json:"credit"`
	Dateline    string          `json:"dateline"`
	Date        string          `json:"date"`
	URL         string          `json:"url"`
	Body        string          `json:"body"`
	Captions    []model.Caption `json:"captions"`
	Warnings    []string        `json:"warnings,omitempty"`
}

// goldenError is the expected result for a file that must be refused.
type goldenError struct {
	Error    string   `json:"error"`
	Warnings []string `json:"warnings,omitempty"`
}

// testInputs lists the files in testdata that tests parse: everything but
// goldens and the src and fuzz folders.
func testInputs(t testing.TB) []string {
	t.Helper()
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".golden.json") {
			continue
		}
		out = append(out, e.Name())
	}
	return out
}

func goldenName(input string) string {
	return filepath.Join("testdata", input+".golden.json")
}

func TestGolden(t *testing.T) {
	inputs := testInputs(t)
	if len(inputs) < 12 {
		t.Fatalf("only %d test inputs", len(inputs))
	}
	for _, name := range inputs {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			c, warns, err := Parse(name, data)
			var got any
			if err != nil {
				got = goldenError{Error: err.Error(), Warnings: warns}
			} else {
				checkClipping(t, c, data, name)
				g := golden{
					Publication: c.Publication, Headline: c.Headline, Deck: c.Deck,
					Authors: c.Authors, Credit: c.Credit, Dateline: c.Dateline,
					Date: c.Date, URL: c.URL, Body: c.Body, Captions: c.Captions,
					Warnings: warns,
				}
				if g.Authors == nil {
					g.Authors = []string{}
				}
				if g.Captions == nil {
					g.Captions = []model.Caption{}
				}
				got = g
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(got); err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := os.WriteFile(goldenName(name), buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenName(name))
			if err != nil {
				t.Fatalf("%v (run with -update to create it, then check it by eye)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("result differs from %s\n--- got:\n%s\n--- want:\n%s", goldenName(name), buf.Bytes(), want)
			}
		})
	}
}

// checkClipping asserts the invariants every parsed clipping keeps.
func checkClipping(t testing.TB, c *model.Clipping, data []byte, name string) {
	t.Helper()
	if err := bodyProblem(c.Body); err != "" {
		t.Errorf("body: %s", err)
	}
	if c.Body == "" {
		t.Error("empty body without an error")
	}
	if c.BodyHash != model.HashBody(c.Body) {
		t.Error("BodyHash is not the hash of Body")
	}
	if !bytes.Equal(c.Original, data) {
		t.Error("Original is not the input")
	}
	if c.SourceName != baseName(name) {
		t.Errorf("SourceName = %q, want %q", c.SourceName, baseName(name))
	}
	if Normalize(c.Body) != c.Body {
		t.Error("Body is not normalised")
	}
}
