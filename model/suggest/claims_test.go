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
