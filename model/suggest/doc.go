// Package suggest finds, offline and by rule, the spans of a clipping's
// normalised body that a researcher is likely to tag: direct quotations
// with their speakers, figures with value, comparator and unit, and
// check-worthy claims. Offsets are Unicode code points into the body,
// end-exclusive; paragraphs are separated by blank lines.
//
// A quote span runs from its opening mark to its closing mark, both
// included; a quote continued over several paragraphs is one span. A figure
// span includes its comparator words, scale, unit or currency and the noun
// it counts ("about 100,000 troops"). A claim span is one sentence.
// Vague quantities carry a lower bound: "tens of thousands" is 10000 with
// comparator ">", "hundreds" 100, "thousands" 1000, "dozens" 12.
// Years and dates are recognised so that they are not taken for figures;
// they are suggested as kind "date" only when asked for.
package suggest
