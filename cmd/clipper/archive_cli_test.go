package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// lexisExport is a classic LexisNexis text export of n invented articles.
func lexisExport(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Download Request: Selected Items: 1-%d\n\n", n)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "                               %d of %d DOCUMENTS\n\n", i, n)
		fmt.Fprintf(&b, "                              The Harbor Ledger\n\n                            March %d, 2021 Tuesday\n\n", i)
		fmt.Fprintf(&b, "Harbour plan %d approved\n\nSECTION: LOCAL; Pg. %d\n\nLENGTH: 25 words\n\n", i, i+1)
		fmt.Fprintf(&b, "The council voted on Tuesday to approve harbour plan number %d, officials said.\n\n", i)
		b.WriteString("LOAD-DATE: March 30, 2021\n\nLANGUAGE: ENGLISH\n\n          Copyright 2021 The Harbor Ledger\n\n")
	}
	return b.String()
}

// TestArchiveParseAndImport: `parse` prints a JSON array for a file of
// several articles, `import` one report line per file.
func TestArchiveParseAndImport(t *testing.T) {
	dir := t.TempDir()
	export := filepath.Join(dir, "2021-04-01 download.txt")
	text := strings.Replace(lexisExport(3), "Selected Items: 1-3", "Selected Items: 1-4", 1) +
		"\n\nWe are sorry but there is an error in this document and it is not possible to display it.\n"
	mustWrite(t, export, []byte(text))

	out, errs, code := clipper(t, filepath.Join(dir, "unused.clip"), "parse", export)
	if code != 0 {
		t.Fatalf("parse: exit %d: %s", code, errs)
	}
	var arts []map[string]any
	if err := json.Unmarshal([]byte(out), &arts); err != nil {
		t.Fatalf("parse output is not a JSON array: %v\n%s", err, out)
	}
	if len(arts) != 4 {
		t.Fatalf("%d articles, want 4", len(arts))
	}
	if p := arts[3]; len(p) != 2 || p["n"] != 4.0 || !strings.Contains(p["problem"].(string), "We are sorry") {
		t.Errorf("the error placeholder: %v", p)
	}
	a := arts[1]
	for k, want := range map[string]any{"n": 2.0, "headline": "Harbour plan 2 approved", "publication": "The Harbor Ledger", "date": "2021-03-02",
		"section": "LOCAL", "page": "3", "words": 25.0, "language": "en", "source_id": "",
		"body": "The council voted on Tuesday to approve harbour plan number 2, officials said."} {
		if a[k] != want {
			t.Errorf("article 2 %s = %#v, want %#v", k, a[k], want)
		}
	}
	if !strings.Contains(errs, "LexisNexis TXT, found 4 of 4 articles announced") || !strings.Contains(errs, "article 4: LexisNexis could not deliver this document") {
		t.Errorf("parse stderr: %s", errs)
	}

	db := filepath.Join(dir, "p.clip")
	out, errs, code = clipper(t, db, "import", export)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	rows := jsonLines(t, out)
	if len(rows) == 1 && rows[0]["problems"] != 1.0 {
		t.Errorf("problems: %v", rows[0])
	}
	if len(rows) != 1 {
		t.Fatalf("%d report lines: %s", len(rows), out)
	}
	r := rows[0]
	if r["format"] != "LexisNexis TXT" || r["archive"] != true || r["found"] != 4.0 || r["announced"] != 4.0 || r["added"] != 3.0 || r["duplicates"] != 0.0 {
		t.Errorf("report: %v", r)
	}
	if lo, _ := r["left_out"].([]any); len(lo) == 0 || lo[0] != "cover page" {
		t.Errorf("left out: %v", r["left_out"])
	}
	if !strings.Contains(errs, "LexisNexis TXT: 4 articles (4 announced): 3 added, 1 not imported") {
		t.Errorf("import stderr: %s", errs)
	}

	// The same download again: every article is a duplicate.
	out, _, _ = clipper(t, db, "import", export)
	if r := jsonLines(t, out)[0]; r["added"] != 0.0 || r["duplicates"] != 3.0 || articleField(t, r, "duplicate") != "same text" {
		t.Errorf("second import: %v", r)
	}
}
