package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"clipper/model"
)

// corpusDir returns a folder of the shared real-world corpus, skipping the
// test when it is absent outside CI.
func corpusDir(t testing.TB, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus", sub)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("corpus folder %s missing in CI: %v", dir, err)
		}
		t.Skipf("corpus folder %s not found (run from the project's worktree layout): %v", dir, err)
	}
	return dir
}

// webTruth is what a page of corpus/web says, checked by hand against the
// page: Readability's expected-metadata.json with its mistakes corrected
// (a " - Breitbart" suffix, a byline glued to a date, "個人" for a link in
// the site's menu, a sidebar author on Salon, no dates where the page
// shows one).
type webTruth struct {
	headline string
	authors  []string // nil: the page names no person
	pub      string
	date     string // "" when the page gives none
	// notBody are reference paragraphs (prefixes; a short one must match
	// whole) that Readability keeps but that are not article text: 'c'
	// photo captions and credits, which must be in Captions; 'x' furniture
	// (newsletter boxes, "Continue reading", section links); 'm' byline or
	// date lines, which go to the metadata. None may be in the body, and
	// they are taken out of the reference before scoring.
	notBody []notBody
}

type notBody struct {
	kind byte
	text string
}

func nb(kind byte, texts ...string) []notBody {
	var out []notBody
	for _, t := range texts {
		out = append(out, notBody{kind, t})
	}
	return out
}

