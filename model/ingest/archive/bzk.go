package archive

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"clipper/model"
)

// The BZK press digest ("Knipselkrant", made for the Dutch Ministry of the
// Interior, BZK): a PDF with a cover line "Knipselkrant van DD-MM-YYYY",
// an index of "Headline (Publication)....page" lines, then per article a
// bold headline in a larger size, a line "Publication DD-MM-YYYY (p.NN)"
// and the body in columns, often with the author in capitals first and a
// "© Publication YYYY alle rechten voorbehouden" line last. The splitter
// reads the PDF reader's styled paragraphs (Doc.Paras).

// bzkSourceRe matches the line under a headline: publication, date, page.
var bzkSourceRe = regexp.MustCompile(`^(.+?)\s+(\d{2})-(\d{2})-(\d{4})\s*\(p\.\s*([^)]*)\)\s*$`)

// bzkIndexRe matches an index line: a title with dotted leaders.
var bzkIndexRe = regexp.MustCompile(`\.{5,}\s*\d*\s*$`)

// bzkAuthorRe matches an author line in capitals ("KOEN VOSKUIL").
var bzkAuthorRe = regexp.MustCompile(`^[\p{Lu}][\p{Lu}.'\- ]{2,60}$`)

func bzkFormat() format {
	return format{name: "BZK press digest (PDF)", detect: detectBZK, split: splitBZK}
}

// detectBZK: styled paragraphs from a PDF with a Knipselkrant cover line
// or a dotted index, and at least two bold headlines each followed by a
// source line.
func detectBZK(doc *Doc) bool {
	if doc.Kind != Paragraphs || len(doc.Paras) < 4 {
		return false
	}
	cover := false
	for _, p := range doc.Paras[:min(len(doc.Paras), 6)] {
		if strings.HasPrefix(strings.TrimSpace(p.Text), "Knipselkrant") || bzkIndexRe.MatchString(firstLine(p.Text)) {
			cover = true
		}
	}
	return cover && len(bzkStarts(doc.Paras)) >= 2
}

// bzkStarts returns the indices of the headline paragraphs: bold, larger
// than the source line under them, which matches bzkSourceRe.
func bzkStarts(ps []Para) []int {
	var out []int
	for i := 0; i+1 < len(ps); i++ {
		h, s := ps[i], ps[i+1]
		if h.Bold && (s.Size == 0 || h.Size > s.Size) && !strings.Contains(h.Text, "\n\n") && bzkSourceRe.MatchString(strings.TrimSpace(s.Text)) {
			out = append(out, i)
		}
	}
	return out
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func splitBZK(ctx context.Context, doc *Doc) (*Batch, error) {
	starts := bzkStarts(doc.Paras)
	if len(starts) == 0 {
		return nil, fmt.Errorf("no headline followed by a \"Publication DD-MM-YYYY (p.N)\" line: %w", ErrUnsplittable)
	}
	b := &Batch{}
	var index []string
	for _, p := range doc.Paras[:starts[0]] {
		for _, l := range strings.Split(p.Text, "\n") {
			if bzkIndexRe.MatchString(l) {
				index = append(index, strings.TrimSpace(bzkIndexRe.ReplaceAllString(l, "")))
			}
		}
	}
	b.Announced = len(index)
	if starts[0] > 0 {
		b.LeftOut = append(b.LeftOut, "cover page and index")
		for _, p := range doc.Paras[:starts[0]] {
			b.Omitted = append(b.Omitted, p.Text)
		}
	}
	copyrights := 0
	for k, s := range starts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		end := len(doc.Paras)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		a := Article{N: k + 1}
		a.Headline = joinPDFLines(doc.Paras[s].Text)
		m := bzkSourceRe.FindStringSubmatch(strings.TrimSpace(doc.Paras[s+1].Text))
		a.Publication = strings.TrimSpace(m[1])
		if d := m[4] + "-" + m[3] + "-" + m[2]; model.ValidDate(d) {
			a.Date = d
		}
		a.Page = strings.TrimLeft(strings.TrimSpace(m[5]), "0")
		var body []string
		for _, p := range doc.Paras[s+2 : end] {
			if t := joinPDFLines(p.Text); t != "" {
				body = append(body, t)
			}
		}
		if len(body) > 0 && bzkAuthorRe.MatchString(body[0]) && len(strings.Fields(body[0])) >= 2 && len(strings.Fields(body[0])) <= 5 && !strings.ContainsAny(body[0], "0123456789") {
			a.Authors = []string{titleCase(strings.Join(strings.Fields(body[0]), " "))}
			body = body[1:]
			if n := len(body); n > 0 && strings.EqualFold(body[n-1], a.Authors[0]) {
				body = body[:n-1]
			}
		}
		if n := len(body); n > 0 && strings.HasPrefix(body[n-1], "©") {
			a.Details = append(a.Details, model.Field{Key: "copyright", Value: body[n-1]})
			body = body[:n-1]
			copyrights++
			if n := len(body); n > 0 && len(a.Authors) > 0 && strings.EqualFold(body[n-1], a.Authors[0]) {
				body = body[:n-1]
			}
		}
		a.Body = strings.Join(body, "\n\n")
		if a.Body == "" {
			a.Problem = "the article has no text"
		}
		b.Articles = append(b.Articles, a)
	}
	if copyrights > 0 {
		b.LeftOut = append(b.LeftOut, "copyright lines (kept in the details)")
	}
	if len(index) > 0 {
		found := map[string]bool{}
		for _, a := range b.Articles {
			found[normTitle(a.Headline+" ("+a.Publication+")")] = true
		}
		for _, t := range index {
			if !found[normTitle(t)] {
				b.Warnings = append(b.Warnings, fmt.Sprintf("the index lists %q, which was not found as an article", t))
			}
		}
	}
	return b, nil
}

// normTitle folds a title for comparison: lower case, letters and digits.
func normTitle(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// joinPDFLines joins the lines of a PDF paragraph into running text,
// putting a word hyphenated at a line end together again ("ver-" +
// "huurder" when the next line starts in lower case).
func joinPDFLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	var b strings.Builder
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if i > 0 && l != "" {
			prev := []rune(b.String())
			next := []rune(l)
			n := len(prev)
			if n >= 2 && prev[n-1] == '-' && unicode.IsLetter(prev[n-2]) && unicode.IsLower(next[0]) {
				t := b.String()
				b.Reset()
				b.WriteString(t[:len(t)-1])
			} else if b.Len() > 0 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}
