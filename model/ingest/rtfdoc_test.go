package ingest

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clipper/model/ingest/archive"
)

func TestParseRTF(t *testing.T) {
	const fonts = `{\fonttbl{\f0 Arial;}}`
	tests := []struct {
		name, in                      string
		headline, deck, author, start string
	}{
		{"title style",
			`{\rtf1` + fonts + `{\stylesheet{\s0 Normal;}{\s1 Title;}{\s2 Subtitle;}}` +
				`\pard\s1 Council approves the budget\par\pard\s2 A late vote\par\pard\s0 By Ann Lee\par The council voted on Monday.\par}`,
			"Council approves the budget", "A late vote", "Ann Lee", "The council voted on Monday."},
		{"largest font",
			`{\rtf1` + fonts + `\fs40 Floods close the valley road\par\fs24 Rain fell all night, the police said.\par It is still raining.\par}`,
			"Floods close the valley road", "", "", "Rain fell all night, the police said."},
		{"bold first line",
			`{\rtf1` + fonts + `{\b Mayor resigns}\par Mayor Jo Park resigned on Friday after ten years in office.\par}`,
			"Mayor resigns", "", "", "Mayor Jo Park resigned on Friday after ten years in office."},
		{"plain text layout",
			`{\rtf1\ansi\ansicpg1252` + fonts + `Caf\'e9 owners protest\par By Jo Smith\par The owners of caf\'e9s marched through town on Sunday morning.\par}`,
			"Café owners protest", "", "Jo Smith", "The owners of cafés marched through town on Sunday morning."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, name := range []string{"story.rtf", "STORY.DOC", "story"} {
				c, _, err := Parse(name, []byte(tt.in))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if c.Headline != tt.headline || c.Deck != tt.deck {
					t.Errorf("%s: headline %q, deck %q; want %q, %q", name, c.Headline, c.Deck, tt.headline, tt.deck)
				}
				if got := strings.Join(c.Authors, ", "); got != tt.author {
					t.Errorf("%s: authors %q, want %q", name, got, tt.author)
				}
				if !strings.HasPrefix(c.Body, tt.start) {
					t.Errorf("%s: body %q does not start with %q", name, c.Body, tt.start)
				}
				if c.SourceName != name {
					t.Errorf("source name %q", c.SourceName)
				}
			}
		})
	}
}

func TestReadRTFDoc(t *testing.T) {
	doc, err := readRTF("a.rtf", []byte(`{\rtf1{\stylesheet{\s1 heading 1;}}\pard\s1\b\fs32 Head\par\pard\plain\fs20 Body one\par Body two\par}`))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Kind != archive.Paragraphs || doc.Source != "rtf" || doc.Name != "a.rtf" {
		t.Errorf("doc %+v", doc)
	}
	want := []archive.Para{{Text: "Head", Style: "heading 1", Bold: true, Size: 16}, {Text: "Body one", Size: 10}, {Text: "Body two", Size: 10}}
	if len(doc.Paras) != len(want) {
		t.Fatalf("paras %+v", doc.Paras)
	}
	for i := range want {
		if doc.Paras[i] != want[i] {
			t.Errorf("para %d = %+v, want %+v", i, doc.Paras[i], want[i])
		}
	}
	if doc.Text != "Head\n\nBody one\n\nBody two" {
		t.Errorf("text %q", doc.Text)
	}
	if _, err := readRTF("b.rtf", []byte(`{\rtf1 `+strings.Repeat("{", 5000))); !errors.Is(err, ErrCorruptRTF) {
		t.Errorf("deep nesting: %v", err)
	}
}

