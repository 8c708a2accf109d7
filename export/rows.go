package export

import (
	"time"

	"clipper/model"
)

// col is one column of an annotation table (the Annotations sheet, the CSV
// and the per-kind sheets share them).
type col int

const (
	colAnnotationID col = iota
	colClippingID
	colPublication
	colDate
	colHeadline
	colTag
	colKind
	colExact
	colContext
	colStart
	colEnd
	colParagraph
	colSpeaker
	colClaimant
	colStatus
	colValue
	colLow
	colHigh
	colComparator
	colUnit
	colNote
	colCoder
	colCreated
	colModified
)

// cellType says how a column's values are written.
type cellType int

const (
	cellText     cellType = iota // one-line text
	cellFreeText                 // text that may hold line breaks and tabs
	cellInt                      // integer; 0 in paragraph means unknown
	cellFloat                    // optional number
	cellDate                     // calendar date (clipping date)
	cellDateTime                 // timestamp, UTC
	cellContext                  // sentence with the span emphasised
)

// name is the column header: lower-case, unique, usable as an R or pandas name.
func (c col) name() string {
	switch c {
	case colAnnotationID:
		return "annotation_id"
	case colClippingID:
		return "clipping_id"
	case colPublication:
		return "publication"
	case colDate:
		return "date"
	case colHeadline:
		return "headline"
	case colTag:
		return "tag"
	case colKind:
		return "kind"
	case colExact:
		return "exact"
	case colContext:
		return "context"
	case colStart:
		return "start"
	case colEnd:
		return "end"
	case colParagraph:
		return "paragraph"
	case colSpeaker:
		return "speaker"
	case colClaimant:
		return "claimant"
	case colStatus:
		return "status"
	case colValue:
		return "value"
	case colLow:
		return "low"
	case colHigh:
		return "high"
	case colComparator:
		return "comparator"
	case colUnit:
		return "unit"
	case colNote:
		return "note"
	case colCoder:
		return "coder"
	case colCreated:
		return "created"
	case colModified:
		return "modified"
	}
	return "?"
}

// typ is how the column's cells are written.
func (c col) typ() cellType {
	switch c {
	case colExact, colNote:
		return cellFreeText
	case colContext:
		return cellContext
	case colStart, colEnd, colParagraph:
		return cellInt
	case colValue, colLow, colHigh:
		return cellFloat
	case colDate:
		return cellDate
	case colCreated, colModified:
		return cellDateTime
	}
	return cellText
}

// width is the column's width in the workbook, in characters.
func (c col) width() float64 {
	switch c {
	case colAnnotationID, colClippingID:
		return 14
	case colHeadline, colExact:
		return 40
	case colContext:
		return 80
	case colNote:
		return 30
	case colPublication, colSpeaker, colClaimant:
		return 18
	case colDate:
		return 11
	case colCreated, colModified:
		return 19
	case colStart, colEnd, colParagraph, colValue, colLow, colHigh:
		return 9
	}
	return 12
}

// annotationCols are the columns of the Annotations sheet and of the CSV.
func annotationCols() []col {
	return []col{colAnnotationID, colClippingID, colPublication, colDate, colHeadline, colTag, colKind,
		colExact, colContext, colStart, colEnd, colParagraph, colSpeaker, colClaimant, colStatus,
		colValue, colLow, colHigh, colComparator, colUnit, colNote, colCoder, colCreated, colModified}
}

// kindCols are the columns that matter for annotations of kind k.
func kindCols(k model.Kind) []col {
	head := []col{colAnnotationID, colClippingID, colPublication, colDate, colHeadline, colTag}
	tail := []col{colContext, colParagraph, colNote, colCoder}
	switch k {
	case model.KindQuote:
		return append(append(head, colSpeaker, colExact), tail...)
	case model.KindClaim:
		return append(append(head, colExact, colClaimant, colStatus), tail...)
	case model.KindFigure:
		return append(append(head, colExact, colComparator, colValue, colLow, colHigh, colUnit), tail...)
	}
	return append(append(head, colExact), tail...)
}

