package layout

import (
	"fmt"
	"math"
)

// Remeasure returns the body measured with m (another text size or font)
// and paragraphSpacing. It reuses l's text analysis — line-break
// opportunities and bidirectional levels, about half of New's work — so it
// costs only the measuring. l is unchanged; the two share read-only data.
func (l *Layout) Remeasure(m Measurer, paragraphSpacing float32) (*Layout, error) {
	d, err := l.derive(m, paragraphSpacing)
	if err != nil {
		return nil, err
	}
	d.measure()
	return d, nil
}

// Scale returns the body for a Measurer m whose widths are factor times
// those of l's Measurer (the same fonts at another size): the width of every
// whole word and space is l's multiplied by factor rather than measured, so
// it costs about as much as one Wrap. m gives the line height and measures
// only parts of words (carets, words split across lines). The widths differ
// from what m would measure only by m's rounding.
func (l *Layout) Scale(m Measurer, factor, paragraphSpacing float32) (*Layout, error) {
	if !(factor > 0) || math.IsInf(float64(factor), 0) {
		return nil, fmt.Errorf("layout: scale factor %v must be positive and finite", factor)
	}
	d, err := l.derive(m, paragraphSpacing)
	if err != nil {
		return nil, err
	}
	d.tAdv = make([]float32, len(l.tAdv))
	for t, a := range l.tAdv {
		d.tAdv[t] = a * factor
	}
	return d, nil
}

// derive returns an unmeasured Layout of l's body for m, sharing l's
// tokens, paragraphs and bidi analysis (none of which change after New).
func (l *Layout) derive(m Measurer, paragraphSpacing float32) (*Layout, error) {
	d, err := newMeasured(m, paragraphSpacing)
	if err != nil {
		return nil, err
	}
	d.text, d.n = l.text, l.n
	d.paras, d.tOff, d.tByte, d.tKind = l.paras, l.tOff, l.tByte, l.tKind
	d.segs, d.levels = l.segs, l.levels
	return d, nil
}
