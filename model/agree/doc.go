// Package agree measures how far coders agree on where a tag applies in a set
// of clippings: percent agreement and Cohen's kappa per character (as NVivo
// computes them), Krippendorff's unitizing alpha, and span-level precision,
// recall and F1. It works on offsets only and never touches the project file.
//
// # Units
//
// Offsets are Unicode code points, end-exclusive, as in model.Annotation. A
// coder's spans with one tag on one clipping are first merged where they
// overlap (share a code point); spans that only touch stay separate units. The
// set of code points they cover is the coder's coding of that tag.
//
// # Percent agreement and kappa (NVivo's coding comparison)
//
// For coders A and B and one tag, every code point of every compared clipping
// is a unit that each coder either coded or not. With N units, TA units on
// which A and B agree (both coded, or neither did), a units coded by A and b by
// B:
//
//	percent agreement = 100 · TA / N
//	ΣEF               = (a·b + (N−a)·(N−b)) / N   (agreement expected by chance)
//	kappa             = (TA − ΣEF) / (N − ΣEF)
//
// When N = ΣEF — both coders coded everything, or both coded nothing — the
// coders agree completely and kappa is 1, as NVivo reports it. If exactly one
// coder coded nothing, kappa is 0. Source: NVivo help, "Run a Coding
// Comparison query: how are the percentage agreement and the Kappa
// coefficient calculated?" (QSR International, NVivo 10–12). NVivo reports one
// row per node and source; Report gives those rows per clipping (PairStats.
// Clippings) and pools all characters of all clippings into one table for the
// headline figures. The "all tags" summary pools (character, tag) units, so a
// tag nobody applied adds only agreeing units and raises it: read the
// per-tag rows first.
//
// # Krippendorff's unitizing alpha (αU)
//
// Krippendorff, "On the reliability of unitizing contiguous data",
// Sociological Methodology 25 (1995) 47–76, and Content Analysis, 2nd ed.
// (2004) §12.4. The continuum is the compared clippings laid end to end
// (length L); m coders each divide it into units (coded sections) and gaps;
// a clipping boundary always ends a gap. For sections g of coder i and h of
// coder j, with begin b, length l and end e = b+l, the squared distance is
//
//	δ² = (b_g − b_h)² + (e_g − e_h)²   both units and they overlap
//	δ² = l_g²                          unit g lies inside gap h
//	δ² = l_h²                          unit h lies inside gap g
//	δ² = 0                             otherwise
//
// and, with N the number of units of all coders,
//
//	Do = Σ_i Σ_{j≠i} Σ_g Σ_h δ²  /  (m (m−1) L²)
//	De = (2/L) · Σ_units [ (N−1)(2l³ − 3l² + l)/3 + l² Σ_{gaps k ≥ l} (k − l + 1) ]
//	     / ( mL (mL − 1) − Σ_units l (l − 1) )
//	αU = 1 − Do/De
//
// (The tests reproduce the worked example of the book, p. 254, with the
// figures DKPro Statistics' tests give for it: Do = 0.0144, De = 0.0532,
// αU = 0.7286 for category c; the arithmetic is written out in
// alpha_test.go.) Over several tags,
// αU = 1 − ΣDo/ΣDe. αU is undefined — and omitted — when De = 0, e.g. when no
// coder coded anything. Krippendorff et al. (Quality & Quantity 50, 2016)
// later revised the coefficient because this definition misbehaves with more
// than two coders; the multi-coder figures (Report.Overall) follow the 1995/
// 2004 definition and should be read with that in mind.
//
// # Span-level precision, recall and F1
//
// Coder A is the reference and B is scored against it. A unit of B matches a
// unit of A with the same tag in the same clipping either exactly (same start
// and end) or by overlap: they share at least half of the longer unit's
// length. Matches are one-to-one (each unit is matched at most once, left to
// right). With M matches, precision = M/|B|, recall = M/|A| and
// F1 = 2M/(|A|+|B|); a ratio with a zero denominator is omitted.
//
// # Undefined values
//
// Every ratio is a *float64 that is nil, and omitted from JSON, when it is
// undefined; NaN and infinities never appear in a Report. Compare refuses a
// comparison with fewer than two coders (ErrTooFewCoders).
package agree
