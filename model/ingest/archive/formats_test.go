package archive

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"clipper/model/ingest/rtf"
)

// Tests of the Factiva, Europresse and APA readers on the shared corpus
// (see /work/shared/corpus/README.md).

const corpusDir = "../../../../shared/corpus"

// corpusDoc loads a corpus file as the ingest readers would give it to
// Split: HTML and XML decoded (UTF-8, else Windows-1252), RTF as styled
// paragraphs. The test is skipped when the corpus is absent, except in CI.
func corpusDoc(t testing.TB, rel string) *Doc {
	t.Helper()
	p := filepath.Join(corpusDir, rel)
	data, err := os.ReadFile(p)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("corpus file missing in CI: %v", err)
		}
		t.Skipf("corpus not found (%v); run beside /work/shared to test on real files", err)
	}
	doc := &Doc{Name: filepath.Base(p)}
	switch strings.ToLower(filepath.Ext(p)) {
	case ".rtf":
		ps, err := rtf.Read(data)
		if err != nil {
			t.Fatal(err)
		}
		doc.Kind, doc.Source, doc.Text = Paragraphs, "rtf", rtf.Text(ps)
		for _, q := range ps {
			doc.Paras = append(doc.Paras, Para{Text: q.Text, Style: q.Style, Bold: q.Bold, Size: q.Size})
		}
		return doc
	case ".xml":
		doc.Kind, doc.Source = XML, "xml"
	default:
		doc.Kind, doc.Source = HTML, "html"
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		if data, err = charmap.Windows1252.NewDecoder().Bytes(data); err != nil {
			t.Fatal(err)
		}
	}
	doc.Text = string(data)
	return doc
}

// want is what was checked by hand in the file for one article.
type want struct {
	n                       int // position in the file, 1-based
	headline, pub, date     string
	authors                 string // "; "-joined, checked when not ""
	section, lang, page, id string // checked when not ""
	words                   int    // checked when not 0
}

