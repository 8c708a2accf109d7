package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"clipper/model"
)

// clipper runs one CLI invocation against db and returns stdout, stderr and the exit code.
func clipper(t *testing.T, db string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	full := append([]string{"--db", db, "--coder", "Test Coder"}, args...)
	code := run(full, &out, &errb)
	return out.String(), errb.String(), code
}

// articleField returns a string field of the first article of an import
// report line.
func articleField(t *testing.T, row map[string]any, key string) string {
	t.Helper()
	arts, _ := row["articles"].([]any)
	if len(arts) == 0 {
		t.Fatalf("report without articles: %v", row)
	}
	v, _ := arts[0].(map[string]any)[key].(string)
	return v
}

// jsonLines decodes every line of s into a map.
func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var rows []map[string]any
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("output line is not JSON: %q: %v", sc.Text(), err)
		}
		rows = append(rows, m)
	}
	return rows
}

const samplePath = "../../assets/sample-clipping.txt"

func TestParseSample(t *testing.T) {
	out, errs, code := clipper(t, filepath.Join(t.TempDir(), "unused.clip"), "parse", samplePath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var p parsedJSON
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("parse output: %v", err)
	}
	want := model.Metadata{
		Publication: "The Harbor Ledger",
		Headline:    "Council votes to close Eastmoor water plant after lead readings triple",
		Credit:      "LEDGER STAFF",
		Dateline:    "EASTMOOR",
	}
	if p.Publication != want.Publication || p.Headline != want.Headline || p.Credit != want.Credit || p.Dateline != want.Dateline {
		t.Errorf("metadata = %+v", p)
	}
	if strings.Join(p.Authors, "|") != "Priya Natarajan|Tomasz Wieczorek" {
		t.Errorf("authors = %q", p.Authors)
	}
	if !strings.HasPrefix(p.Deck, "Officials say 14,000 homes") {
		t.Errorf("deck = %q", p.Deck)
	}
	if !strings.HasPrefix(p.Body, "EASTMOOR – The city council voted 7-2") {
		t.Errorf("body starts %q", p.Body[:min(60, len(p.Body))])
	}
	for _, junk := range []string{"??", "Newspapers in English", "DANIEL ASARE"} {
		if strings.Contains(p.Body, junk) {
			t.Errorf("body contains %q", junk)
		}
	}
	if len(p.Captions) != 2 || p.Captions[0].Credit != "DANIEL ASARE/LEDGER" {
		t.Errorf("captions = %+v", p.Captions)
	}
	if _, _, code := clipper(t, "x.clip", "parse", "does-not-exist.txt"); code == 0 {
		t.Error("parse of a missing file succeeded")
	}
}

func TestImportAnnotateRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.clip")
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	sample, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(in, "sample.txt"), sample)
	mustWrite(t, filepath.Join(in, "empty.txt"), nil)
	mustWrite(t, filepath.Join(in, "binary.txt"), []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 1, 2, 3})

	out, errs, code := clipper(t, db, "import", in)
	if code != 1 {
		t.Fatalf("import with two bad files: exit %d, want 1; stderr %s", code, errs)
	}
	rows := jsonLines(t, out)
	if len(rows) != 3 {
		t.Fatalf("import printed %d results, want 3: %s", len(rows), out)
	}
	var id string
	for _, r := range rows {
		switch filepath.Base(r["path"].(string)) {
		case "sample.txt":
			id = articleField(t, r, "id")
			if id == "" || r["error"] != nil || r["added"] != 1.0 || r["found"] != 1.0 || r["format"] != "text" {
				t.Errorf("sample not imported: %v", r)
			}
		default:
			if r["error"] == nil || r["error"] == "" {
				t.Errorf("bad file %v imported without error", r["path"])
			}
		}
	}

	// Importing the same text again reports a duplicate.
	out, _, code = clipper(t, db, "import", filepath.Join(in, "sample.txt"))
	if row := jsonLines(t, out)[0]; code != 0 || articleField(t, row, "duplicate") != "same text" || row["duplicates"] != 1.0 {
		t.Errorf("second import: exit %d, %s", code, out)
	}

	out, _, _ = clipper(t, db, "list")
	list := jsonLines(t, out)
	if len(list) != 1 || list[0]["id"] != id || list[0]["publication"] != "The Harbor Ledger" {
		t.Fatalf("list = %s", out)
	}

	// Find "14,000 homes" in the body by code points.
	pout, _, _ := clipper(t, db, "parse", samplePath)
	var p parsedJSON
	if err := json.Unmarshal([]byte(pout), &p); err != nil {
		t.Fatal(err)
	}
	body := []rune(p.Body)
	byteAt := strings.Index(p.Body, "14,000 homes")
	start := len([]rune(p.Body[:byteAt]))
	end := start + len([]rune("14,000 homes"))
	if string(body[start:end]) != "14,000 homes" {
		t.Fatal("offset arithmetic")
	}
	out, errs, code = clipper(t, db, "annotate", "--clipping", id, "--tag", "figure",
		"--start", itoa(start), "--end", itoa(end), "--value", "14000", "--unit", "homes", "--comparator", "~", "--note", "from the utilities department")
	if code != 0 {
		t.Fatalf("annotate: exit %d: %s", code, errs)
	}
	annID := jsonLines(t, out)[0]["id"]

	out, _, _ = clipper(t, db, "annotations", "--clipping", id)
	anns := jsonLines(t, out)
	if len(anns) != 1 {
		t.Fatalf("annotations = %s", out)
	}
	a := anns[0]
	if a["id"] != annID || a["text"] != "14,000 homes" || a["tag"] != "figure" || a["kind"] != "figure" ||
		a["value"] != 14000.0 || a["unit"] != "homes" || a["comparator"] != "~" || a["coder"] != "Test Coder" ||
		int(a["start"].(float64)) != start || int(a["end"].(float64)) != end {
		t.Errorf("annotation = %v", a)
	}

	// Spans outside the body and mismatched text are refused.
	for _, args := range [][]string{
		{"annotate", "--clipping", id, "--tag", "quote", "--start", "0", "--end", itoa(len(body) + 1)},
		{"annotate", "--clipping", id, "--tag", "quote", "--start", itoa(start), "--end", itoa(end), "--text", "14,000 houses"},
		{"annotate", "--clipping", id, "--tag", "no-such-tag", "--start", "0", "--end", "3"},
		{"annotate", "--clipping", id, "--tag", "claim", "--start", "0", "--end", "3", "--status", "maybe"},
	} {
		if _, errs, code := clipper(t, db, args...); code == 0 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want a refusal", args, code, errs)
		}
	}

	out, _, code = clipper(t, db, "search", "lead")
	if hits := jsonLines(t, out); code != 0 || len(hits) == 0 || hits[0]["clipping_id"] != id {
		t.Errorf("search lead: exit %d, %s", code, out)
	}
	out, _, code = clipper(t, db, "search", "utilities department")
	if code != 0 || !strings.Contains(out, id) {
		t.Errorf("search of a note: exit %d, %s", code, out)
	}
	// Operators and stray quotes in a query never surface as SQL errors.
	_, errs, code = clipper(t, db, "search", `"unbalanced quote AND (`)
	if code != 0 && (strings.Contains(errs, "SQL") || strings.Contains(strings.ToLower(errs), "fts")) {
		t.Errorf("hostile search query leaked an SQL error: %s", errs)
	}

	out, _, _ = clipper(t, db, "stats")
	var st map[string]any
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st["annotations"] != 1.0 || st["clippings"] != 1.0 || st["by_tag"].(map[string]any)["figure"] != 1.0 {
		t.Errorf("stats = %s", out)
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.clip")
	for _, args := range [][]string{{"frobnicate"}, {"parse"}, {"annotate", "--tag", "quote"}, {"--size", "huge", "list"}} {
		if _, errs, code := clipper(t, db, args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want usage error", args, code, errs)
		}
	}
	// A file that is not a project is refused with a clear message and left untouched.
	notProject := filepath.Join(t.TempDir(), "notes.clip")
	mustWrite(t, notProject, []byte("these are my notes, not a database\n"))
	_, errs, code := clipper(t, notProject, "list")
	if code == 0 || !strings.Contains(errs, "not a Clipper project") {
		t.Errorf("list on a text file: exit %d, stderr %q", code, errs)
	}
	if b, _ := os.ReadFile(notProject); string(b) != "these are my notes, not a database\n" {
		t.Error("foreign file was modified")
	}
}

func mustWrite(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
