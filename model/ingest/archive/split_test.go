package archive

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestFindDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"January 11, 2010 Monday", "2010-01-11"},
		{"July 1, 2019 Monday 9:20 AM GMT", "2019-07-01"},
		{"December 19, 1991, Sunday, An Edition", "1991-12-19"},
		{"Mittwoch 31. August 2011", "2011-08-31"},
		{"12 April 2013 Tuesday", "2013-04-12"},
		{"27 mars 2003", "2003-03-27"},
		{"3 april 2016 zondag", "2016-04-03"},
		{"Onsdag 6. Januar 2010", "2010-01-06"},
		{"Mar 9, 2022", "2022-03-09"},
		{"Los Angeles Times [Los Angeles, Calif]08 May 2010: AA.2.", "2010-05-08"},
		{"2022-03-10", "2022-03-10"},
		{"31.08.2011", "2011-08-31"},
		{"Schedule for Sunday, April 20, 1400 GMT", ""}, // not a year
		{"February 30, 2020", ""},
		{"Summer, 2008", ""},
	}
	for _, tt := range tests {
		got, _, _, _ := findDate(tt.in)
		if got != tt.want {
			t.Errorf("findDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAuthorsOf(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"By ANA SWANSON and IAN AUSTEN; Ana Swanson reported from Washington, and Ian Austen from Ottawa.", []string{"Ana Swanson", "Ian Austen"}},
		{"Jonathan Glennie, theguardian.com", []string{"Jonathan Glennie"}},
		{"Mattha Busby (now), Andrew Sparrow (earlier)", []string{"Mattha Busby", "Andrew Sparrow"}},
		{"Daniel Boffey in Brussels", []string{"Daniel Boffey"}},
		{"Albrecht, Bernhard", []string{"Bernhard Albrecht"}},
		{"Fröhlingsdorf, Michael; Gude, Hubert; Müller, Martin U.", []string{"Michael Fröhlingsdorf", "Hubert Gude", "Martin U. Müller"}},
		{"Veit Medick ;  Severin Weiland", []string{"Veit Medick", "Severin Weiland"}},
		{"Report from The Pioneer brought to you by HT Syndication.", nil},
		{"BY STEPHEN POLLARD", []string{"Stephen Pollard"}},
	}
	for _, tt := range tests {
		if got := authorsOf(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("authorsOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFieldValues(t *testing.T) {
	sections := []struct{ in, section, page string }{
		{"NEWS; Pg. 3", "NEWS", "3"},
		{"WISSENSCHAFT; KREBS; S. 114\u00a0Ausg. 9", "WISSENSCHAFT; KREBS", "114"},
		{"Section B; Column 0; Business/Financial Desk; Pg. 1", "Section B; Business/Financial Desk", "1"},
		{"POLITICS; Version:28", "POLITICS", ""},
		{"Section 5; Part 2; Page 16; Column 2; National Desk", "Section 5; Part 2; Column 2; National Desk", "16"},
	}
	for _, tt := range sections {
		if s, p := sectionAndPage(tt.in); s != tt.section || p != tt.page {
			t.Errorf("sectionAndPage(%q) = %q, %q; want %q, %q", tt.in, s, p, tt.section, tt.page)
		}
	}
	for in, want := range map[string]string{"ENGLISH": "en", "GERMAN; DEUTSCH": "de", "Dutch / Nederlands": "nl", "LANGUE": "", "fr": "fr"} {
		if got := languageCode(in); got != want {
			t.Errorf("languageCode(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]int{"355 words": 355, "2,968 words": 2968, "306 Wörter": 306, "LENGTH": 0} {
		if got := wordCount(in); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestTitles(t *testing.T) {
	tests := []struct{ in, headline, deck string }{
		{"Euro-Schuldenkrise belastet DZ Bank; Millionen-Wertberichtigung auf Griechenland-Papiere", "Euro-Schuldenkrise belastet DZ Bank", "Millionen-Wertberichtigung auf Griechenland-Papiere"},
		{"INTERNATIONAL BUSINESS;Advocates Gain Ground in a Globalized Era", "Advocates Gain Ground in a Globalized Era", ""},
		{"FINANCIAL CRISIS; Downey, PFF seized by regulators; The Southland thrifts will continue to operate.", "Downey, PFF seized by regulators", "The Southland thrifts will continue to operate."},
		{"Does Free Trade Help or Hurt the Climate?;Green", "Does Free Trade Help or Hurt the Climate?", ""},
		{"SATIN STEEL; Determination, commitment, and trust. Three words that sum up the work philosophy of Lien Siou Sze.", "SATIN STEEL", "Determination, commitment, and trust. Three words that sum up the work philosophy of Lien Siou Sze."},
	}
	for _, tt := range tests {
		var a Article
		setLexisTitle(&a, tt.in)
		if a.Headline != tt.headline || a.Deck != tt.deck {
			t.Errorf("setLexisTitle(%q): %q / %q, want %q / %q", tt.in, a.Headline, a.Deck, tt.headline, tt.deck)
		}
	}
}

// TestSplitReadsAnyReader: the LexisNexis layout is found in text from any
// reader — a TXT's indented lines, an HTML page, or paragraphs without
// indentation as an RTF or PDF reader gives them.
func TestSplitReadsAnyReader(t *testing.T) {
	doc := func(i int) string {
		return strings.Join([]string{
			"                 " + string(rune('0'+i)) + " of 2 DOCUMENTS", "",
			"                 The Harbor Ledger", "",
			"                 March 3, 2021 Wednesday", "",
			"Ferry fares to rise", "",
			"BYLINE: Jane Roe", "", "LENGTH: 12 words", "",
			"The island ferry operator will raise fares by 12% on April 1.", "",
			"LOAD-DATE: March 4, 2021", "", "LANGUAGE: ENGLISH", "",
		}, "\n")
	}
	txt := doc(1) + "\n\n" + doc(2)
	flat := strings.ReplaceAll(txt, "                 ", "")
	html := "<html><body>"
	for _, block := range strings.Split(flat, "\n\n") {
		html += "<p>" + block + "</p>"
	}
	html += "</body></html>"
	for _, d := range []*Doc{
		{Name: "a.txt", Kind: Text, Text: txt, Source: "txt"},
		{Name: "a.rtf", Kind: Text, Text: flat, Source: "rtf"},
		{Name: "a.html", Kind: HTML, Text: html, Source: "html"},
	} {
		b, err := Split(context.Background(), d)
		if err != nil || b == nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
		if b.Format != "LexisNexis" || len(b.Articles) != 2 || b.Announced != 2 {
			t.Fatalf("%s: %s, %d of %d", d.Name, b.Format, len(b.Articles), b.Announced)
		}
		a := b.Articles[1]
		if a.Headline != "Ferry fares to rise" || a.Publication != "The Harbor Ledger" || a.Date != "2021-03-03" ||
			a.Body != "The island ferry operator will raise fares by 12% on April 1." || a.Words != 12 || a.Language != "en" {
			t.Errorf("%s: %+v", d.Name, a)
		}
	}
	// not an export
	if b, err := Split(context.Background(), &Doc{Kind: Text, Text: "Ferry fares to rise\n\nThe operator said on Monday."}); b != nil || err != nil {
		t.Errorf("a clipping split as an export: %+v, %v", b, err)
	}
	// an export whose markers are gone
	broken := strings.ReplaceAll(txt, "of 2 DOCUMENTS", "")
	broken = "Download Request: Selected Items: 1-2\n\n" + broken + broken
	if _, err := Split(context.Background(), &Doc{Kind: Text, Text: broken}); !errors.Is(err, ErrUnsplittable) {
		t.Errorf("markers gone: %v", err)
	}
}