func TestCorpusSplits(t *testing.T) {
	tests := []struct {
		file      string
		format    string
		count     int
		announced int
		checks    []want
	}{
		{"archives/factiva/tmplugin_factiva_test.html", "Factiva HTML", 2, 0, []want{
			{n: 1, headline: "Test 1", pub: "Test newspaper", date: "2011-12-29", lang: "fr", page: "26", words: 295, id: "TESTFR0020111229e7ct0001r"},
			{n: 2, headline: "Test 2", pub: "Ouest France", date: "2011-12-29", section: "Infolocale", words: 65, id: "TESTFR0020111229e7ct0015j"},
		}},
		{"archives/factiva/koheiw_factiva_german-ui.html", "Factiva HTML", 100, 100, []want{
			{n: 1, headline: "Zu Fuß von Kreuzberg nach Kopenhagen", pub: "Der Tagesspiegel Online", date: "2017-04-01", authors: "Sarah Pepin", section: "Magazin", lang: "de", words: 1285, id: "TAGON00020170401ed4100001"},
			{n: 2, headline: "30.00 Sportler starten am Sonntag, das führt zu Sperrungen", pub: "Der Tagesspiegel Online", date: "2017-04-01"},
			{n: 3, headline: "Berliner Spaziergänger haben es schwer!", pub: "Der Tagesspiegel Online", date: "2017-04-01"},
			{n: 13, headline: "Die Iga als Fotoprojekt", pub: "Der Tagesspiegel Online", date: "2017-04-01", authors: "Christoph Stollowsky; André Görke; Kitty Kleist-Heinrich", words: 493},
			{n: 27, headline: "Alternative Fakten; Fake News! Fallen Sie bloß nicht auf diese Aprilscherze rein", pub: "WELT online", date: "2017-04-01", words: 1019},
			{n: 50, headline: `Antisemitismus ist "wieder hoffähig"`, pub: "Der Tagesspiegel Online", date: "2017-04-02", authors: "Sandra Dassler"},
			{n: 51, headline: "34.000 laufen durch Berlin - nur noch kleine Streckenteile gesperrt", pub: "Der Tagesspiegel Online", date: "2017-04-02", authors: "Jörn Hasselmann; Jana Demnitz"},
			{n: 77, headline: "BILD begleitet neue Einsatztruppe gegen Dealer, Räuber, Schläger; Die Nacht-Kämpfer am Kotti", pub: "bild.de", date: "2017-04-03", section: "Berlin", words: 251},
			{n: 99, headline: "Erwin & Co. Die größten Ausraster von Maskottchen im Profisport", pub: "WELT online", date: "2017-04-03", words: 884},
			{n: 100, headline: "Haftbefehl nach Bus-Entführung; Niedersachsen-Irrfahrt", pub: "WELT online", date: "2017-04-03", words: 133, id: "WELTON0020170403ed43000d5"},
		}},
		{"archives/factiva/koheiw_factiva_nyt_1_1993-01-03.html", "Factiva HTML", 27, 27, []want{
			{n: 1, headline: "EUROPEAN INQUIRY SAYS SERBS' FORCES HAVE RAPED 20,000", pub: "The New York Times", date: "1993-01-09", authors: "ALAN RIDING", section: "Foreign Desk; 1", lang: "en", page: "1", words: 877, id: "NYTF000020050408dp1900j9s"},
			{n: 2, headline: "TOP BOSNIAN AIDE IS SLAIN BY SERB", pub: "The New York Times", date: "1993-01-09", authors: "JOHN F. BURNS"},
			{n: 3, headline: "Disarming Somalia, Sort Of", pub: "The New York Times", date: "1993-01-08", page: "24", words: 390},
			{n: 13, headline: "Failed I.M.F. Policy", pub: "The New York Times", date: "1993-01-06", page: "20", words: 381},
			{n: 27, headline: "Japan's Nuclear Project", pub: "The New York Times", date: "1993-01-03", words: 139},
		}},
		{"archives/factiva/amcat_factiva_az01.htm", "Factiva HTML", 100, 0, []want{
			{n: 1, headline: "Auf der Suche nach einer anderen, besseren Schweiz.", pub: "Aargauer Zeitung", date: "2002-05-02", lang: "de", words: 553, id: "aargz00020020605dy52006xr"},
			{n: 2, headline: "Ruhe für Schwarzwald - Touristen.", pub: "Aargauer Zeitung", date: "2002-05-03"},
			{n: 3, headline: "Die Idealgemeinde.", pub: "Aargauer Zeitung", date: "2002-05-04"},
			{n: 13, headline: "Von Jahr zu Jahr erschreckender.", pub: "Aargauer Zeitung", date: "2002-05-16", words: 215},
			{n: 27, headline: "Kein Verständnis für «Horizont 2003».", pub: "Aargauer Zeitung", date: "2002-06-08", words: 774},
			{n: 50, headline: "«Humanitäres Geschwafel».", pub: "Aargauer Zeitung", date: "2002-08-03", words: 181},
			{n: 77, headline: "«Ich werde meine Chance bekommen».", pub: "Aargauer Zeitung", date: "2002-09-12", words: 1536},
			{n: 99, headline: "Heisse Kälte und aufgeregte Ruhe.", pub: "Aargauer Zeitung", date: "2002-10-16"},
			{n: 100, headline: "«Nahrung wäre vorhanden, aber ...»", pub: "Aargauer Zeitung", date: "2002-10-16"},
		}},
		{"archives/factiva/tmplugin_factiva_test.xml", "Factiva XML", 3, 3, []want{
			{n: 1, headline: "TEST - first test article", pub: "My Newspaper", date: "2012-01-09", lang: "en", words: 942, id: "TEST0000020120109e51700030"},
			{n: 2, headline: "TEST - second article de test", pub: "My Newspaper", date: "2012-01-06", lang: "fr", words: 780},
			{n: 3, headline: "TEST - third test article", pub: "My Newspaper", date: "2012-05-06", page: "85", words: 531},
		}},
		{"archives/europresse/tmplugin_europresse_test1.html", "Europresse HTML", 3, 0, []want{
			{n: 1, headline: "A heading: some text", pub: "l'Humanité", date: "2013-10-05", section: "Politique", id: "news·20121004·PO·2040056000"},
			{n: 2, headline: "Another heading with colored text inside", pub: "Mag", date: "2012-10-03", authors: "Second Author", id: "news·20100903·HU·175071"},
			{n: 3, headline: "Heading", pub: "Magazine 1", date: "2012-10-04", authors: "Author Name", section: "Éditorial", page: "3", id: "news·20111003·MAG·156190"},
		}},
		{"archives/apa/amcat_rtfwien_test3.rtf", "APA/wiso RTF", 2, 0, []want{
			{n: 1, headline: "Fleischhacker am Montag", pub: "Die Presse", date: "2013-03-18", authors: "Michael Fleischhacker", section: "Österreich", page: "27"},
			{n: 2, headline: "Clowns und Magnaten sind keine geborenen Demokraten", pub: "Die Presse", date: "2013-03-18", authors: "IAN BURUMA", page: "26"},
		}},
		{"archives/apa/amcat_apa_online.rtf", "APA/wiso RTF", 38, 0, []want{
			{n: 1, headline: "Doskozil: Nein zu Superministerium", pub: "Kurier.at", date: "2017-12-28"},
			{n: 2, headline: "Karmasin-Vorschlag: Eheschließung erst ab 18", pub: "Kurier.at", date: "2017-12-28"},
			{n: 5, headline: `Blümel: "Wer sich in die Hängematte legen will, soll das bitte ohne Steuergeld machen"`, pub: "Kurier.at", date: "2017-12-28"},
			{n: 8, headline: "Gerangel um drei Botschafterposten", pub: "Kurier.at", date: "2017-12-28"},
			{n: 16, headline: `Pilz: "Bis auf ewige Zeiten kein fünftes Mitglied"`, pub: "Kurier.at", date: "2017-12-28"},
			{n: 17, headline: "Rettet die Partei!", pub: "Die Presse.com", date: "2017-12-28"},
			{n: 20, headline: "SPÖ für höhere Überstundenzuschläge bei Teilzeitarbeit", pub: "Die Presse.com", date: "2017-12-28", authors: "Karl Ettinger"},
			{n: 24, headline: "Sicherheit: „Das ärgert mich schon“", pub: "Die Presse.com", date: "2017-12-28"},
			{n: 30, headline: "Womit die SPÖ Wähler locken will", pub: "Die Presse.com", date: "2017-12-28", authors: "Iris Bonavida; Karl Ettinger"},
			{n: 32, headline: `"Neuropa" bis "Bleib felix": SPÖ stellt Wahlkampf-Weichen`, pub: "Die Presse.com", date: "2017-12-28"},
			{n: 38, headline: "Studie: Mehrheit stellt Föderalismus ein schlechtes Zeugnis aus", pub: "Die Presse.com", date: "2017-12-28"},
		}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			doc := corpusDoc(t, tt.file)
			b, err := Split(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			if b == nil {
				t.Fatal("not recognised as an archive export")
			}
			if b.Format != tt.format {
				t.Errorf("format %q, want %q", b.Format, tt.format)
			}
			if len(b.Articles) != tt.count || b.Announced != tt.announced {
				t.Errorf("%d articles, %d announced; want %d, %d", len(b.Articles), b.Announced, tt.count, tt.announced)
			}
			for i, a := range b.Articles {
				if a.N != i+1 {
					t.Errorf("article %d has N %d", i+1, a.N)
				}
				if a.Headline == "" || a.Publication == "" || a.Date == "" || a.Body == "" || a.Problem != "" {
					t.Errorf("article %d: headline %q, publication %q, date %q, %d bytes of body, problem %q", i+1, a.Headline, a.Publication, a.Date, len(a.Body), a.Problem)
				}
			}
			for _, w := range tt.checks {
				if w.n > len(b.Articles) {
					t.Errorf("no article %d", w.n)
					continue
				}
				a := b.Articles[w.n-1]
				got := []string{a.Headline, a.Publication, a.Date}
				exp := []string{w.headline, w.pub, w.date}
				for k, name := range []string{"headline", "publication", "date"} {
					if got[k] != exp[k] {
						t.Errorf("article %d: %s %q, want %q", w.n, name, got[k], exp[k])
					}
				}
				opt := func(name, got, want string) {
					if want != "" && got != want {
						t.Errorf("article %d: %s %q, want %q", w.n, name, got, want)
					}
				}
				opt("authors", strings.Join(a.Authors, "; "), w.authors)
				opt("section", a.Section, w.section)
				opt("language", a.Language, w.lang)
				opt("page", a.Page, w.page)
				opt("source id", a.SourceID, w.id)
				if w.words != 0 && a.Words != w.words {
					t.Errorf("article %d: %d words, want %d", w.n, a.Words, w.words)
				}
			}
		})
	}
}

