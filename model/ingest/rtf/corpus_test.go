package rtf

import (
	"bytes"
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// corpus is the shared test corpus (see /work/shared/corpus/README.md).
const corpus = "../../../../shared/corpus"

// needCorpus returns the path of a corpus file, skipping the test when the
// corpus is absent (failing in CI, where it must be there).
func needCorpus(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(corpus, rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("corpus file %s missing in CI: %v", p, err)
		}
		t.Skipf("corpus not found (%v); run from a checkout beside /work/shared to test on real files", err)
	}
	return p
}

func readFile(t testing.TB, p string) []byte {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestCorpusAPA reads the two APA/wiso exports: every article's source
// line comes out as its own paragraph, decoded (raw UTF-8 in one file,
// \'hh in Windows-1252 in the other), and unrtf, when installed, finds the
// same words.
func TestCorpusAPA(t *testing.T) {
	tests := []struct {
		file   string
		marker string // a paragraph that starts each article
		n      int
		has    []string // paragraphs that must be there, exactly
		hasNot []string // text that must not be anywhere
	}{
		{"archives/apa/amcat_apa_online.rtf", `" gefunden am `, 38,
			[]string{`"Kurier.at" gefunden am 28.12.2017 10:36 Uhr`, "Doskozil: Nein zu Superministerium", "Karmasin-Vorschlag: Eheschließung erst ab 18"},
			[]string{"Arial;", "fonttbl", `\u8211`}},
		{"archives/apa/amcat_rtfwien_test3.rtf", `" vom `, 2,
			[]string{"Die Presse\t17.03.2013", "Österreich, Abend", "Fleischhacker am Montag", "Clowns und Magnaten sind keine geborenen Demokraten"},
			[]string{"Times New Roman", "panose", "Dieses Dokument dient"}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			p := needCorpus(t, tt.file)
			ps, err := Read(readFile(t, p))
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			seen := map[string]bool{}
			for _, para := range ps {
				if strings.Contains(para.Text, tt.marker) {
					n++
				}
				seen[para.Text] = true
			}
			if n != tt.n {
				t.Errorf("%d paragraphs hold %q, want %d", n, tt.marker, tt.n)
			}
			for _, h := range tt.has {
				if !seen[h] {
					t.Errorf("no paragraph %q", h)
				}
			}
			all := Text(ps)
			for _, h := range tt.hasNot {
				if strings.Contains(all, h) {
					t.Errorf("text holds %q", h)
				}
			}
			compareWithUnrtf(t, p, ps)
		})
	}
}

// TestCorpusHeadlineBold: the APA exports set each headline in bold.
func TestCorpusHeadlineBold(t *testing.T) {
	p := needCorpus(t, "archives/apa/amcat_rtfwien_test3.rtf")
	ps, err := Read(readFile(t, p))
	if err != nil {
		t.Fatal(err)
	}
	var bold []string
	for _, para := range ps {
		if para.Bold && para.Size == 10 {
			bold = append(bold, para.Text)
		}
	}
	want := []string{"Fleischhacker am Montag", "Clowns und Magnaten sind keine geborenen Demokraten"}
	if strings.Join(bold, "|") != strings.Join(want, "|") {
		t.Errorf("bold 10-point paragraphs %q, want %q", bold, want)
	}
}

