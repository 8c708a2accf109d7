package ingest

import (
	"reflect"
	"testing"
)

func TestStripInline(t *testing.T) {
	tests := map[string]string{
		"**Bold** and *italic* and __strong__ and _em_":  "Bold and italic and strong and em",
		"a [link](https://x.example/a_b) here":           "a link here",
		"a [ref link][1] here":                           "a ref link here",
		"![photo](p.jpg)Caption":                         "Caption",
		"see <https://x.example>":                        "see https://x.example",
		"`code` span":                                    "code span",
		"~~struck~~ text":                                "struck text",
		"snake_case_name stays":                          "snake_case_name stays",
		"5 * 3 * 2 = 30":                                 "5 * 3 * 2 = 30",
		`escaped \*stars\* and \_under\_`:                "escaped *stars* and _under_",
		"line<br>break and <span class=\"x\">tag</span>": "linebreak and tag",
	}
	for in, want := range tests {
		if got := stripInline(in); got != want {
			t.Errorf("stripInline(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name, in       string
		headline, deck string
		authors        []string
		date, pub, url string
		body           string
	}{
		{name: "setext heading, blockquote, ordered list, code fence",
			in:       "Ferry fares rise\n================\n\nBy Jonah Reyes\n\n> A quoted\n> paragraph.\n\n1. first\n2. second\n\n```\nraw line\n```\n",
			headline: "Ferry fares rise", authors: []string{"Jonah Reyes"},
			body: "A quoted paragraph.\n\n1. first\n\n2. second\n\nraw line"},
		{name: "front matter with inline list and publication as source",
			in:       "---\ntitle: 'Fares rise'\nauthors: [Jonah Reyes, \"Amira Castell\"]\ndate: March 3, 2024\nsource: The Lakeside Gazette\nlink: https://gazette.example/fares\n---\nThe operator raised fares.\n",
			headline: "Fares rise", authors: []string{"Jonah Reyes", "Amira Castell"}, date: "2024-03-03",
			pub: "The Lakeside Gazette", url: "https://gazette.example/fares", body: "The operator raised fares."},
		{name: "front matter source as URL",
			in:       "---\ntitle: Fares rise\nsource: https://gazette.example/fares\n---\n\nThe operator raised fares.",
			headline: "Fares rise", url: "https://gazette.example/fares", body: "The operator raised fares."},
		{name: "no front matter closing line: a rule, then text",
			in:       "---\ntitle: x\n\nThe operator raised fares.",
			headline: "title: x", body: "The operator raised fares."},
		{name: "soft-wrapped markdown paragraph and thematic break",
			in:       "# Fares rise\n\nThe operator\nraised fares\nby 12%.\n\n***\n\nRiders objected.",
			headline: "Fares rise", body: "The operator raised fares by 12%.\n\nRiders objected."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := Parse("clip.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if c.Headline != tt.headline || c.Deck != tt.deck || !reflect.DeepEqual(c.Authors, tt.authors) ||
				c.Date != tt.date || c.Publication != tt.pub || c.URL != tt.url || c.Body != tt.body {
				t.Errorf("got headline %q deck %q authors %q date %q pub %q url %q\nbody %q",
					c.Headline, c.Deck, c.Authors, c.Date, c.Publication, c.URL, c.Body)
			}
		})
	}
}