// TestCorpusBodiesClean: what the formats keep out of the bodies stays out.
func TestCorpusBodiesClean(t *testing.T) {
	tests := []struct {
		file   string
		banned []string // never in a body
		detail string   // a detail key every article has
	}{
		{"archives/factiva/koheiw_factiva_german-ui.html", []string{"Dokument TAGON", "Dokument BILDE", "Copyright 2017", "Wörter", "Gefundene Ergebnisse", "Dow Jones"}, "Copyright"},
		{"archives/factiva/koheiw_factiva_nyt_1_1993-01-03.html", []string{"Dokument NYTF", "Late Edition - Final", "Copyright 1993", "New York Times Digital"}, "Copyright"},
		{"archives/factiva/amcat_factiva_az01.htm", []string{"Document aargz", "AARGAUER ZEITUNG. Sämtliche Rechte", "words"}, "Source code"},
		{"archives/factiva/tmplugin_factiva_test.html", []string{"TESTFR00", "gvote1", "Reuters Limited"}, "Subjects"},
		{"archives/europresse/tmplugin_europresse_test1.html", []string{"Numéro de document", "©", "certificat", "Sauvegarder"}, "Copyright"},
		{"archives/apa/amcat_apa_online.rtf", []string{"gefunden am", "_____"}, "Found"},
		{"archives/apa/amcat_rtfwien_test3.rtf", []string{"Seite: ", "17.03.2013", "Von Michael Fleischhacker"}, "Edition"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			b, err := Split(context.Background(), corpusDoc(t, tt.file))
			if err != nil || b == nil {
				t.Fatalf("Split: %v, %v", b, err)
			}
			for _, a := range b.Articles {
				for _, s := range tt.banned {
					if strings.Contains(a.Body, s) {
						t.Errorf("article %d's body holds %q", a.N, s)
					}
				}
				found := false
				for _, d := range a.Details {
					found = found || d.Key == tt.detail && d.Value != ""
				}
				if !found {
					t.Errorf("article %d has no %q detail: %v", a.N, tt.detail, a.Details)
				}
			}
		})
	}
}

