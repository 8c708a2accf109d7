package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"clipper/model"
	"clipper/model/ingest/archive"
)

// hasWarning reports whether a warning contains every part.
func hasWarning(warns []string, parts ...string) bool {
	for _, w := range warns {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(w, p)
		}
		if ok {
			return true
		}
	}
	return false
}

func TestSyntheticExports(t *testing.T) {
	p, err := ParseArticles(context.Background(), "ledger.docx", nexisDocx(t, synthNexis(5, true)))
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != "Nexis Uni DOCX" || len(p.Articles) != 5 || p.Announced != 5 || len(p.Warnings) != 0 {
		t.Fatalf("Nexis Uni: %s, %d of %d, warnings %q", p.Format, len(p.Articles), p.Announced, p.Warnings)
	}
	c := p.Articles[2].Clipping
	if c.Headline != "Harbour council votes on plan 3" || c.Publication != "The Harbor Ledger" || c.Date != "2021-03-04" ||
		c.Section != "LOCAL" || c.Page != "3" || c.Words != 120 || len(c.Authors) != 1 || c.Authors[0] != "Jane Roe" {
		t.Errorf("article 3: %+v", c.Metadata)
	}
	if !strings.HasPrefix(c.Body, "The council voted 6-2") || strings.Contains(c.Body, "Load-Date") || strings.Contains(c.Body, "Copyright") {
		t.Errorf("article 3 body: %q", c.Body)
	}
	var details []string
	for _, d := range c.Details {
		details = append(details, d.Key+"="+d.Value)
	}
	if got := strings.Join(details, "|"); !strings.Contains(got, "Load-Date=March 30, 2021") || !strings.Contains(got, "Copyright=Copyright 2021 The Harbor Ledger") {
		t.Errorf("details %s", got)
	}

	p, err = ParseArticles(context.Background(), "ledger.txt", []byte(synthLexis(4)))
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != "LexisNexis TXT" || len(p.Articles) != 4 || p.Announced != 4 || len(p.Warnings) != 0 {
		t.Fatalf("Lexis: %s, %d of %d, warnings %q", p.Format, len(p.Articles), p.Announced, p.Warnings)
	}
	c = p.Articles[1].Clipping
	if c.Headline != "Harbour council votes on plan 2" || c.Date != "2010-01-03" || c.Page != "3" || c.Language != "en" {
		t.Errorf("Lexis article 2: %+v", c.Metadata)
	}
	want := "The council voted 5-2 on Tuesday to approve harbour plan number 2, officials said after a long evening meeting at the town hall on the waterfront.\n\nResidents have collected more than 1002 signatures on a petition against the closure of the old ferry landing."
	if c.Body != want {
		t.Errorf("Lexis body (hard wraps joined):\n%q\nwant\n%q", c.Body, want)
	}
}

// TestReportTellsTheTruth: files that cannot be split, or only in part,
// say so instead of importing one giant clipping or dropping articles
// quietly.
func TestReportTellsTheTruth(t *testing.T) {
	markers := regexp.MustCompile(`(?m)^(\s*\d+) of (\d+) DOCUMENTS`)
	lexis := synthLexis(5)
	nexis := synthNexis(5, true)
	// cut inside document 4, after its text began
	cut := 0
	for i, p := range nexis {
		if p.Text == "Harbour council votes on plan 4" && p.Bold {
			cut = i + 11
		}
	}

	tests := []struct {
		name      string
		data      []byte
		is        error    // the file is refused with this error
		msg       string   // part of the error
		found     int      // otherwise: articles found
		announced int      // and announced
		warn      []string // parts of one warning
	}{
		{name: "mangled markers.txt", data: []byte(markers.ReplaceAllString(lexis, "$1 von $2 DOKUMANTEN")),
			is: ErrUnsplittable, msg: `no "N of M DOCUMENTS" lines`},
		{name: "one marker lost.txt", data: []byte(strings.Replace(lexis, "3 of 5 DOCUMENTS", "", 1)),
			found: 4, announced: 5, warn: []string{"document 2 holds 2 LOAD-DATE lines"}},
		{name: "cut short.docx", data: nexisDocx(t, nexis[:cut]),
			found: 4, announced: 5, warn: []string{"the last document has no \"End of Document\" line"}},
		{name: "no ends.docx", data: nexisDocx(t, synthNexis(5, false)),
			is: ErrUnsplittable, msg: "5 documents run together"},
		{name: "truncated.docx", data: nexisDocx(t, nexis)[:1000], is: ErrCorruptDocx},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParseArticles(context.Background(), tt.name, tt.data)
			if tt.is != nil {
				if !errors.Is(err, tt.is) || !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), tt.name+": ") {
					t.Fatalf("err = %v, want %v saying %q", err, tt.is, tt.msg)
				}
				// and the import reports it, adding nothing
				dir := t.TempDir()
				writeFiles(t, dir, map[string][]byte{tt.name: tt.data})
				st := newStore(t)
				reps, err := ImportPaths(context.Background(), st, []string{dir}, nil)
				if err != nil || len(reps) != 1 || !errors.Is(reps[0].Err, tt.is) || len(reps[0].Articles) != 0 {
					t.Fatalf("import: %+v, %v", reps, err)
				}
				if sums, _ := st.ClippingSummaries(context.Background()); len(sums) != 0 {
					t.Errorf("%d clippings stored from a file that was refused", len(sums))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Articles) != tt.found || p.Announced != tt.announced {
				t.Errorf("found %d of %d, want %d of %d", len(p.Articles), p.Announced, tt.found, tt.announced)
			}
			if !hasWarning(p.Warnings, "found", "of", "articles") {
				t.Errorf("no found/announced warning in %q", p.Warnings)
			}
			if !hasWarning(p.Warnings, tt.warn...) {
				t.Errorf("warnings %q do not say %q", p.Warnings, tt.warn)
			}
		})
	}
}