// row is one annotation ready to be written: every text cleaned of control
// characters, the context split around the span.
type row struct {
	annotationID, clippingID  string
	publication, headline     string
	date                      string // as stored: YYYY-MM-DD or ""
	dateT                     time.Time
	hasDate                   bool // date parsed
	tag                       *model.Tag
	tagIdx                    int // position of tag in Dataset.Tags
	tagName, kind             string
	exact                     string
	before, span, after       string // context; hasContext false when the span is outside the body
	hasContext                bool
	start, end, paragraph     int // paragraph 0: unknown
	speaker, claimant, status string
	comparator, unit          string
	value, low, high          *float64
	note, coder               string
	created, modified         time.Time // UTC; zero when unknown
}

// rowBuilder turns annotations into rows, indexing each clipping's body once.
type rowBuilder struct {
	ix   *index
	rep  *Report
	text textIndex
	clip int // clipping the text index and the fields below belong to
	// cleanBody: the body holds nothing cleanText changes, so neither
	// does any part of it.
	cleanBody bool
	pub       string
	headline  string
	date      string
	dateT     time.Time
	hasDate   bool
}

func newRowBuilder(ix *index, rep *Report) *rowBuilder {
	return &rowBuilder{ix: ix, rep: rep, clip: -1}
}

// build fills r for annotation a of clipping ci.
func (b *rowBuilder) build(ci int, c *model.Clipping, a *model.Annotation, r *row) {
	if ci != b.clip {
		b.clip = ci
		b.text.reset(c.Body)
		b.cleanBody = b.text.clean
		b.pub = cleanLine(c.Publication)
		b.headline = cleanLine(c.Headline)
		b.date = cleanLine(c.Date)
		b.dateT, b.hasDate = parseDate(c.Date)
		if c.Date != "" && !b.hasDate {
			b.rep.warn("clipping %s: date %q is not YYYY-MM-DD; written as text", c.ID, c.Date)
		}
	}
	ti := b.ix.tagPos[a.TagID]
	t := &b.ix.d.Tags[ti]
	*r = row{
		tagIdx:       ti,
		annotationID: cleanLine(a.ID),
		clippingID:   cleanLine(c.ID),
		publication:  b.pub,
		headline:     b.headline,
		date:         b.date,
		dateT:        b.dateT,
		hasDate:      b.hasDate,
		tag:          t,
		tagName:      cleanLine(t.Name),
		kind:         cleanLine(string(t.Kind)),
		start:        a.Start,
		end:          a.End,
		speaker:      cleanLine(a.Speaker),
		claimant:     cleanLine(a.Claimant),
		status:       cleanLine(string(a.Status)),
		comparator:   cleanLine(a.Comparator),
		unit:         cleanLine(a.Unit),
		value:        a.Value,
		low:          a.Low,
		high:         a.High,
		note:         cleanText(a.Note),
		coder:        cleanLine(b.ix.coder(a.CoderID)),
		created:      a.CreatedAt.UTC(),
		modified:     a.UpdatedAt.UTC(),
	}
	if !b.text.inRange(a.Start, a.End) {
		r.exact = cleanText(a.Exact)
		b.rep.warn("annotation %s: span %d–%d lies outside clipping %s (%d code points); context and paragraph left empty",
			a.ID, a.Start, a.End, c.ID, b.text.runes)
		return
	}
	before, span, after := b.text.context(a.Start, a.End)
	if b.cleanBody {
		r.before, r.span, r.after = before, span, after
	} else {
		r.before, r.span, r.after = cleanText(before), cleanText(span), cleanText(after)
	}
	r.hasContext = true
	r.paragraph = b.text.paragraph(a.Start)
	r.exact = r.span
	if a.Exact != "" && a.Exact != span {
		r.exact = cleanText(a.Exact)
		b.rep.warn("annotation %s: stored text %q differs from the body at %d–%d; the body's text is shown in context",
			a.ID, shorten(a.Exact, 40), a.Start, a.End)
	}
}

// contextText is the context as one plain string.
func (r *row) contextText() string {
	if !r.hasContext {
		return ""
	}
	return r.before + r.span + r.after
}

// parseDate reads a YYYY-MM-DD clipping date.
func parseDate(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// shorten cuts s to at most n code points for a warning message.
func shorten(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}