// TestFactivaMangled: a Factiva page whose article records were mangled is
// reported as unsplittable, never split into one article.
func TestFactivaMangled(t *testing.T) {
	synthetic := `<html><head><title>Factiva</title></head><body><div id="navcontainer">Dow Jones</div>` +
		`<p class="articleParagraph enarticleParagraph">A paragraph with no record around it.</p>` +
		`<p class="articleParagraph enarticleParagraph">Another one.</p>` +
		`<span class="copyright">© 2020 Factiva, Inc. All rights reserved.</span></body></html>`
	docs := map[string]*Doc{"synthetic": {Name: "f.html", Kind: HTML, Text: synthetic}}
	if _, err := os.Stat(corpusDir); err == nil || os.Getenv("CI") == "true" {
		real := corpusDoc(t, "archives/factiva/koheiw_factiva_german-ui.html")
		mangled := strings.NewReplacer(`class="article`, `class="artikel`, `id="hd"`, `id="kopf"`).Replace(real.Text)
		docs["german-ui with renamed records"] = &Doc{Name: "g.html", Kind: HTML, Text: mangled}
		emptied := strings.NewReplacer(`class="articleParagraph dearticleParagraph"`, `class="para"`, `id="hd"`, `id="kopf"`).Replace(real.Text)
		docs["german-ui with records emptied"] = &Doc{Name: "g.html", Kind: HTML, Text: emptied}
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			b, err := Split(context.Background(), doc)
			if !errors.Is(err, ErrUnsplittable) {
				t.Fatalf("got %+v, %v; want ErrUnsplittable", b, err)
			}
			if !strings.Contains(err.Error(), "Factiva HTML") {
				t.Errorf("message %q does not name the format", err)
			}
		})
	}
}