// TestCoverageFindsLostText: text that a splitter drops without declaring
// it is reported, and declared left-outs are not.
func TestCoverageFindsLostText(t *testing.T) {
	lost := "The harbour master said the new crane would arrive by barge before the end of May."
	text := "Council votes\n\nThe council voted on Tuesday to approve the harbour plan, officials said.\n\n" + lost + "\n\nCover page: downloaded by a reader on Friday afternoon for the project.\n"
	doc := &archive.Doc{Kind: archive.Text, Text: text}
	arts := []archive.Article{{Metadata: model.Metadata{Headline: "Council votes"}, Body: "The council voted on Tuesday to approve the harbour plan, officials said."}}
	p := &Parsed{Articles: []Article{{N: 1, Clipping: newClipping(arts[0].Metadata, arts[0].Body, nil, "")}}}

	warns := coverage(doc, p, []string{"Cover page: downloaded by a reader on Friday afternoon for the project."}, arts)
	if len(warns) != 1 || !strings.Contains(warns[0], "16 words") || !strings.Contains(warns[0], "The harbour master said") {
		t.Errorf("lost paragraph not reported: %q", warns)
	}
	if warns := coverage(doc, p, nil, arts); !hasWarning(warns, "28 words", "2 lines") {
		t.Errorf("undeclared cover page not reported: %q", warns)
	}
	arts[0].Body += "\n\n" + lost
	p.Articles[0].Clipping = newClipping(arts[0].Metadata, arts[0].Body, nil, "")
	if warns := coverage(doc, p, []string{"Cover page: downloaded by a reader on Friday afternoon for the project."}, arts); len(warns) != 0 {
		t.Errorf("nothing lost, but %q", warns)
	}

	// A web page whose article is a sliver of its text says so.
	page := "<html><body>" + strings.Repeat("<div><p>Market report: shares rose in early trading as investors weighed the central bank's decision.</p></div>", 200) + "</body></html>"
	fd := fileDoc{html: true, doc: &archive.Doc{Kind: archive.HTML, Text: page}}
	c := newClipping(model.Metadata{}, "Dow Jones", nil, "")
	if warns := singleCoverage(fd, c); !hasWarning(warns, "3000 words", "only 2") {
		t.Errorf("page warning: %q", warns)
	}
}

