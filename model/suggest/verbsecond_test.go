package suggest

import (
	"context"
	"testing"
)

// TestVerbSecondSource: in German the finite verb stands second, so when an
// adverb ("Gleichzeitig", "Zudem"), a time phrase ("Am Montag") or a
// preposition phrase fills the first position, the speaker or claimant is
// the noun phrase right after the verb — never the adverb. Subjects before
// the verb, quotes with their tag after them, and English and French
// sentences with an adverb and a comma first keep their source.
func TestVerbSecondSource(t *testing.T) {
	tests := []struct {
		name, lang, body string
		kind             Kind
		text             string // the suggestion's text
		want             string // claimant (claims) or speaker (quotes)
	}{
		// The sentence seen in the window (Aargauer Zeitung, sda copy).
		{"adverb first, the report", "de", "Gleichzeitig betonte der Präsident in Kabul ausdrücklich, dass sein Land mit der kürzlichen Ausweisung von 16 Qaida-Kämpfern ebenfalls den Kampf gegen den Terror unterstützt.",
			KindClaim, "", "der Präsident"},
		{"Zudem", "de", "Zudem sagte die Ministerin, die Zahl der Asylgesuche sei um 12 Prozent gestiegen.",
			KindClaim, "", "die Ministerin"},
		{"Außerdem with a surname", "de", "Außerdem erklärte Müller, der Konzern habe 300 Stellen gestrichen.",
			KindClaim, "", "Müller"},
		{"Ausserdem, Swiss spelling", "de", "Ausserdem erklärte die Ministerin, der Bund habe 300 Stellen gestrichen.",
			KindClaim, "", "die Ministerin"},
		{"Dennoch", "de", "Dennoch betonte der Präsident, das Land habe 2000 Soldaten entsandt.",
			KindClaim, "", "der Präsident"},
		{"Deshalb with a full name", "de", "Deshalb sagte Anna Keller, die Stadt habe 40 Millionen Franken ausgegeben.",
			KindClaim, "", "Anna Keller"},
		{"Inzwischen", "de", "Inzwischen erklärte der Sprecher, die Polizei habe 16 Menschen festgenommen.",
			KindClaim, "", "der Sprecher"},
		{"Später with a pronoun resolved", "de", "Innenministerin Anna Keller reiste nach Bern. Später sagte sie, der Bund habe 300 Stellen gestrichen.",
			KindClaim, "Später sagte sie, der Bund habe 300 Stellen gestrichen.", "Anna Keller"},
		{"time phrase", "de", "Am Montag sagte der Präsident, das Land habe 2000 Soldaten entsandt.",
			KindClaim, "", "der Präsident"},
		{"date", "de", "Am 5. Mai sagte die Ministerin, die Zahl der Asylgesuche sei um 12 Prozent gestiegen.",
			KindClaim, "", "die Ministerin"},
		{"time noun phrase", "de", "Vergangene Woche erklärte Müller, der Konzern habe 300 Stellen gestrichen.",
			KindClaim, "", "Müller"},
		{"preposition phrase", "de", "Bei seinem Besuch in Kabul betonte der Präsident, das Land habe 2000 Soldaten entsandt.",
			KindClaim, "", "der Präsident"},
		{"preposition phrase before a name", "de", "Gegenüber der Zeitung sagte Müller, der Konzern habe 300 Stellen gestrichen.",
			KindClaim, "", "Müller"},
		{"object first", "de", "Dies sagte die Ministerin am Montag, als der Bund 300 Stellen strich.",
			KindClaim, "", "die Ministerin"},
		{"reflexive verb", "de", "Zuvor äußerte sich der Minister, der Bund habe 300 Stellen gestrichen.",
			KindClaim, "", "der Minister"},
		{"perfect tense after a time phrase", "de", "Am Montag hat die Ministerin betont, der Bund habe 300 Stellen gestrichen.",
			KindClaim, "", "die Ministerin"},
		{"and a second verb", "de", "Innenministerin Anna Keller reiste nach Bern. Zugleich kam sie dort an und erklärte, der Bund habe 300 Stellen gestrichen.",
			KindClaim, "Zugleich kam sie dort an und erklärte, der Bund habe 300 Stellen gestrichen.", "Anna Keller"},
		{"a clause before the comma", "de", "Der Bund habe 300 Stellen gestrichen, schrieb Müller.",
			KindClaim, "", "Müller"},
		{"quote, then a clause with the verb inverted", "de", "Nick Barratt ist Historiker. «Das wirft ernste Fragen auf.» Die meisten Menschen, fügte Barratt hinzu, würden 20 Jahre zurückdenken.",
			KindQuote, "«Das wirft ernste Fragen auf.»", "Nick Barratt"},
		{"a verdict is not speech", "de", "Richter Hans Rohr sprach am Montag. Das Bezirksgericht sprach den Angeklagten schuldig. «Sie werden 5 Jahre ausgewiesen.»",
			KindQuote, "«Sie werden 5 Jahre ausgewiesen.»", "Hans Rohr"},
		{"quote after an adverb", "de", "Zudem sagte der Minister: «Wir haben 300 Stellen gestrichen.»",
			KindQuote, "«Wir haben 300 Stellen gestrichen.»", "der Minister"},
		{"quote after an adverb, a name", "de", "Inzwischen sagte Müller: «Wir haben 300 Stellen gestrichen.»",
			KindQuote, "«Wir haben 300 Stellen gestrichen.»", "Müller"},
		{"quote after a time phrase", "de", "Am Montag erklärte die Ministerin: «Der Bund hat 300 Stellen gestrichen.»",
			KindQuote, "«Der Bund hat 300 Stellen gestrichen.»", "die Ministerin"},

		// Controls: the subject stands before the verb.
		{"article subject first", "de", "Der Präsident betonte, das Land habe 2000 Soldaten entsandt.",
			KindClaim, "", "Der Präsident"},
		{"organisation first", "de", "Das Bundesverteidigungsministerium erklärte, man habe 300 Stellen gestrichen.",
			KindClaim, "", "Das Bundesverteidigungsministerium"},
		{"name first", "de", "Müller sagte, der Konzern habe 300 Stellen gestrichen.",
			KindClaim, "", "Müller"},
		{"perfect tense after an adverb", "de", "Zudem hat der Präsident betont, das Land habe 2000 Soldaten entsandt.",
			KindClaim, "", "der Präsident"},
		{"relative clause is not the subject", "de", "Der Präsident, der das Land seit 2010 führt, sagte, es habe 2000 Soldaten entsandt.",
			KindClaim, "", "Der Präsident"},
		{"apposition with an article", "de", "Anna Keller, die Sprecherin der Stadt, sagte, die Stadt habe 40 Millionen Franken ausgegeben.",
			KindClaim, "", "Anna Keller"},
		{"quote, then its tag", "de", "«Der Konzern hat 300 Stellen gestrichen», sagte Müller.",
			KindQuote, "«Der Konzern hat 300 Stellen gestrichen»", "Müller"},
		{"subject before a quote", "de", "Müller sagte: «Wir haben 300 Stellen gestrichen.»",
			KindQuote, "«Wir haben 300 Stellen gestrichen.»", "Müller"},
		{"English adverb and comma", "en", "Meanwhile, the president said the country had sent 2,000 troops.",
			KindClaim, "", "the president"},
		{"English time phrase and comma", "en", "On Monday, Anna Keller said the city had spent $40 million.",
			KindClaim, "", "Anna Keller"},
		{"French adverb and comma", "fr", "Par ailleurs, le président a déclaré que le pays avait envoyé 2000 soldats.",
			KindClaim, "", "le président"},
		{"French time phrase and comma", "fr", "Lundi, la ministre a déclaré que 300 postes avaient été supprimés.",
			KindClaim, "", "la ministre"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ss, err := Suggest(context.Background(), tc.body, Options{Language: tc.lang, Kinds: []Kind{tc.kind}, AllClaims: true})
			if err != nil {
				t.Fatal(err)
			}
			text := tc.text
			if text == "" {
				text = tc.body
			}
			for _, s := range ss {
				if s.Text != text {
					continue
				}
				got := s.Claimant
				if tc.kind == KindQuote {
					got = s.Speaker
				}
				if got != tc.want {
					t.Errorf("%q: %s source %q, want %q (%s)", tc.body, tc.kind, got, tc.want, s.Why)
				}
				return
			}
			t.Errorf("%q: no %s %q suggested; got %q", tc.body, tc.kind, text, texts(ss))
		})
	}
}