// TestNotThese: ordinary files are none of these formats.
func TestNotThese(t *testing.T) {
	docs := []*Doc{
		{Name: "page.html", Kind: HTML, Text: `<html><head><title>News</title></head><body><article><h1>Council votes</h1><p>The council met on Monday, 3 March 2024.</p></article></body></html>`},
		{Name: "dow.html", Kind: HTML, Text: `<html><head><title>Dow Jones rises</title></head><body><div class="article"><p>The Dow Jones index rose.</p></div></body></html>`},
		{Name: "feed.xml", Kind: XML, Text: `<?xml version="1.0"?><rss><channel><item><title>x</title><description>y</description></item></channel></rss>`},
		{Name: "story.rtf", Kind: Paragraphs, Text: "Title\n\nShe said \"Die Presse\" vom 18.03.2013 wrote about it.",
			Paras: []Para{{Text: "Title", Bold: true}, {Text: `She said "Die Presse" vom 18.03.2013 wrote about it.`}}},
		{Name: "notes.txt", Kind: Text, Text: "Notes from the meeting\n\nDocumentnummer 5 is missing."},
	}
	for _, doc := range docs {
		b, err := Split(context.Background(), doc)
		if err != nil || b != nil {
			t.Errorf("%s: got %+v, %v; want nil, nil", doc.Name, b, err)
		}
	}
}

// TestAPAText: an APA export read as plain text (no bold) still splits.
func TestAPAText(t *testing.T) {
	text := `"Kleine Zeitung" vom 02.01.2014 Seite: 12
Ressort: Politik
Regierung plant neue Steuer
Von Anna Berger
Die Regierung will im Frühjahr eine neue Steuer vorschlagen.
Dokumentnummer: KLZ-2014-0102-12
___________________________________________________________________
"Der Standard" vom 03.01.2014
Ressort: Wirtschaft
Börse im Aufwind
Die Wiener Börse legte zu.`
	b, err := Split(context.Background(), &Doc{Name: "apa.txt", Kind: Text, Text: text})
	if err != nil || b == nil {
		t.Fatalf("Split: %v, %v", b, err)
	}
	if len(b.Articles) != 2 {
		t.Fatalf("%d articles", len(b.Articles))
	}
	a := b.Articles[0]
	if a.Headline != "Regierung plant neue Steuer" || a.Publication != "Kleine Zeitung" || a.Date != "2014-01-02" ||
		a.Section != "Politik" || a.Page != "12" || a.SourceID != "KLZ-2014-0102-12" || strings.Join(a.Authors, ";") != "Anna Berger" ||
		a.Body != "Die Regierung will im Frühjahr eine neue Steuer vorschlagen." {
		t.Errorf("article 1: %+v", a)
	}
	a = b.Articles[1]
	if a.Headline != "Börse im Aufwind" || a.Publication != "Der Standard" || a.Date != "2014-01-03" || a.Section != "Wirtschaft" || a.Body != "Die Wiener Börse legte zu." {
		t.Errorf("article 2: %+v", a)
	}
}