// TestConvertedLexis converts LexisNexis TXT exports to RTF with LibreOffice
// (a Lexis RTF download looks the same) and checks that every non-empty
// line comes back as one paragraph, in order, with nothing else.
func TestConvertedLexis(t *testing.T) {
	files := []string{"archives/nexis/lnt_sample_lexisnexis_classic.TXT", "archives/nexis/amcat_lexisnexis_test.txt"}
	var srcs []string
	for _, f := range files {
		srcs = append(srcs, needCorpus(t, f))
	}
	out := convertToRTF(t, srcs)
	for i, src := range srcs {
		t.Run(filepath.Base(src), func(t *testing.T) {
			ps, err := Read(readFile(t, out[i]))
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			txt := strings.TrimPrefix(string(readFile(t, src)), "\ufeff")
			for _, line := range strings.Split(strings.ReplaceAll(txt, "\r\n", "\n"), "\n") {
				if line = strings.TrimSpace(line); line != "" {
					want = append(want, line)
				}
			}
			got := texts(ps)
			for i := range got {
				got[i] = strings.Join(strings.Fields(got[i]), " ")
			}
			for i := range want {
				want[i] = strings.Join(strings.Fields(want[i]), " ")
			}
			if len(got) != len(want) {
				t.Errorf("%d paragraphs, want %d lines", len(got), len(want))
			}
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Fatalf("paragraph %d is %q, want %q", i, got[i], want[i])
				}
			}
			compareWithUnrtf(t, out[i], ps)
		})
	}
}

// convertToRTF converts files with LibreOffice into a temporary folder and
// returns the RTF paths. Without soffice the test is skipped, except in CI.
func convertToRTF(t *testing.T, srcs []string) []string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("soffice (LibreOffice) is needed in CI: %v", err)
		}
		t.Skip("soffice (LibreOffice) not installed; cannot make RTF test files")
	}
	dir := t.TempDir()
	var outs []string
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "rtf", "--outdir", dir}
	for _, src := range srcs {
		// Copy under a .txt name so that LibreOffice reads them as text.
		name := filepath.Join(dir, "in", strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+".txt")
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, readFile(t, src), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, name)
		outs = append(outs, filepath.Join(dir, strings.TrimSuffix(filepath.Base(name), ".txt")+".rtf"))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	for _, o := range outs {
		if _, err := os.Stat(o); err != nil {
			t.Fatalf("soffice made no %s: %v", o, err)
		}
	}
	return outs
}

var (
	blockRe = regexp.MustCompile(`(?is)<head>.*?</head>|<(?:br|/?p|/?td|/?tr|/?div|hr|/?table)\b[^>]*>`)
	tagRe   = regexp.MustCompile(`<[^>]*>`)
	asciiRe = regexp.MustCompile(`[^\x20-\x7e\s]+`)
)

// compareWithUnrtf checks, when unrtf is installed, that the words unrtf
// finds and the words Read found agree to 99% both ways. Letters outside
// ASCII are dropped from both first: unrtf drops raw UTF-8 bytes.
func compareWithUnrtf(t *testing.T, path string, ps []Paragraph) {
	t.Helper()
	unrtf, err := exec.LookPath("unrtf")
	if err != nil {
		t.Log("unrtf not installed: skipped the comparison with it")
		return
	}
	out, err := exec.Command(unrtf, "--html", "--nopict", path).Output()
	if err != nil {
		t.Fatalf("unrtf: %v", err)
	}
	theirs := words(html.UnescapeString(tagRe.ReplaceAllString(blockRe.ReplaceAllString(string(out), " "), "")))
	ours := words(Text(ps))
	if c := coverage(theirs, ours); c < 0.99 {
		t.Errorf("only %.1f%% of unrtf's words are in Read's text", c*100)
	}
	if c := coverage(ours, theirs); c < 0.99 {
		t.Errorf("only %.1f%% of Read's words are in unrtf's text", c*100)
	}
}

func words(s string) map[string]int {
	s = asciiRe.ReplaceAllString(s, "")
	m := map[string]int{}
	for _, w := range bytes.Fields([]byte(s)) {
		m[string(w)]++
	}
	return m
}

// coverage is the share of the words of a (with repeats) also in b.
func coverage(a, b map[string]int) float64 {
	total, found := 0, 0
	for w, n := range a {
		total += n
		found += min(n, b[w])
	}
	if total == 0 {
		return 1
	}
	return float64(found) / float64(total)
}

// BenchmarkReadWien reads the 110 KiB wiso RTF export (Word-written, with
// a 980-font table).
func BenchmarkReadWien(b *testing.B) {
	data := readFile(b, needCorpus(b, "archives/apa/amcat_rtfwien_test3.rtf"))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data); err != nil {
			b.Fatal(err)
		}
	}
}
