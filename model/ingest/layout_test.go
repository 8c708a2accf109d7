package ingest

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseByline(t *testing.T) {
	tests := []struct {
		line    string
		ok      bool
		authors []string
		credit  string
	}{
		{"- Jonah Reyes and Amira Castell GAZETTE STAFF", true, []string{"Jonah Reyes", "Amira Castell"}, "GAZETTE STAFF"},
		{"- Ingrid Salo STAFF WRITER", true, []string{"Ingrid Salo"}, "STAFF WRITER"},
		{"– Oksana Brennt, Teodor Halvik and Ada Mbeki ASSOCIATED PRESS", true, []string{"Oksana Brennt", "Teodor Halvik", "Ada Mbeki"}, "ASSOCIATED PRESS"},
		{"- Jonah Reyes & Amira Castell REUTERS", true, []string{"Jonah Reyes", "Amira Castell"}, "REUTERS"},
		{"- Lucía de la Fuente AFP", true, []string{"Lucía de la Fuente"}, "AFP"},
		{"- Jonah R. Reyes", true, []string{"Jonah R. Reyes"}, ""},
		{"- Jonah Reyes GAZETTE & HERALD", true, []string{"Jonah Reyes"}, "GAZETTE & HERALD"},
		{"- JONAH REYES STAFF WRITER", true, []string{"JONAH REYES"}, "STAFF WRITER"},
		{"- ASSOCIATED PRESS", true, nil, "ASSOCIATED PRESS"},
		{"By Hollis Mbeki", true, []string{"Hollis Mbeki"}, ""},
		{"BY HOLLIS MBEKI", true, []string{"HOLLIS MBEKI"}, ""},
		{"By: Hollis Mbeki", true, []string{"Hollis Mbeki"}, ""},
		{"By Fenella Drake, Political Editor", true, []string{"Fenella Drake"}, "Political Editor"},
		{"By Arvid Thorsen, The Fjordside Tribune", true, []string{"Arvid Thorsen"}, "The Fjordside Tribune"},
		{"By Arvid Thorsen, Mei Castro and Ole Berg", true, []string{"Arvid Thorsen", "Mei Castro", "Ole Berg"}, ""},
		{"By Monday, the council had voted", false, nil, ""},
		{"by the time the ferry left", false, nil, ""},
		{"- The council will meet again on Tuesday.", false, nil, ""},
		{"- item one", false, nil, ""},
		{"Jonah Reyes", false, nil, ""},
	}
	for _, tt := range tests {
		b, ok := parseByline(tt.line)
		if ok != tt.ok || (ok && (!reflect.DeepEqual(b.authors, tt.authors) || b.credit != tt.credit)) {
			t.Errorf("parseByline(%q) = %q %q %v, want %q %q %v", tt.line, b.authors, b.credit, ok, tt.authors, tt.credit, tt.ok)
		}
	}
}

