package archive

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Factiva XML: the PPS response Factiva's API and XML export give, one
// ppsarticle/article element per story with named fields (accessionNo,
// headline, byline, leadParagraph, tailParagraphs, publicationDate,
// sourceName, wordCount…); ppsarticleResultSet's count attribute
// announces the number of articles.

func factivaXMLFormat() format {
	return format{name: "Factiva XML", detect: factivaXMLDetect, split: splitFactivaXML}
}

func factivaXMLDetect(doc *Doc) bool {
	if doc.Kind != XML && doc.Kind != Text && doc.Kind != HTML {
		return false
	}
	head := doc.Text[:min(len(doc.Text), 64<<10)]
	return strings.Contains(head, "<PPSResponse") || strings.Contains(head, "ppsArticleResponse") || strings.Contains(head, "<ppsarticle") ||
		strings.Contains(head, "<accessionNo>") && strings.Contains(head, "<tailParagraphs")
}

// fxText is the text of an element and its descendants (Factiva marks
// search hits with <hlt> inside paragraphs).
type fxText string

func (t *fxText) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var b strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			b.Write(tok)
		}
	}
	*t = fxText(b.String())
	return nil
}

type fxParas struct {
	Paras []fxText `xml:"paragraph"`
}

func (p fxParas) list() []string {
	var out []string
	for _, t := range p.Paras {
		if s := intlSpace(string(t)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

type fxCoded struct {
	Code string `xml:"code,attr"`
	Name string `xml:"name"`
}

type fxArticle struct {
	AccessionNo     string    `xml:"accessionNo"`
	BaseLanguage    string    `xml:"baseLanguage"`
	Copyright       fxText    `xml:"copyright"`
	Headline        fxParas   `xml:"headline"`
	Byline          fxParas   `xml:"byline"`
	Credit          fxParas   `xml:"credit"`
	LeadParagraph   fxParas   `xml:"leadParagraph"`
	TailParagraphs  fxParas   `xml:"tailParagraphs"`
	Pages           []string  `xml:"pages>page"`
	PublicationDate string    `xml:"publicationDate>dateTime"`
	PublisherName   fxText    `xml:"publisherName"`
	SourceName      fxText    `xml:"sourceName"`
	SourceCode      string    `xml:"sourceCode"`
	SectionName     fxText    `xml:"sectionName"`
	ColumnName      fxText    `xml:"columnName"`
	Edition         fxText    `xml:"edition"`
	Notes           fxText    `xml:"notes"`
	WordCount       string    `xml:"wordCount"`
	Regions         []fxCoded `xml:"region"`
	Subjects        []fxCoded `xml:"newsSubject"`
	Companies       []fxCoded `xml:"company"`
	Industries      []fxCoded `xml:"industry"`
}

func splitFactivaXML(ctx context.Context, doc *Doc) (*Batch, error) {
	dec := xml.NewDecoder(strings.NewReader(doc.Text))
	dec.Strict = false
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // the text is decoded already
	b := &Batch{}
	announced, sets := 0, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if len(b.Articles) == 0 {
				return nil, fmt.Errorf("%w: the XML cannot be read: %v", ErrUnsplittable, err)
			}
			b.Warnings = append(b.Warnings, fmt.Sprintf("the XML is broken after article %d: %v", len(b.Articles), err))
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "ppsarticleResultSet":
			sets++
			for _, at := range se.Attr {
				if at.Name.Local == "count" {
					if n, err := strconv.Atoi(at.Value); err == nil {
						announced += n
					}
				}
			}
		case "article":
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			var fa fxArticle
			if err := dec.DecodeElement(&fa, &se); err != nil {
				return nil, fmt.Errorf("%w: article %d cannot be read: %v", ErrUnsplittable, len(b.Articles)+1, err)
			}
			a := fa.article()
			a.N = len(b.Articles) + 1
			b.Articles = append(b.Articles, a)
		}
	}
	if len(b.Articles) == 0 {
		return nil, fmt.Errorf("%w: no ppsarticle/article records in the Factiva XML", ErrUnsplittable)
	}
	if sets > 0 {
		b.Announced = announced
	}
	b.LeftOut = append(b.LeftOut, "index codes (subjects, regions, companies, industries) kept in details")
	return b, nil
}

// article maps the XML fields onto an Article.
func (fa *fxArticle) article() Article {
	var a Article
	a.Headline = strings.Join(fa.Headline.list(), " ")
	for _, by := range fa.Byline.list() {
		a.Authors = append(a.Authors, intlAuthors(by)...)
	}
	a.Credit = strings.Join(fa.Credit.list(), " ")
	a.Date = intlDate(fa.PublicationDate)
	a.Publication = intlSpace(string(fa.SourceName))
	a.Section = intlSpace(string(fa.SectionName))
	a.Language = intlLanguage(fa.BaseLanguage)
	a.SourceID = strings.TrimSpace(fa.AccessionNo)
	a.Words, _ = strconv.Atoi(strings.TrimSpace(fa.WordCount))
	var pages []string
	for _, p := range fa.Pages {
		if p = strings.TrimSpace(p); p != "" {
			pages = append(pages, p)
		}
	}
	a.Page = strings.Join(pages, ", ")
	paras := append(fa.LeadParagraph.list(), fa.TailParagraphs.list()...)
	a.Body = strings.Join(paras, "\n\n")
	if a.Body == "" {
		a.Problem = "the record has no article text"
	}
	intlDetail(&a, "Column", intlSpace(string(fa.ColumnName)))
	intlDetail(&a, "Edition", intlSpace(string(fa.Edition)))
	intlDetail(&a, "Source code", fa.SourceCode)
	intlDetail(&a, "Publisher", intlSpace(string(fa.PublisherName)))
	intlDetail(&a, "Copyright", intlSpace(string(fa.Copyright)))
	intlDetail(&a, "Note", intlSpace(string(fa.Notes)))
	for _, g := range []struct {
		key   string
		codes []fxCoded
	}{{"Subjects", fa.Subjects}, {"Regions", fa.Regions}, {"Companies", fa.Companies}, {"Industries", fa.Industries}} {
		var names []string
		for _, c := range g.codes {
			names = append(names, intlSpace(c.Name))
		}
		intlDetail(&a, g.key, strings.Join(names, " | "))
	}
	return a
}
