package archive

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestStreamTextMatchesTree: the token-stream rendering of a page gives
// the text the tree rendering gives, for well-formed pages and the usual
// liberties (unclosed head and paragraphs, raw-text elements, pre, br).
func TestStreamTextMatchesTree(t *testing.T) {
	for name, src := range map[string]string{
		"article": `<!DOCTYPE html><html><head><title>T</title><style>p{x:1}</style><script>var a="<p>no</p>";</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li>News</li></ul></nav><article><h1>Council  approves
plan</h1><p>The council <b>voted</b> 7-2.</p><p>Officials said<br>on Tuesday.</p><pre>  keep
  this</pre><table><tr><td>a</td><td>b</td></tr></table></article><footer>© Ledger</footer></body></html>`,
		"unclosed head": `<html><head><meta charset="utf-8"><title>T</title><body><p>One<p>Two<div>Three</div>`,
		"hidden parts":  `<body><noscript>enable js</noscript><p>Seen</p><svg><text>unseen</text></svg><template><p>no</p></template><p>After</p></body>`,
	} {
		t.Run(name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(src))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := streamText(src), HTMLText(root); got != want {
				t.Errorf("stream:\n%q\ntree:\n%q", got, want)
			}
		})
	}
}

// TestVisibleTextKeepsNoTree: VisibleText does not keep a page's tree (it
// takes many times the memory of the text), and reads a page with more
// than MaxTreeElements elements without building one.
func TestVisibleTextKeepsNoTree(t *testing.T) {
	small := &Doc{Kind: HTML, Text: "<body><p>One</p><p>Two</p></body>"}
	if got := small.VisibleText(); got != "One\n\nTwo" {
		t.Errorf("visible %q", got)
	}
	if small.htmlDone || small.htmlRoot != nil {
		t.Error("VisibleText kept the tree")
	}
	big := &Doc{Kind: HTML, Text: "<body>" + strings.Repeat("<p><b>x</b></p>", MaxTreeElements/2+1) + "</body>"}
	if !manyElements(big.Text, MaxTreeElements) {
		t.Fatal("setup: the page should be over the element limit")
	}
	v := big.VisibleText()
	if n := strings.Count(v, "x"); n != MaxTreeElements/2+1 {
		t.Errorf("%d paragraphs read, want %d", n, MaxTreeElements/2+1)
	}
	if big.htmlDone {
		t.Error("a tree was built for a page over the limit")
	}
	// HTMLRoot still parses once and shares the tree.
	r1, err1 := small.HTMLRoot()
	r2, err2 := small.HTMLRoot()
	if err1 != nil || err2 != nil || r1 != r2 {
		t.Errorf("HTMLRoot: %p %v, %p %v", r1, err1, r2, err2)
	}
}