func TestDates(t *testing.T) {
	dates := map[string]string{
		"March 3, 2024":              "2024-03-03",
		"Mar. 3, 2024":               "2024-03-03",
		"Sept 30 2021":               "2021-09-30",
		"Monday, March 4, 2024":      "2024-03-04",
		"3 March 2024":               "2024-03-03",
		"3rd March, 2024":            "2024-03-03",
		"2024-03-03":                 "2024-03-03",
		"2024-05-21T19:45:00-06:00":  "2024-05-21",
		"2024-02-30":                 "",
		"February 29, 2023":          "",
		"March 3":                    "",
		"Council meets March 3 2024": "",
	}
	for in, want := range dates {
		if got := parseDate(in); got != want {
			t.Errorf("parseDate(%q) = %q, want %q", in, got, want)
		}
	}

	pubDates := []struct {
		line, pub, date string
		ok              bool
	}{
		{"The Eastbrook Sentinel, March 3, 2024", "The Eastbrook Sentinel", "2024-03-03", true},
		{"Northfield Observer — 12 March 2023", "Northfield Observer", "2023-03-12", true},
		{"The Morrow Gazette | 14 June 2023", "The Morrow Gazette", "2023-06-14", true},
		{"Monday, March 4, 2024", "", "2024-03-04", true},
		{"Published March 4, 2024", "", "2024-03-04", true},
		{"Harbor Ledger - Updated: Jan. 9, 2025", "Harbor Ledger", "2025-01-09", true},
		{"Election set for Tuesday, March 5, 2024", "", "", false},
		{"The council met on March 3, 2024, to vote.", "", "", false},
	}
	for _, tt := range pubDates {
		pub, date, ok := parsePubDate(tt.line)
		if pub != tt.pub || date != tt.date || ok != tt.ok {
			t.Errorf("parsePubDate(%q) = %q %q %v, want %q %q %v", tt.line, pub, date, ok, tt.pub, tt.date, tt.ok)
		}
	}

	files := map[string]string{
		"2022-02-15 ledger.txt":   "2022-02-15",
		"ledger_20220215.txt":     "2022-02-15",
		"ledger 2022.02.15.html":  "2022-02-15",
		"2022_02_15-ledger.docx":  "2022-02-15",
		"ledger-2022-13-01.txt":   "",
		"id 120220215999.txt":     "",
		"2022-02_15 mixed.txt":    "",
		"clipping.txt":            "",
		"scan 12345678.txt":       "",
		"v2 2019-11-30 final.txt": "2019-11-30",
	}
	for in, want := range files {
		if got := dateFromFileName(in); got != want {
			t.Errorf("dateFromFileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		par, place, agency string
		ok                 bool
	}{
		{"PORT ALDEN – The island ferry operator", "PORT ALDEN", "", true},
		{"SALT MARROW — Dockworkers voted", "SALT MARROW", "", true},
		{"KALVIK - Defence Minister", "KALVIK", "", true},
		{"ST. JOHN’S – Fog closed the port", "ST. JOHN’S", "", true},
		{"PORT ALDEN, Kestrel Islands – The operator", "PORT ALDEN, Kestrel Islands", "", true},
		{"PORT ALDEN (AP) — The operator", "PORT ALDEN", "AP", true},
		{"ÅLESUND – Fishing boats", "ÅLESUND", "", true},
		{"The operator – which runs six ferries – said", "", "", false},
		{"A – B testing is common", "", "", false},
		{"X-RAY machines were installed", "", "", false},
		{"PORT ALDEN said on Monday", "", "", false},
	}
	for _, tt := range tests {
		place, agency, ok := parseDateline(tt.par)
		if place != tt.place || agency != tt.agency || ok != tt.ok {
			t.Errorf("parseDateline(%q) = %q %q %v, want %q %q %v", tt.par, place, agency, ok, tt.place, tt.agency, tt.ok)
		}
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"blank lines separate", "One.\n\nTwo.", []string{"One.", "Two."}},
		{"every line a paragraph",
			"The council voted on Monday to approve the budget for next year, officials said.\nIt passed 5-2.\n“We are pleased,” the mayor said after a long meeting on the subject.",
			[]string{"The council voted on Monday to approve the budget for next year, officials said.", "It passed 5-2.", "“We are pleased,” the mayor said after a long meeting on the subject."}},
		{"lower-case continuation is joined whatever the width",
			"The island ferry operator will raise fares by 12% on April 1, the second increase in\ntwo years, it said Monday.",
			[]string{"The island ferry operator will raise fares by 12% on April 1, the second increase in two years, it said Monday."}},
		{"hyphenated word part", "a long-\nterm plan", []string{"a long-term plan"}},
		{"dash at line end is not a hyphen", "the vote –\nwhich passed", []string{"the vote – which passed"}},
		{"hard-wrapped at 40 with paragraph ends by short lines",
			"Waiting lists fell in the last quarter\nfor the first time since 2018, the\nBoard said on Friday.\nCritics said the change was fragile and\nNurses warned of winter pressure.",
			[]string{"Waiting lists fell in the last quarter for the first time since 2018, the Board said on Friday.", "Critics said the change was fragile and Nurses warned of winter pressure."}},
		{"newspaper column copied line by line",
			"Residents of the town say the new fees are\nUnfair to small businesses that rely on\nSummer visitors.",
			[]string{"Residents of the town say the new fees are Unfair to small businesses that rely on Summer visitors."}},
		{"short crosshead stays apart", "Fuel costs\nThe operator said fuel made up 31% of costs.", []string{"Fuel costs", "The operator said fuel made up 31% of costs."}},
		{"list items", "Demands:\n- higher pay\n- shorter shifts\n1. first\n2) second", []string{"Demands:", "- higher pay", "- shorter shifts", "1. first", "2) second"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := paragraphs(cleanLines(tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestLayoutHead(t *testing.T) {
	body := "PORT ALDEN – The island ferry operator will raise fares by 12% on April 1, it said Monday.\n\nMore text follows here."
	tests := []struct {
		name                        string
		in                          string
		pub, headline, deck, credit string
		authors                     []string
		date                        string
	}{
		{name: "e-paper headline only before byline",
			in:       "Ferry fares to rise\n\n- Jonah Reyes GAZETTE STAFF\n\n" + body,
			headline: "Ferry fares to rise", authors: []string{"Jonah Reyes"}, credit: "GAZETTE STAFF"},
		{name: "two lines before an e-paper byline: publication and headline",
			in:  "The Lakeside Gazette\n\nFerry fares to rise 12% in spring\n\n- Jonah Reyes GAZETTE STAFF\n\n" + body,
			pub: "The Lakeside Gazette", headline: "Ferry fares to rise 12% in spring", authors: []string{"Jonah Reyes"}, credit: "GAZETTE STAFF"},
		{name: "two lines before an e-paper byline, first not a name: headline and deck",
			in:       "Ferry fares to rise 12% in spring\n\nOperator cites fuel costs\n\n- Jonah Reyes GAZETTE STAFF\n\n" + body,
			headline: "Ferry fares to rise 12% in spring", deck: "Operator cites fuel costs", authors: []string{"Jonah Reyes"}, credit: "GAZETTE STAFF"},
		{name: "e-paper without byline: dateline marks the body",
			in:  "The Lakeside Gazette\n\nFerry fares to rise 12% in spring\n\nOperator cites fuel costs\n\n" + body,
			pub: "The Lakeside Gazette", headline: "Ferry fares to rise 12% in spring", deck: "Operator cites fuel costs"},
		{name: "plain: headline and body only",
			in:       "Ferry fares to rise 12% in spring\n\nThe operator will raise fares by 12% on April 1, it said Monday.\n\nMore.",
			headline: "Ferry fares to rise 12% in spring"},
		{name: "plain: date line first",
			in:  "The Harbor Ledger, January 9, 2025\nFerry fares to rise\nBy Jonah Reyes\n\nThe operator will raise fares by 12% on April 1, it said Monday.",
			pub: "The Harbor Ledger", headline: "Ferry fares to rise", authors: []string{"Jonah Reyes"},
			date: "2025-01-09"},
		{name: "no headline when the text starts with a sentence",
			in: "The operator will raise fares by 12% on April 1, it said Monday.\n\nRiders are unhappy."},
		{name: "title-case publication without byline or dateline",
			in:  "The Harbor Ledger\nFerry Fares To Rise\n\nThe operator will raise fares by 12% on April 1, it said Monday.",
			pub: "The Harbor Ledger", headline: "Ferry Fares To Rise"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, b := parseLayout(tt.in, hints{})
			if m.Publication != tt.pub || m.Headline != tt.headline || m.Deck != tt.deck || m.Credit != tt.credit ||
				!reflect.DeepEqual(m.Authors, tt.authors) || m.Date != tt.date {
				t.Errorf("got pub %q headline %q deck %q authors %q credit %q date %q",
					m.Publication, m.Headline, m.Deck, m.Authors, m.Credit, m.Date)
			}
			if b == "" || strings.Contains(b, tt.headline+"\n") && tt.headline != "" {
				t.Errorf("body %q", b)
			}
		})
	}
}

func TestCaptions(t *testing.T) {
	in := strings.Join([]string{
		"Headline here",
		"",
		"First paragraph of the story, which is long enough.",
		" ?? ANA ?? A caption.",
		"ANA A caption.",
		"?? BOB/WIRE ?? Second caption with ?? inside?",
		"",
		"Second paragraph.",
		"BOB/WIRE Second caption with ?? inside?",
		"What?? he asked.",
	}, "\n")
	m, body := parseLayout(in, hints{})
	wantCaps := "ANA|A caption.;BOB/WIRE|Second caption with ?? inside?;"
	got := ""
	for _, c := range m.Captions {
		got += c.Credit + "|" + c.Text + ";"
	}
	if got != wantCaps {
		t.Errorf("captions %q, want %q", got, wantCaps)
	}
	if want := "First paragraph of the story, which is long enough.\n\nSecond paragraph.\n\nWhat?? he asked."; body != want {
		t.Errorf("body %q, want %q", body, want)
	}
}
