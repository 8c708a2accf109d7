package web

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"clipper/model"
)

// creditTokens in a class mark the credit part of a caption.
var creditTokens = map[string]bool{
	"credit": true, "credits": true, "copyright": true, "photographer": true,
	"source": true, "byline": true, "photocredit": true, "imagecredit": true,
	"attribution": true, "author": true, "rights": true,
}

var (
	// creditParenRe is a credit in brackets at the end of a caption:
	// "(Photo: Jane Doe/Reuters)", "(Bild: Hersteller)".
	creditParenRe = regexp.MustCompile(`(?i)\s*[(\[]((?:photo(?:graph)?|image|picture|credit|foto|bild|crédit|crédito|imagen|source|quelle)s?\s*:[^()\[\]]+)[)\]]\s*$`)
	// creditLabelRe is a labelled credit at the end: "… Photo: Jane Doe".
	creditLabelRe = regexp.MustCompile(`(?i)(?:^|\s|\.)((?:photo(?:graph)?|image|picture|credit|foto|bild|crédit|crédito|imagen|quelle)s?(?: by)?\s*:\s*[^:.]{2,80})$`)
	// creditWordRe is "… Credit Jane Doe for The Ledger" at the end.
	creditWordRe = regexp.MustCompile(`\s*\b(?:Credit|Crédito|Crédit|Credito|Foto|Photo|Bild)s?:?\s*(\p{Lu}.{1,100})$`)
	// creditAgencyRe is an agency credit at the end: "… Jane Doe/Getty
	// Images", "… AP Photo/Jane Doe", "… REUTERS".
	creditAgencyRe = regexp.MustCompile(`\s((?:(?:\p{Lu}\.|\p{Lu}[\p{L}'-]*)\s){0,3}\p{Lu}[\p{L}'-]*\s?/\s?(?:\p{Lu}[\p{L}.'-]*[\s/]?){1,5}|(?:AP Photo|Getty Images|REUTERS|Reuters|AFP|EPA|Shutterstock|dpa|Bloomberg)(?:\s?/\s?[\p{L}. '-]+)?)$`)
)

// caption splits a caption element into credit (a <cite>, <small> or an
// element whose class names a credit, else a credit written at the end of
// the text) and text.
func caption(fc *html.Node) (model.Caption, bool) {
	var credit, text strings.Builder
	var walk func(n *html.Node, inCredit bool)
	walk = func(n *html.Node, inCredit bool) {
		if n.Type == html.TextNode {
			if inCredit {
				credit.WriteString(n.Data + " ")
			} else {
				text.WriteString(n.Data + " ")
			}
			return
		}
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Button {
				return
			}
			if n != fc && (n.DataAtom == atom.Cite || n.DataAtom == atom.Small || hasToken(n, creditTokens)) {
				inCredit = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inCredit)
		}
	}
	walk(fc, hasToken(fc, creditTokens) && !hasCaptionWord(fc))
	c := model.Caption{Credit: squash(credit.String()), Text: squash(text.String())}
	if c.Text == "" { // a caption classed as a credit: "Text Name/Agency"
		if t, cr := splitCredit(c.Credit); cr != "" && len(strings.Fields(t)) >= 3 {
			c.Text, c.Credit = t, cr
		}
	}
	if c.Credit == "" {
		c.Text, c.Credit = splitCredit(c.Text)
	}
	return c, c.Text != "" || c.Credit != ""
}

// hasCaptionWord reports a class that names a caption, not only a credit.
func hasCaptionWord(n *html.Node) bool {
	for _, t := range classTokens(n) {
		if t == "caption" || t == "captions" || t == "figcaption" {
			return true
		}
	}
	return false
}

// splitCredit separates a credit written at the end of a caption.
func splitCredit(s string) (text, credit string) {
	if m := creditParenRe.FindStringSubmatchIndex(s); m != nil {
		return strings.TrimSpace(s[:m[0]]), strings.TrimSpace(s[m[2]:m[3]])
	}
	if m := creditWordRe.FindStringSubmatchIndex(s); m != nil {
		return strings.TrimSpace(s[:m[0]]), strings.TrimSpace(s[m[2]:m[3]])
	}
	if m := creditLabelRe.FindStringSubmatchIndex(s); m != nil {
		return strings.TrimSpace(s[:m[2]]), strings.TrimSpace(s[m[2]:m[3]])
	}
	if m := creditAgencyRe.FindStringSubmatchIndex(s); m != nil && m[2] > 0 {
		return strings.TrimSpace(s[:m[2]]), strings.TrimSpace(s[m[2]:m[3]])
	}
	return s, ""
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
