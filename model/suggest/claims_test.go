package suggest

import (
	"context"
	"strings"
	"testing"
)

// TestClaimClasses: checkable statements are suggested with a reason and
// a confidence; opinions, insults, conditionals, forecasts and web-page
// chrome are not; factual appositives and claims inside quotes are.
func TestClaimClasses(t *testing.T) {
	tests := []struct {
		text  string
		claim bool
	}{
		{"Unemployment fell to 4.1 percent in May, its lowest level since 2008, the statistics office said.", true},
		{"President Marek Aliyev, who has led the country since 2003, signed the decree on Monday.", true},
		{"“Inflation fell to 3 percent last year,” the finance minister said.", true},
		{"The company was fined $2 million by the regulator in 2019.", true},
		{"Check out more articles like this one on our website.", false},
		{"Follow him on Twitter @jnovak or email him.", false},
		{"I think the new stadium is a terrible idea.", false},
		{"He is a liar and a coward.", false},
		{"If the talks fail, the strike could spread to other ports.", false},
		{"The weather will probably improve later this week.", false},
		{"What happens next?", false},
		{"Lupita Nyong'o's $150K Pearl Oscar Dress ... STOLEN!!!!", false}, // a headline
	}
	for _, tc := range tests {
		ss, err := Suggest(context.Background(), tc.text, Options{Language: "en", Kinds: []Kind{KindClaim}})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(ss) == 1; got != tc.claim {
			t.Errorf("%q: claim %v, want %v (%v)", tc.text, got, tc.claim, ss)
			continue
		}
		if tc.claim && (ss[0].Why == "" || ss[0].Confidence < 0.5 || !strings.HasPrefix(ss[0].Why, "score")) {
			t.Errorf("%q: claim without a reason or confidence: %+v", tc.text, ss[0])
		}
	}
}

// TestClaimsAllClaims: AllClaims adds the weaker claims the default leaves out.
func TestClaimsAllClaims(t *testing.T) {
	body := "Shamir gave in, but his government soon collapsed. The council met on Tuesday."
	def, _ := Suggest(context.Background(), body, Options{Kinds: []Kind{KindClaim}})
	all, _ := Suggest(context.Background(), body, Options{Kinds: []Kind{KindClaim}, AllClaims: true})
	if len(all) < len(def) || len(all) == 0 {
		t.Errorf("AllClaims gave %d claims, the default %d", len(all), len(def))
	}
}

// TestClaimNamedSubjectOtherLanguages: outside English a sentence whose
// first words name a person ("O presidente da Câmara, Arthur Lira, …") has
// a named subject even when the clipping names no one often.
func TestClaimNamedSubjectOtherLanguages(t *testing.T) {
	tests := []struct{ lang, text string }{
		{"pt", "O presidente da Câmara, Arthur Lira (PP-AL), não participou do encontro no STF."},
		{"es", "El ministro de Trabajo, Pablo Mieres, dialogó con el gremio portuario."},
	}
	for _, tc := range tests {
		ss, err := Suggest(context.Background(), tc.text, Options{Language: tc.lang, Kinds: []Kind{KindClaim}})
		if err != nil {
			t.Fatal(err)
		}
		if len(ss) != 1 || !strings.Contains(ss[0].Why, "named subject") {
			t.Errorf("%s %q: want one claim with a named subject, got %+v", tc.lang, tc.text, ss)
		}
	}
}

// TestNounCuesAreNotAttribution: a cue word used as a noun after "for" or
// as a label before a colon attributes nothing.
func TestNounCuesAreNotAttribution(t *testing.T) {
	for _, text := range []string{
		"Ars is asking Mojang for comment and will update this post.",
		"Note: in previous versions of the game, there was no compression for big packets.",
		"A spokesman for the company declined a request for comment.",
	} {
		ss, err := Suggest(context.Background(), text, Options{Language: "en", Kinds: []Kind{KindClaim}, AllClaims: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ss {
			if strings.Contains(s.Why, "attribution “comment”") || strings.Contains(s.Why, "attribution “Note”") {
				t.Errorf("%q: %s", text, s.Why)
			}
		}
	}
}