func TestIntlDate(t *testing.T) {
	tests := map[string]string{
		"29 décembre 2011":         "2011-12-29",
		"1 April 2017":             "2017-04-01",
		"9 Januar 1993":            "1993-01-09",
		"9. Jänner 1993":           "1993-01-09",
		"January 3, 1993":          "1993-01-03",
		"jeudi 5 octobre 2013":     "2013-10-05",
		"1er mars 2020":            "2020-03-01",
		"18.03.2013":               "2013-03-18",
		"vom 8.3.2013 Seite: 2":    "2013-03-08",
		"2012-01-09T01:35:58Z":     "2012-01-09",
		"3 de marzo de 2015":       "2015-03-03",
		"12 maggio 2019":           "2019-05-12",
		"30 février 2011":          "",
		"Foreign Desk; 1":          "",
		"April":                    "",
		"sept. 14, 2001":           "2001-09-14",
		"14 Sept 2001 10:00 GMT":   "2001-09-14",
		"Mittwoch, 4. März 2015":   "2015-03-04",
		"4 maart 2015":             "2015-03-04",
		"15 août 2016":             "2016-08-15",
		"31.02.2016":               "",
		"Donnerstag 1 Januar 1970": "1970-01-01",
	}
	for in, want := range tests {
		if got := intlDate(in); got != want {
			t.Errorf("intlDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIntlFields(t *testing.T) {
	words := map[string]int{"553 words": 553, "1,285 Wörter": 1285, "1.285 Wörter": 1285, "295 mots": 295, "1 word": 1}
	for in, want := range words {
		if got, ok := intlWords(in); !ok || got != want {
			t.Errorf("intlWords(%q) = %d, %v", in, got, ok)
		}
	}
	for _, in := range []string{"553", "words", "9 Januar 1993", "about 500 words long"} {
		if _, ok := intlWords(in); ok {
			t.Errorf("intlWords(%q) accepted", in)
		}
	}
	langs := map[string]string{"Deutsch": "de", "German": "de", "Français": "fr", "Englisch": "en", "EN": "en", "Nederlands": "nl", "Klingon": ""}
	for in, want := range langs {
		if got := intlLanguage(in); got != want {
			t.Errorf("intlLanguage(%q) = %q, want %q", in, got, want)
		}
	}
	authors := map[string]string{
		"By ALAN RIDING":                    "ALAN RIDING",
		"Von C. CARSTENS und H. SCHEFFE":    "C. CARSTENS|H. SCHEFFE",
		"Par Jean Dupont et Marie Curie":    "Jean Dupont|Marie Curie",
		"Christoph Stollowsky, André Görke": "Christoph Stollowsky|André Görke",
		"Sarah Pepin":                       "Sarah Pepin",
		"De Vries":                          "De Vries",
	}
	for in, want := range authors {
		if got := strings.Join(intlAuthors(in), "|"); got != want {
			t.Errorf("intlAuthors(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkSplitFactivaHTML splits the 100-article Factiva page (German
// interface, 780 KiB).
func BenchmarkSplitFactivaHTML(b *testing.B) {
	doc := corpusDoc(b, "archives/factiva/koheiw_factiva_german-ui.html")
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		batch, err := Split(context.Background(), doc)
		if err != nil || len(batch.Articles) != 100 {
			b.Fatalf("%v, %v", batch, err)
		}
	}
}
