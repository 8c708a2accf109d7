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
//
// The rules read the body's language (Options.Language, else detected with
// model/lang) from per-language tables (lexicon_*.go: quote verbs, number
// words, separators, scales, units, comparators, and for German, a
// verb-second language, the adverbs and prepositions that may stand before
// the verb in place of its subject) for English, French,
// German, Spanish, Italian and Portuguese; digits that are not quantities
// are told apart by small named recognisers (recognisers.go). Speakers are
// the full name as first introduced, titles kept in Role; byline, credit,
// caption and link lines never give one. Claims carry a calibrated
// confidence; ByConfidence orders a review list.
package suggest