// TestLexisRTF converts the LexisNexis TXT samples to RTF, and to a ".DOC"
// that is RTF (as LexisNexis delivered them), with LibreOffice, and checks
// that both read to the same text lines as the TXT and that archive.Split
// treats them as it treats the TXT.
func TestLexisRTF(t *testing.T) {
	srcs := []string{
		corpusPath(t, "archives/nexis/lnt_sample_lexisnexis_classic.TXT"),
		corpusPath(t, "archives/nexis/amcat_lexisnexis_test.txt"),
	}
	rtfs := sofficeRTF(t, srcs)
	for i, src := range srcs {
		t.Run(filepath.Base(src), func(t *testing.T) {
			data, err := os.ReadFile(rtfs[i])
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			txt, _, err := decode(raw)
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, l := range strings.Split(strings.ReplaceAll(txt, "\r\n", "\n"), "\n") {
				if l = strings.Join(strings.Fields(l), " "); l != "" {
					lines = append(lines, l)
				}
			}
			for _, name := range []string{"download.rtf", "DOWNLOAD.DOC"} {
				doc, err := readRTF(name, data)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if len(doc.Paras) != len(lines) {
					t.Errorf("%s: %d paragraphs, want %d", name, len(doc.Paras), len(lines))
				}
				for k := range min(len(lines), len(doc.Paras)) {
					if got := strings.Join(strings.Fields(doc.Paras[k].Text), " "); got != lines[k] {
						t.Fatalf("%s: paragraph %d %q, want %q", name, k, got, lines[k])
					}
				}
				parsed, err := ParseArticles(context.Background(), name, data)
				if err != nil || !parsed.Archive || len(parsed.Clippings()) == 0 {
					t.Fatalf("ParseArticles(%s): %+v, %v", name, parsed, err)
				}
				// Whatever the archive splitters make of the TXT, they
				// make of the RTF too.
				fromTxt, errTxt := archive.Split(context.Background(), &archive.Doc{Name: "d.txt", Kind: archive.Text, Text: txt, Source: "txt"})
				fromRTF, errRTF := archive.Split(context.Background(), doc)
				if (errTxt == nil) != (errRTF == nil) || (fromTxt == nil) != (fromRTF == nil) {
					t.Fatalf("%s: Split of the TXT gave %v, %v; of the RTF %v, %v", name, fromTxt, errTxt, fromRTF, errRTF)
				}
				if fromTxt != nil && len(parsed.Articles) != len(fromTxt.Articles) {
					t.Errorf("%s: imported as %d articles, the TXT holds %d", name, len(parsed.Articles), len(fromTxt.Articles))
				}
				if fromTxt != nil && len(fromTxt.Articles) != len(fromRTF.Articles) {
					t.Errorf("%s: %d articles from the TXT, %d from the RTF", name, len(fromTxt.Articles), len(fromRTF.Articles))
				}
				if fromTxt != nil && len(fromTxt.Articles) == len(fromRTF.Articles) {
					for k, a := range fromTxt.Articles {
						r := fromRTF.Articles[k]
						if a.Publication != r.Publication || a.Date != r.Date {
							t.Errorf("%s: article %d is %q, %q from the TXT but %q, %q from the RTF", name, k+1, a.Publication, a.Date, r.Publication, r.Date)
						}
					}
				}
			}
		})
	}
}

// corpusPath returns the path of a file of the shared corpus, skipping the
// test when the corpus is absent (failing in CI).
func corpusPath(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join("../../../shared/corpus", rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("corpus file missing in CI: %v", err)
		}
		t.Skipf("corpus not found (%v); run beside /work/shared to test on real files", err)
	}
	return p
}

// sofficeRTF converts text files to RTF with LibreOffice and returns the
// paths; without soffice the test is skipped, except in CI.
func sofficeRTF(t *testing.T, srcs []string) []string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("soffice (LibreOffice) is needed in CI: %v", err)
		}
		t.Skip("soffice (LibreOffice) not installed; cannot make RTF test files")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "rtf", "--outdir", dir}
	var outs []string
	for _, src := range srcs {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		stem := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
		name := filepath.Join(in, stem+".txt")
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, name)
		outs = append(outs, filepath.Join(dir, stem+".rtf"))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	return outs
}
