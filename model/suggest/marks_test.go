package suggest

import "testing"

// quotedTexts returns the text of every top-level quoted stretch.
func quotedTexts(body string) []string {
	d := newDoc(body)
	d.findQuotes()
	var out []string
	for _, q := range d.quotes {
		out = append(out, string(d.r[q.s:q.e]))
	}
	return out
}

func TestQuoteMarkPairing(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"US double", "“We are ready,” he said.", []string{"“We are ready,”"}},
		{"British single with apostrophes", "‘It’s the council’s fault,’ she said.", []string{"‘It’s the council’s fault,’"}},
		{"plural possessive inside", "‘The ministers’ decision was wrong,’ she said.", []string{"‘The ministers’ decision was wrong,’"}},
		{"plural possessive as the only closer", "‘We met the ministers’ she said.", []string{"‘We met the ministers’"}},
		{"possessive closes before a new quote opens", "‘Ask the ministers’ she said. ‘Then ask me.’", []string{"‘Ask the ministers’", "‘Then ask me.’"}},
		{"decade apostrophe", "‘It was built in the ’90s,’ he said.", []string{"‘It was built in the ’90s,’"}},
		{"straight decade apostrophe", "'It was built in the '80s,' he said.", []string{"'It was built in the '80s,'"}},
		{"straight double", `"No," he said. "Never."`, []string{`"No,"`, `"Never."`}},
		{"straight single with contractions", "'We're sure it won't last,' she said.", []string{"'We're sure it won't last,'"}},
		{"guillemets", "«Jamais», a-t-il dit.", []string{"«Jamais»"}},
		{"reversed guillemets", "»Niemals«, sagte er.", []string{"»Niemals«"}},
		{"German low-high", "„Wir sind bereit“, sagte sie.", []string{"„Wir sind bereit“"}},
		{"nested inner quote", "“They called it ‘a rotation,’ but no,” he said.", []string{"“They called it ‘a rotation,’ but no,”"}},
		{"multi-paragraph", "“First part.\n\n“Second part,” she said.", []string{"“First part.\n\n“Second part,”"}},
		{"unclosed quote does not swallow the next paragraph", "“Never closed here.\n\nA plain paragraph.", []string{"“Never closed here."}},
		{"elision is not a mark", "Rock ’n’ roll and ’em.", nil},
		{"inch marks after digits are not quotes", "A 12\" pipe and a 5' plank.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := quotedTexts(tc.body)
			if len(got) != len(tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("quote %d = %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestSentenceSplit(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{"Gen. Marta Kowalczyk spoke. Mr. Reed left.", []string{"Gen. Marta Kowalczyk spoke.", "Mr. Reed left."}},
		{"Troops crossed since Jan. 5 and stayed. Talks failed.", []string{"Troops crossed since Jan. 5 and stayed.", "Talks failed."}},
		{"The U.S. Embassy said so. The U.S. The end.", []string{"The U.S. Embassy said so.", "The U.S.", "The end."}},
		{"“Why now?” she asked. “Because.”", []string{"“Why now?” she asked.", "“Because.”"}},
		{"He said “It is over.” Then he left.", []string{"He said “It is over.”", "Then he left."}},
		{"J. K. Smith wrote it. It sold.", []string{"J. K. Smith wrote it.", "It sold."}},
		{"It cost 3.5 million. It rose.", []string{"It cost 3.5 million.", "It rose."}},
		{"HARTWELL, Ore. (AP) — A man was sentenced.", []string{"HARTWELL, Ore. (AP) — A man was sentenced."}},
		// An ellipsis set off by spaces is a pause, one stuck to its word may end the sentence.
		{"The dress is made of pearls ... 6,000 white pearls. It was stolen.", []string{"The dress is made of pearls ... 6,000 white pearls.", "It was stolen."}},
		{"It was stolen from her room … TMZ has learned.", []string{"It was stolen from her room … TMZ has learned."}},
		{"They waited and waited... Then the door opened.", []string{"They waited and waited...", "Then the door opened."}},
		// Paragraphs run together without a space.
		{"The port was shut.The strike began on Friday.", []string{"The port was shut.", "The strike began on Friday."}},
		{"(See box).Later the firm backed down.", []string{"(See box).", "Later the firm backed down."}},
		{"It will get worse”.“We have a duty,” they said.", []string{"It will get worse”.", "“We have a duty,” they said."}},
		{"Visit Meteo.it for more. Neltume Ports S.A. and ATCO Ltd. signed.", []string{"Visit Meteo.it for more.", "Neltume Ports S.A. and ATCO Ltd. signed."}},
		{"He works for Amazon.com in the U.S.A. now.", []string{"He works for Amazon.com in the U.S.A. now."}},
	}
	for _, tc := range tests {
		d := newDoc(tc.body)
		var got []string
		for _, s := range d.sents {
			got = append(got, string(d.r[s.s:s.e]))
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: got %q, want %q", tc.body, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: sentence %d = %q, want %q", tc.body, i, got[i], tc.want[i])
			}
		}
	}
}
