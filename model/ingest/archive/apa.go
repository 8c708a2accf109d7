package archive

import (
	"context"
	"fmt"
	"regexp"
	"strings"
)

// APA / wiso RTF: the exports of the Austrian Press Agency's archive (and
// the wiso press databases built on it). Each article starts with a source
// line — `"Die Presse" vom 18.03.2013 Seite: 27`, or for web sources
// `"Kurier.at" gefunden am 28.12.2017 10:36 Uhr` — optionally after a
// table row "Die Presse<tab>17.03.2013", followed by labelled lines
// (Ressort:, Dokumentnummer:) or a "section, edition" line, the headline
// in bold, the body, and a line of underscores or the next source line.

func apaFormat() format {
	return format{name: "APA/wiso RTF", detect: apaDetect, split: splitAPA}
}

var (
	apaSourceRe = regexp.MustCompile(`^"([^"]{1,120})"(?:\s+(.{1,80}?))?\s+(vom|gefunden am)\s+(\d{1,2}\.\d{1,2}\.\d{4})(?:,?\s+(\d{1,2}[.:]\d{2})\s*Uhr)?(?:\s+Seite:?\s*(\S+(?:\s*-\s*\S+)?))?\s*$`)
	apaHeaderRe = regexp.MustCompile(`^[^\t]{1,120}\t\d{1,2}\.\d{1,2}\.\d{4}$`)
	apaSepRe    = regexp.MustCompile(`^_{10,}$`)
	apaLabelRe  = regexp.MustCompile(`^(Ressort|Rubrik|Dokumentnummer|Dokument-Nr\.|Autor|Autorin|Autoren|Länge|Umfang|Wörter|Ausgabe|Seite|Quelle):\s*(.+)$`)
	apaByRe     = regexp.MustCompile(`^(?:Von|von|VON)\s+(\S.{1,78})$`)
	apaStopRe   = regexp.MustCompile(`^(?:Gespeicherter Anhang:|Gespeicherte Anhänge|Der gegenständliche Text ist eine Abschrift)`)
	apaIssueRe  = regexp.MustCompile(`^(?:Nr\.|Ausgabe|Heft)\s`)
)

// apaPara is a paragraph of the export with what the headline rule needs.
type apaPara struct {
	text string
	bold bool
}

func apaParas(doc *Doc) (ps []apaPara, styled bool) {
	if doc.Kind == Paragraphs && len(doc.Paras) > 0 {
		for _, p := range doc.Paras {
			ps = append(ps, apaPara{text: strings.TrimSpace(p.Text), bold: p.Bold})
		}
		return ps, true
	}
	for _, l := range strings.Split(strings.ReplaceAll(doc.Text, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			ps = append(ps, apaPara{text: l})
		}
	}
	return ps, false
}

func apaDetect(doc *Doc) bool {
	if doc.Kind != Paragraphs && doc.Kind != Text {
		return false
	}
	if doc.Kind == Text && !strings.Contains(doc.Text, `" vom `) && !strings.Contains(doc.Text, `" gefunden am `) {
		return false
	}
	ps, _ := apaParas(doc)
	for _, p := range ps {
		if apaSourceRe.MatchString(p.text) {
			return true
		}
	}
	return false
}

func splitAPA(ctx context.Context, doc *Doc) (*Batch, error) {
	ps, styled := apaParas(doc)
	var starts []int
	for i, p := range ps {
		if apaSourceRe.MatchString(p.text) {
			starts = append(starts, i)
		}
	}
	if len(starts) == 0 {
		return nil, fmt.Errorf("%w: no source lines (\"Paper\" vom DD.MM.YYYY) found", ErrUnsplittable)
	}
	b := &Batch{}
	if starts[0] > 0 && !(starts[0] == 1 && apaHeaderRe.MatchString(ps[0].text)) {
		b.LeftOut = append(b.LeftOut, fmt.Sprintf("%d paragraph(s) before the first article", starts[0]))
	}
	seps := 0
	for k, s := range starts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		end := len(ps)
		if k+1 < len(starts) {
			end = starts[k+1]
			if end-1 > s && apaHeaderRe.MatchString(ps[end-1].text) {
				end--
			}
		}
		var header string
		if s > 0 && apaHeaderRe.MatchString(ps[s-1].text) {
			header = ps[s-1].text
		}
		a, sep := apaRecord(ps[s:end], styled)
		seps += sep
		intlDetail(&a, "Header", strings.ReplaceAll(header, "\t", " "))
		a.N = k + 1
		if a.Body == "" {
			a.Problem = "the record has no article text"
		}
		b.Articles = append(b.Articles, a)
	}
	if seps > 0 {
		b.LeftOut = append(b.LeftOut, "separator lines between the articles")
	}
	return b, nil
}

