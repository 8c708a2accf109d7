package ingest

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"clipper/model/ingest/archive"
)

const corpusArchives = "../../../shared/corpus/archives/"

// corpusFile reads a corpus file, skipping the test without the corpus
// (failing in CI).
func corpusFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(corpusArchives + name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("corpus file missing in CI: %v", err)
		}
		t.Skipf("corpus not available (%v): run inside the Clipper work tree layout", err)
	}
	return data
}

// sofficePDF converts the text file src to a PDF with LibreOffice in a
// temporary directory, skipping the test without soffice (failing in CI).
func sofficePDF(t testing.TB, src string, data []byte) string {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice (LibreOffice Writer) is needed in CI: scripts/deps.sh --test installs it")
		}
		t.Skip("soffice is not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, src)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v: %s", err, out)
	}
	pdfPath := strings.TrimSuffix(in, filepath.Ext(in)) + ".pdf"
	if _, err := os.Stat(pdfPath); err != nil {
		t.Fatalf("soffice made no PDF (is libreoffice-writer installed?): %v", err)
	}
	return pdfPath
}

func TestBZKDigestSplits(t *testing.T) {
	data := corpusFile(t, "bzk/amcat_bzk_test.pdf")
	doc, _, err := PDFDoc(context.Background(), "amcat_bzk_test.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	b, err := archive.Split(context.Background(), doc)
	if err != nil || b == nil {
		t.Fatalf("Split: %v, %v", b, err)
	}
	if b.Format != "BZK press digest (PDF)" || len(b.Articles) != 45 || b.Announced != 45 || len(b.Warnings) != 0 {
		t.Fatalf("format %q, %d articles of %d announced, warnings %q", b.Format, len(b.Articles), b.Announced, b.Warnings)
	}
	// Checked by hand against the PDF's pages.
	tests := []struct {
		n                            int
		headline, publication, date  string
		page, author, bodyStart, end string
	}{
		{1, "Blok komt met varianten verhuurderheffing", "ANP", "2013-06-20", "", "", "DEN HAAG (ANP) - Minister Stef Blok van Wonen heeft verschillende opties om de komende jaren tot 1,7 miljard euro per jaar op te halen door de verhuurderheffing anders in te voeren.", "De brief van Blok dient als basis om met de Kamer over de regels voor de toekomst te gaan praten. (c) ANP 2013, alle rechten voorbehouden"},
		{3, "Blok presenteert varianten op verhuurderheffing corporaties", "Het Financieele Dagblad", "2013-06-21", "3", "", "Amsterdam Minister Stef Blok van Wonen en Rijksdienst heeft gisteren een aantal varianten", "moeten gaan betalen. fd"},
		{4, "Heffing van Blok blijft slecht vallen bij alle betrokkenen", "Trouw", "2013-06-21", "5", "", "Woningmarkt", "(trouw)"},
		{10, "Hogere huur voor groene huizen", "de Volkskrant", "2013-06-21", "6", "", "AMSTERDAM\n\nHuurders betalen in de toekomst geen energierekening", ""},
		{16, "Onderzoek naar ronselen jihad", "Algemeen Dagblad", "2013-06-21", "1", "", "den haag Minister Lodewijk Asscher (Sociale Zaken) gaat in kaart brengen", ""},
		{22, "Nieuwe verklaringen tegen oud-topman Justitie", "Algemeen Dagblad", "2013-06-21", "2", "Koen Voskuil", "DEN HAAG Twee oud-topmannen van Justitie hebben notariële verklaringen afgelegd tegen voormalig secretaris-generaal", ""},
		{25, "Toezichthouders met top zorgsector in Côte d’Azur", "NRC Handelsblad", "2013-06-20", "2-3", "", "Vierde buitenlandse reis na commotie afgelast", ""},
		{30, "DNB: 'Dekking pensioenfondsen verslechterd'", "Volkskrant.nl", "2013-06-20", "", "", "De financiële positie van Nederlandse pensioenfondsen is vorige maand verslechterd", ""},
		{35, "Ministers rijden grotere dienstauto dan premier Rutte", "Elsevier.nl", "2013-06-19", "", "", "door Jelte Wiersma", ""},
		{36, "#HetDuel Uitgedaagd op Volkskrant.nl", "de Volkskrant", "2013-06-14", "26", "", "Geen respect voor andersdenkenden", ""},
		{40, "Getuigenissen tegen oud-topambtenaar", "NRC Handelsblad", "2013-06-20", "8-9", "", "Amsterdam.", ""},
		{45, "Nederland is het eens met Unicef", "Antilliaans Dagblad", "2013-06-21", "", "", "Van onze correspondent Den Haag - De Nederlandse regering onderschrijft", ""},
	}
	for _, tt := range tests {
		a := b.Articles[tt.n-1]
		if a.N != tt.n || a.Headline != tt.headline || a.Publication != tt.publication || a.Date != tt.date || a.Page != tt.page {
			t.Errorf("article %d: N %d, %q, %q, %q, page %q; want %q, %q, %q, page %q", tt.n, a.N, a.Headline, a.Publication, a.Date, a.Page, tt.headline, tt.publication, tt.date, tt.page)
		}
		if tt.author != "" && (len(a.Authors) != 1 || a.Authors[0] != tt.author) {
			t.Errorf("article %d: authors %q, want %q", tt.n, a.Authors, tt.author)
		}
		if !strings.HasPrefix(a.Body, tt.bodyStart) {
			t.Errorf("article %d: body starts %q, want %q", tt.n, a.Body[:min(len(a.Body), 120)], tt.bodyStart)
		}
		if tt.end != "" && !strings.HasSuffix(a.Body, tt.end) {
			t.Errorf("article %d: body ends %q, want %q", tt.n, a.Body[max(0, len(a.Body)-120):], tt.end)
		}
		if strings.Contains(a.Body, tt.headline) && tt.n != 25 {
			t.Errorf("article %d: the headline is in the body", tt.n)
		}
	}
	// Columns are read one after the other: the first article's second
	// column follows its first.
	if !strings.Contains(b.Articles[0].Body, "Weer een andere optie is het invoeren van een belastingvrije voet.\n\nDe verhuurheffing wordt dan nog steeds bepaald") {
		t.Errorf("column order of article 1:\n%s", b.Articles[0].Body)
	}
}

// lexisWords are the words of a Lexis TXT export, as a multiset.
func wordCounts(s string) map[string]int {
	m := map[string]int{}
	for _, w := range strings.Fields(s) {
		m[w]++
	}
	return m
}

func TestLexisPDFKeepsLinesAndWords(t *testing.T) {
	txt := corpusFile(t, "nexis/lnt_sample_lexisnexis_classic.TXT")
	path := sofficePDF(t, "lexis.txt", txt)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, warns, err := PDFDoc(context.Background(), path, data)
	if err != nil || len(warns) > 0 {
		t.Fatalf("PDFDoc: %v %q", err, warns)
	}
	if doc.Kind != archive.Paragraphs || doc.Source != "pdf" || len(doc.Paras) == 0 || doc.Paras[len(doc.Paras)-1].Page < 2 {
		t.Fatalf("doc kind %v source %q, %d paragraphs", doc.Kind, doc.Source, len(doc.Paras))
	}
	// Every "N of M DOCUMENTS" marker and field line stays a line of its own.
	marker := regexp.MustCompile(`(?m)^\s*(\d+ of \d+ DOCUMENTS)\s*$`)
	lines := map[string]int{}
	for _, l := range strings.Split(doc.Text, "\n") {
		lines[strings.TrimSpace(l)]++
	}
	want := marker.FindAllStringSubmatch(strings.ReplaceAll(string(txt), "\r", ""), -1)
	if len(want) != 10 { // the sample numbers its eighth document "8 of 383"
		t.Fatalf("the sample has %d markers", len(want))
	}
	for _, m := range want {
		if lines[m[1]] != 1 {
			t.Errorf("marker %q: %d lines in the PDF text", m[1], lines[m[1]])
		}
	}
	for _, l := range []string{"LENGTH: 355 words", "BYLINE: Andrew Sparrow", "LOAD-DATE: January 11, 2010", "January 11, 2010 Monday"} {
		if lines[l] == 0 {
			t.Errorf("line %q is not a line of the PDF text", l)
		}
	}
	// Every word of the TXT is there, as often (spaces right, nothing lost).
	got, wantWords := wordCounts(doc.Text), wordCounts(strings.TrimPrefix(string(txt), "\ufeff"))
	missing := 0
	for w, n := range wantWords {
		if got[w] < n {
			missing += n - got[w]
			if missing < 10 {
				t.Errorf("word %q: %d in the PDF text, %d in the TXT", w, got[w], n)
			}
		}
	}
	if missing > 0 || len(got) != len(wantWords) {
		t.Errorf("%d words missing; %d distinct words, want %d", missing, len(got), len(wantWords))
	}
}

func TestParsePDFHeadlineBySize(t *testing.T) {
	txt := "Council approves the harbour plan\n\nBy Anna Berg\n\nThe city council approved the harbour plan on Tuesday after a long debate about costs and the effects on fishing.\n\nThe plan will now go to the province.\n"
	path := sofficePDF(t, "harbour.odt.txt", []byte(txt))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := Parse("harbour.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	// A text converted by LibreOffice has one size: the plain text layout
	// takes the first line as the headline.
	if c.Headline != "Council approves the harbour plan" || !strings.HasPrefix(c.Body, "The city council approved") {
		t.Errorf("headline %q, body %q", c.Headline, c.Body)
	}
}

func TestParseScannedPDF(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no tesseract
	scan := []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n")
	xref := len(scan)
	scan = append(scan, []byte("xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \ntrailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n"+itoa(xref)+"\n%%EOF\n")...)
	_, _, err := Parse("scan.pdf", scan)
	if !errors.Is(err, ErrEmpty) || !strings.Contains(err.Error(), "scan.pdf: no article text: this PDF has no text layer (a scan); Clipper reads scanned pages by OCR when the tesseract command is installed") {
		t.Fatalf("error %v", err)
	}
}