func TestImportReportsDuplicatesAndSidecars(t *testing.T) {
	dir := t.TempDir()
	nexis := nexisDocx(t, synthNexis(5, true))
	writeFiles(t, dir, map[string][]byte{
		"a/first download.docx":  nexis,
		"a/second download.docx": nexis,              // the same articles again
		"a/first download.json":  []byte(`{"q": 1}`), // sidecars
		"a/Thumbs.db":            {0, 1, 2},
		"a/~$rst download.docx":  {1, 2, 3},
		"a/thumbs/page1.png":     {0x89, 'P', 'N', 'G'},
		"a/desktop.ini":          []byte("[.ShellClassInfo]"),
		"a/lexis.txt":            []byte(synthLexis(3)),
		"a/pq1.txt":              []byte(proquestExport(1, 3)),
		"a/pq2 same ids.txt":     []byte(strings.ReplaceAll(proquestExport(1, 3), "council", "Council")), // other text, same document ids
	})
	st := newStore(t)
	var last Progress
	reps, err := ImportPaths(context.Background(), st, []string{filepath.Join(dir, "a")}, func(p Progress) { last = p })
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]FileReport{}
	for _, r := range reps {
		byName[filepath.Base(r.Path)] = r
	}
	for _, name := range []string{"first download.json", "Thumbs.db", "~$rst download.docx", "page1.png", "desktop.ini"} {
		if r := byName[name]; r.Skipped == "" || r.Err != nil || len(r.Articles) != 0 {
			t.Errorf("%s: not skipped as a sidecar: %+v", name, r)
		}
	}
	count := func(name string) [3]int {
		r := byName[name]
		if r.Err != nil {
			t.Errorf("%s: %v", name, r.Err)
		}
		a, d, p := r.Counts()
		return [3]int{a, d, p}
	}
	if got := count("first download.docx"); got != [3]int{5, 0, 0} {
		t.Errorf("first download: added, duplicates, problems = %v", got)
	}
	if got := count("second download.docx"); got != [3]int{0, 5, 0} {
		t.Errorf("second download: %v", got)
	}
	for i, a := range byName["second download.docx"].Articles {
		if a.Duplicate != DupSameText || a.ID != byName["first download.docx"].Articles[i].ID {
			t.Errorf("second download article %d: %+v", i+1, a)
		}
	}
	if got := count("lexis.txt"); got != [3]int{3, 0, 0} {
		t.Errorf("lexis: %v", got)
	}
	if got := count("pq1.txt"); got != [3]int{3, 0, 0} {
		t.Errorf("pq1: %v", got)
	}
	if got := count("pq2 same ids.txt"); got != [3]int{0, 3, 0} {
		t.Errorf("pq2: %v", got)
	}
	for _, a := range byName["pq2 same ids.txt"].Articles {
		if a.Duplicate != DupSameID || a.SourceID == "" {
			t.Errorf("pq2 article %d: %+v", a.N, a)
		}
	}
	if last.Files != 5 || last.FilesDone != 5 || last.Articles != 19 {
		t.Errorf("last progress %+v", last)
	}
	if s := byName["first download.docx"].Summary(); s != "Nexis Uni DOCX: 5 articles (5 announced): 5 added" {
		t.Errorf("summary %q", s)
	}
	sums, err := st.ClippingSummaries(context.Background())
	if err != nil || len(sums) != 11 {
		t.Errorf("%d clippings stored, want 11 (%v)", len(sums), err)
	}
}

// proquestExport builds a ProQuest text export of n documents whose ids
// start at first.
func proquestExport(first, n int) string {
	var b strings.Builder
	sep := strings.Repeat("_", 60)
	for i := first; i < first+n; i++ {
		b.WriteString(sep + "\n\n")
		b.WriteString("Harbour council votes on plan " + itoa(i) + "\n\n")
		b.WriteString("Author: Roe, Jane\n\nPublication info: The Harbor Ledger; Mar 9, 2022: A.2.\n\n")
		b.WriteString("Full text: The council voted on Tuesday to approve harbour plan number " + itoa(i) + ", officials said.\n")
		b.WriteString("Residents have collected signatures against the closure of the ferry landing.\n\n")
		b.WriteString("Subject: Harbours\n\nTitle: Harbour council votes on plan " + itoa(i) + "\n\nPublication title: The Harbor Ledger\n\n")
		b.WriteString("Publication date: Mar 9, 2022\n\nSection: Local\n\nLanguage of publication: English\n\n")
		b.WriteString("ProQuest document ID: " + itoa(900000+i) + "\n\nDatabase: Test Newsstream\n\n")
	}
	b.WriteString(sep + "\n\nContact us at: http://about.proquest.example/contact\n")
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestExportsIgnoreFileNameDate: an export's file name says when it was
// downloaded; an article without a date line stays without a date. Parse,
// meant for one article, refuses an export.
func TestExportsIgnoreFileNameDate(t *testing.T) {
	text := strings.Replace(synthLexis(2), "January 3, 2010 Monday", "", 1)
	p, err := ParseArticles(context.Background(), "2022-02-15 download.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Articles) != 2 || p.Articles[0].Clipping.Date != "2010-01-02" || p.Articles[1].Clipping.Date != "" {
		t.Errorf("dates: %q, %q", p.Articles[0].Clipping.Date, p.Articles[1].Clipping.Date)
	}
	if _, _, err := Parse("2022-02-15 download.txt", []byte(text)); !errors.Is(err, ErrSeveral) || !strings.Contains(err.Error(), "LexisNexis TXT export with 2 articles") {
		t.Errorf("Parse of an export: %v", err)
	}
}