// apaRecord reads one article from its source line to its end; sep counts
// the separator lines it dropped.
func apaRecord(ps []apaPara, styled bool) (Article, int) {
	var a Article
	m := apaSourceRe.FindStringSubmatch(ps[0].text)
	a.Publication = m[1]
	if m[2] != "" {
		if apaIssueRe.MatchString(m[2]) {
			intlDetail(&a, "Issue", m[2])
		} else {
			a.Section = m[2]
		}
	}
	a.Date = intlDate(m[4])
	if m[3] == "gefunden am" {
		intlDetail(&a, "Found", strings.TrimSpace(m[4]+" "+m[5]))
	} else if m[5] != "" {
		intlDetail(&a, "Time", m[5])
	}
	a.Page = m[6]
	i := 1
	// Labelled lines and an unlabelled "section, edition" line.
	for i < len(ps) {
		p := ps[i]
		if lm := apaLabelRe.FindStringSubmatch(p.text); lm != nil {
			apaLabel(&a, lm[1], lm[2])
			i++
			continue
		}
		if styled && !p.bold && i+1 < len(ps) && ps[i+1].bold && len(p.text) <= 60 && !strings.ContainsAny(p.text, ".!?:") {
			parts := strings.SplitN(p.text, ",", 2)
			if a.Section == "" {
				a.Section = strings.TrimSpace(parts[0])
			} else {
				intlDetail(&a, "Header", strings.TrimSpace(parts[0]))
			}
			if len(parts) == 2 {
				intlDetail(&a, "Edition", strings.TrimSpace(parts[1]))
			}
			i++
		}
		break
	}
	// The headline: the bold paragraphs that follow, or the next one.
	var head []string
	for i < len(ps) && styled && ps[i].bold && !apaSepRe.MatchString(ps[i].text) {
		head = append(head, ps[i].text)
		i++
	}
	if len(head) == 0 && i < len(ps) && !apaSepRe.MatchString(ps[i].text) {
		head = append(head, ps[i].text)
		i++
	}
	a.Headline = intlSpace(strings.Join(head, " "))
	var body []string
	sep := 0
	stopped := false
	for ; i < len(ps); i++ {
		t := ps[i].text
		switch {
		case apaSepRe.MatchString(t):
			sep++
		case stopped:
			intlDetail(&a, "Note", t)
		case apaStopRe.MatchString(t):
			stopped = true
			intlDetail(&a, "Note", t)
		case apaLabelRe.MatchString(t) && !strings.HasPrefix(t, "Seite"):
			lm := apaLabelRe.FindStringSubmatch(t)
			apaLabel(&a, lm[1], lm[2])
		case len(a.Authors) == 0 && len(body) < 3 && apaByRe.MatchString(t) && !strings.ContainsAny(t, ".!?"):
			a.Authors = intlAuthors(t)
		default:
			body = append(body, t)
		}
	}
	a.Body = strings.Join(body, "\n\n")
	return a, sep
}

// apaLabel maps a labelled line onto the article.
func apaLabel(a *Article, key, v string) {
	v = strings.TrimSpace(v)
	switch key {
	case "Ressort", "Rubrik":
		if a.Section == "" {
			a.Section = v
		} else {
			intlDetail(a, key, v)
		}
	case "Dokumentnummer", "Dokument-Nr.":
		a.SourceID = v
	case "Autor", "Autorin", "Autoren":
		a.Authors = append(a.Authors, intlAuthors(v)...)
	case "Länge", "Umfang", "Wörter":
		if n, ok := intlWords(v); ok {
			a.Words = n
		} else if n, ok := intlWords(v + " Wörter"); ok {
			a.Words = n
		} else {
			intlDetail(a, key, v)
		}
	case "Seite":
		if a.Page == "" {
			a.Page = v
		}
	default:
		intlDetail(a, key, v)
	}
}
