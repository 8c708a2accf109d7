package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// importSample imports the sample clipping into db and returns its id and body.
func importSample(t *testing.T, db string) (string, string) {
	t.Helper()
	out, errs, code := clipper(t, db, "import", samplePath)
	if code != 0 {
		t.Fatalf("import: %d %s", code, errs)
	}
	id := articleField(t, jsonLines(t, out)[0], "id")
	pout, _, _ := clipper(t, db, "parse", samplePath)
	var p parsedJSON
	if err := json.Unmarshal([]byte(pout), &p); err != nil {
		t.Fatal(err)
	}
	return id, p.Body
}

func TestSuggestFileContract(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.clip")
	_, body := importSample(t, db)
	out, errs, code := clipper(t, db, "suggest", samplePath)
	if code != 0 {
		t.Fatalf("suggest: %d %s", code, errs)
	}
	var ss []map[string]any
	if err := json.Unmarshal([]byte(out), &ss); err != nil {
		t.Fatalf("suggest output is not a JSON array: %v", err)
	}
	runes := []rune(body)
	kinds := map[string]int{}
	for _, s := range ss {
		start, end := int(s["start"].(float64)), int(s["end"].(float64))
		if start < 0 || end > len(runes) || start >= end || string(runes[start:end]) != s["text"] {
			t.Errorf("suggestion %v does not slice the parsed body", s)
		}
		kinds[s["kind"].(string)]++
		if s["kind"] != "figure" {
			if _, ok := s["value"]; ok {
				t.Errorf("non-figure carries a value: %v", s)
			}
		}
	}
	for _, k := range []string{"quote", "figure", "claim"} {
		if kinds[k] == 0 {
			t.Errorf("no %s suggested for the sample clipping", k)
		}
	}
}

func TestSuggestAcceptAgreeExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.clip")
	id, _ := importSample(t, db)
	// Two coders accept the quote suggestions; the second also accepts figures.
	for _, run := range []struct{ coder, kinds string }{{"Ana", "quote"}, {"Ben", "quote,figure"}} {
		var full []string
		full = append(full, "--coder", run.coder, "suggest", "--clipping", id, "--kinds", run.kinds, "--accept")
		if _, errs, code := clipper(t, db, full...); code != 0 {
			t.Fatalf("accept as %s: %d %s", run.coder, code, errs)
		}
	}
	// Accepting again adds nothing for the same coder.
	_, errs, _ := clipper(t, db, "--coder", "Ana", "suggest", "--clipping", id, "--kinds", "quote", "--accept")
	if !strings.Contains(errs, " 0 annotations added") {
		t.Errorf("second accept: %s", errs)
	}
	out, _, _ := clipper(t, db, "annotations", "--clipping", id)
	anns := jsonLines(t, out)
	byCoder := map[string]int{}
	for _, a := range anns {
		byCoder[a["coder"].(string)]++
		if a["origin"] != "suggestion" {
			t.Errorf("accepted suggestion without origin: %v", a)
		}
	}
	if byCoder["Ana"] == 0 || byCoder["Ben"] <= byCoder["Ana"] {
		t.Fatalf("annotations by coder = %v", byCoder)
	}

	out, errs, code := clipper(t, db, "agree", "--coders", "Ana,Ben", "--tag", "quote")
	if code != 0 {
		t.Fatalf("agree: %d %s", code, errs)
	}
	var rep struct {
		Pairs []struct {
			Tag   string   `json:"tag"`
			Kappa *float64 `json:"kappa"`
		} `json:"pairs"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Pairs) == 0 || rep.Pairs[0].Tag != "quote" || rep.Pairs[0].Kappa == nil || *rep.Pairs[0].Kappa != 1 {
		t.Errorf("identical quote codings: %s", out)
	}

	for _, f := range []string{"xlsx", "csv", "json", "qdpx"} {
		dst := filepath.Join(dir, "out."+f)
		out, errs, code := clipper(t, db, "export", "--format", f, "-o", dst, "--coder", "Ben")
		if code != 0 {
			t.Fatalf("export %s: %d %s", f, code, errs)
		}
		var res map[string]any
		if err := json.Unmarshal([]byte(out), &res); err != nil || res["annotations"].(float64) != float64(byCoder["Ben"]) {
			t.Errorf("export %s reported %s; want %d of Ben's annotations", f, out, byCoder["Ben"])
		}
		if fi, err := os.Stat(dst); err != nil || fi.Size() == 0 {
			t.Errorf("export %s wrote nothing: %v", f, err)
		}
	}
	if _, errs, code := clipper(t, db, "export", "--format", "pdf", "-o", filepath.Join(dir, "x.pdf")); code == 0 || !strings.Contains(errs, "unknown export format") {
		t.Errorf("export pdf: %d %s", code, errs)
	}
}