func cat(lists ...[]notBody) []notBody {
	var out []notBody
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

var webTruths = map[string]webTruth{
	"aclu":      {"Facebook Is Tracking Me Even Though I’m Not on Facebook", []string{"Daniel Kahn Gillmor"}, "American Civil Liberties Union", "2018-04-05", nil},
	"aktualne":  {"West Ham hrozí gigantům, okouzlil i Linekera. Součka je snadné přehlédnout", []string{"Aleš Vávra"}, "Aktuálně.cz", "2021-11-01", nil},
	"ars-1":     {"Just-released Minecraft exploit makes it easy to crash game servers", []string{"Dan Goodin"}, "Ars Technica", "2015-04-16", nb('x', "Biz & IT —")},
	"breitbart": {"'Neutral' Snopes Fact-Checker David Emery: 'Are There Any Un-Angry Trump Supporters?'", []string{"Lucas Nolan"}, "Breitbart", "2016-12-22", cat(nb('c', "JIM WATSON/AFP/Getty Images"), nb('m', "22 Dec, 2016*"), nb('x', "SIGN UP FOR OUR NEWSLETTER"))},
	"citylab-1": {"The Modern Ambitions Behind Neon", []string{"Sarah Archer"}, "CityLab", "2019-04-30", cat(
		nb('c', "The Moulin Rouge cabaret in Paris", "Workers remove a hammer and sickle", "Martin Wartman, a student"),
		nb('m', "1:39 PM ET", "Sarah Archer"),
		nb('x', "Cities are changing fast. Keep up", "The best way to follow issues you care", "Sarah Archer is the author of"))},
	"cnet":             {"Zuckerberg offers peek at Facebook's acquisition strategies", []string{"Steven Musil"}, "CNET", "2017-01-18", nb('c', "Facebook CEO Mark Zuckerberg, the man", "Photo by James Martin/CNET")},
	"engadget":         {"Xbox One X review: A console that keeps up with gaming PCs", []string{"Devindra Hardawar"}, "Engadget", "2017-11-03", nb('c', "Devindra Hardawar/AOL")},
	"gmw":              {"宇航员在太空中喝酒会怎么样？后果很严重", []string{"肖春芳"}, "光明网", "2017-03-10", nil},
	"heise":            {"1Password für Mac generiert Einmal-Passwörter", nil, "Mac & i", "2015-04-08", nb('c', "1Password scannt auch QR-Codes.", "(Bild: Hersteller)")},
	"medicalnewstoday": {"How does the brain turn unconscious information into conscious thought?", []string{"Ana Sandoiu"}, "Medical News Today", "2017-07-27", nil},
	"msn":              {"Nintendo's first iPhone game will launch in December for $10", []string{"Alex Perry"}, "MSN", "2016-11-15", nil},
	"nytimes-2":        {"Yahoo’s Sale to Verizon Leaves Shareholders With Little Say", []string{"Steven Davidoff Solomon"}, "The New York Times", "2016-07-29", cat(nb('c', "Harry Campbell"), nb('x', "Credit Harry Campbell"), nb('x', "Photo", "Continue reading the main story"))},
	"nytimes-3": {"Manhole Fires and Burst Pipes: How Winter Wreaks Havoc on What’s Underneath N.Y.C.", []string{"Corey Kilgannon"}, "The New York Times", "2019-02-21", cat(
		nb('c', "A Con Edison worker repairing", "There are typically between 400 and 600", "In 1978, a water main break", "Matt Cruz snowboarded", "Workers learning how to fix water main"),
		nb('m', "Feb. 21, 2019"), nb('x', "Image"))},
	// A section front, not an article: its "article" is the list of
	// teasers Readability keeps.
	"nytimes-5": {"The New York Times en Español", nil, "The New York Times", "", cat(
		nb('x', "Photo", "Credit*", "Más en *", "Lo más reciente", "Buscar"))},
	"qq":       {"DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶", nil, "腾讯网", "2016-10-14", nb('m', "TNW中文站2016年10月14日07:17")},
	"quanta-1": {"The Hidden Heroines of Chaos", []string{"Joshua Sokol"}, "Quanta Magazine", "2019-05-20", nil},
	"salon-1":  {"The sharing economy is a lie: Uber, Ayn Rand and the truth about tech and libertarians", []string{"Richard (R.J.) Eskow"}, "Salon", "2015-02-01", nil},
	"theverge": {"Apple’s Vision Pro hands-on: the Retina display moment for headsets", []string{"Alex Heath"}, "The Verge", "2023-06-07", cat(
		nb('c', "I wasn’t allowed to record or capture"),
		nb('x', "Sign up for Command Line", "Monthly", "$7/month", "A flexible plan you can cancel", "Annual", "$70/year",
			"A discounted plan to keep you", "Corporate", "$60/person/year", "Keep your team informed", "We accept credit card"))},
	"tmz-1":   {"Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!", nil, "TMZ", "2015-02-26", nb('m', "2/26/2015 7:11 AM PST BY TMZ STAFF")},
	"wapo-2":  {"Where do strained U.S.-Israeli relations go after Netanyahu’s victory?", []string{"Steven Mufson"}, "Washington Post", "2015-03-18", nb('c', "Israeli Prime Minister Benjamin Netanyahu reacts", "Israeli Prime Minister Benjamin Netanyahu pledged")},
	"webmd-1": {"Babies Who Eat Peanuts Early May Avoid Allergy", []string{"Brenda Goodman"}, "WebMD", "2015-02-23", nil},
	"yahoo-1": {"These are the 8 coolest PlayStation VR games", []string{"Ben Silverman"}, "Yahoo Finance", "2016-10-13", nil},
	"yahoo-4": {"トレンドマイクロ、公衆無線LANを安全に使うためのアプリ「フリーWi-Fiプロテクション」（CNET Japan）", nil, "Yahoo!ニュース", "2017-03-09", nil},
}

// matches reports whether paragraph p is the notBody line e: starts with
// it, or for a text under 16 bytes equals it (a prefix when it ends in
// "*").
func (e notBody) matches(p string) bool {
	p = normField(p)
	if prefix, ok := strings.CutSuffix(e.text, "*"); ok {
		return strings.HasPrefix(p, prefix)
	}
	if len(e.text) < 16 {
		return p == e.text
	}
	return strings.HasPrefix(p, e.text)
}

// furnitureLineRe is what no body paragraph may be, whatever the page.
var furnitureLineRe = regexp.MustCompile(`(?i)^(?:read more\b|more on this story|most (?:read|popular)\b|share (?:this|on)\b|view this image|\[read:|\d+ (?:/|of) \d+$|sign up for\b|continue reading\b|advertisement$|related:)`)

// Floors of the body scores against the cleaned reference; the test fails
// when the extractor does worse, and the numbers in the report come from
// its log.
const (
	minPageF1      = 0.95
	minMeanF1      = 0.98
	maxLostTotal   = 3 // reference paragraphs missing from body and deck, all pages
	maxExtraTotal  = 3 // body paragraphs the reference lacks, all pages
	minBylineShare = 0.90
	minDateShare   = 0.95
	minPubShare    = 0.95
)

func TestWebCorpus(t *testing.T) {
	root := corpusDir(t, "web")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var (
		pages, lost, extra                      int
		sumF1, sumRawF1                         float64
		persons, bylineOK, dated, dateOK, pubOK int
	)
	for _, e := range entries {
		name := e.Name()
		truth, ok := webTruths[name]
		if !ok {
			t.Errorf("%s: no expectations for this page; add it to webTruths", name)
			continue
		}
		src, err := os.ReadFile(filepath.Join(root, name, "source.html"))
		if err != nil {
			t.Fatal(err)
		}
		exp, err := os.ReadFile(filepath.Join(root, name, "expected.html"))
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := Parse("source.html", src)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		pages++
		body := strings.Split(c.Body, "\n\n")
		raw := refParagraphs(string(exp))
		out := body
		if set, seq := trigrams(raw); c.Deck != "" && presentIn(c.Deck, set, seq) {
			// A standfirst Readability keeps in the text is the deck here:
			// count it as found, and a description it lacks as nothing.
			out = append([]string{c.Deck}, body...)
		}
		var ref []string
		for _, p := range raw {
			keep := true
			for _, e := range truth.notBody {
				if e.matches(p) {
					keep = false
				}
			}
			if keep {
				ref = append(ref, p)
			}
		}
		s := compareBody(out, ref)
		sumF1 += s.f1
		sumRawF1 += compareBody(out, raw).f1
		lost += len(s.lost)
		extra += len(s.clutter)
		t.Logf("%-17s P %.3f R %.3f F1 %.3f lost %d extra %d", name, s.precision, s.recall, s.f1, len(s.lost), len(s.clutter))
		for _, p := range s.lost {
			t.Logf("    lost: %.100s", p)
		}
		for _, p := range s.clutter {
			t.Logf("    extra: %.100s", p)
		}
		if s.f1 < minPageF1 {
			t.Errorf("%s: body F1 %.3f under %.2f; lost %q extra %q", name, s.f1, minPageF1, s.lost, s.clutter)
		}
		for _, p := range body {
			if furnitureLineRe.MatchString(p) {
				t.Errorf("%s: furniture in the body: %q", name, p)
			}
			for _, e := range truth.notBody {
				if e.matches(p) {
					t.Errorf("%s: %q is in the body", name, p)
				}
			}
		}
		for _, e := range truth.notBody {
			if e.kind == 'c' && !inCaptions(c.Captions, e.text) {
				t.Errorf("%s: caption %q not among the captions %q", name, e.text, c.Captions)
			}
		}

		if got := strings.Join(strings.Fields(c.Headline), " "); got != truth.headline {
			t.Errorf("%s: headline %q, want %q", name, got, truth.headline)
		}
		if len(truth.authors) > 0 {
			persons++
			if reflect.DeepEqual(c.Authors, truth.authors) {
				bylineOK++
			} else {
				t.Logf("%s: authors %q, want %q", name, c.Authors, truth.authors)
			}
		}
		if truth.date != "" {
			dated++
			if c.Date == truth.date {
				dateOK++
			} else {
				t.Logf("%s: date %q, want %q", name, c.Date, truth.date)
			}
		}
		if sameSite(c.Publication, truth.pub) {
			pubOK++
		} else {
			t.Logf("%s: publication %q, want %q", name, c.Publication, truth.pub)
		}
	}
	if pages == 0 {
		t.Fatal("no pages read")
	}
	mean := sumF1 / float64(pages)
	t.Logf("%d pages: mean F1 %.4f (%.4f against expected.html as is), lost %d, extra %d; bylines %d/%d, dates %d/%d, publications %d/%d",
		pages, mean, sumRawF1/float64(pages), lost, extra, bylineOK, persons, dateOK, dated, pubOK, pages)
	if mean < minMeanF1 {
		t.Errorf("mean body F1 %.4f under %.2f", mean, minMeanF1)
	}
	if lost > maxLostTotal || extra > maxExtraTotal {
		t.Errorf("%d reference paragraphs lost (at most %d), %d extra paragraphs (at most %d)", lost, maxLostTotal, extra, maxExtraTotal)
	}
	share := func(ok, n int) float64 { return float64(ok) / float64(max(n, 1)) }
	if share(bylineOK, persons) < minBylineShare {
		t.Errorf("bylines right on %d of %d pages", bylineOK, persons)
	}
	if share(dateOK, dated) < minDateShare {
		t.Errorf("dates right on %d of %d pages", dateOK, dated)
	}
	if share(pubOK, pages) < minPubShare {
		t.Errorf("publications right on %d of %d pages", pubOK, pages)
	}
}

// inCaptions reports whether a caption's text or credit holds s.
func inCaptions(caps []model.Caption, s string) bool {
	for _, c := range caps {
		if strings.Contains(c.Text+" "+c.Credit, s) || strings.Contains(c.Credit+" "+c.Text, s) {
			return true
		}
	}
	return false
}
