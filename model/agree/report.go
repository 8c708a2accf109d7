package agree

// AllTags is the Tag of the rows that summarise every compared tag at once.
const AllTags = "*"

// Span is one coder's annotation: [Start, End) in code points of a clipping's
// body, tagged Tag.
type Span struct {
	Clipping string `json:"clipping"`
	Coder    string `json:"coder"`
	Tag      string `json:"tag"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// Doc is a compared clipping: its id and its body length in code points.
type Doc struct {
	ID     string `json:"id"`
	Length int    `json:"length"`
}

// Table counts characters (code points) by whether coder A and coder B
// coded them.
type Table struct {
	Both    int `json:"both"`
	OnlyA   int `json:"only_a"`
	OnlyB   int `json:"only_b"`
	Neither int `json:"neither"`
}

// Match is the span-level agreement of coder B against coder A under one
// matching rule.
type Match struct {
	Matched   int      `json:"matched"`
	Precision *float64 `json:"precision,omitempty"`
	Recall    *float64 `json:"recall,omitempty"`
	F1        *float64 `json:"f1,omitempty"`
}

// ClippingStats is NVivo's per-source row: one clipping, one tag, two coders.
type ClippingStats struct {
	Clipping         string   `json:"clipping"`
	Characters       Table    `json:"characters"`
	PercentAgreement *float64 `json:"percent_agreement,omitempty"`
	Kappa            *float64 `json:"kappa,omitempty"`
}

// PairStats is the agreement of two coders on one tag (or on AllTags) over
// all compared clippings. Precision and recall score B against A.
type PairStats struct {
	CoderA           string   `json:"coder_a"`
	CoderB           string   `json:"coder_b"`
	Tag              string   `json:"tag"`
	Characters       Table    `json:"characters"`
	PercentAgreement *float64 `json:"percent_agreement,omitempty"` // 0–100
	Kappa            *float64 `json:"kappa,omitempty"`
	Alpha            *float64 `json:"alpha_u,omitempty"`
	SpansA           int      `json:"spans_a"` // units after merging overlaps
	SpansB           int      `json:"spans_b"`
	Exact            Match    `json:"exact"`   // same start and end
	Overlap          Match    `json:"overlap"` // share ≥ half of the longer unit
	// Clippings lists the per-clipping rows of a single tag, only for
	// clippings where A or B coded it: every other clipping is in complete
	// agreement (100%, kappa 1). Empty for AllTags.
	Clippings []ClippingStats `json:"clippings,omitempty"`
}

// TagStats is Krippendorff's αU for one tag (or AllTags) across all compared
// coders at once, with its observed and expected disagreement.
type TagStats struct {
	Tag                  string   `json:"tag"`
	Units                int      `json:"units"`
	Alpha                *float64 `json:"alpha_u,omitempty"`
	ObservedDisagreement float64  `json:"observed_disagreement"`
	ExpectedDisagreement float64  `json:"expected_disagreement"`
}

// Matrix holds pairwise figures for one tag (or AllTags) when more than two
// coders are compared: cell [i][j] is coders i and j (i as A), the diagonal
// is null. All four figures are symmetric.
type Matrix struct {
	Tag              string       `json:"tag"`
	Coders           []string     `json:"coders"`
	PercentAgreement [][]*float64 `json:"percent_agreement"`
	Kappa            [][]*float64 `json:"kappa"`
	Alpha            [][]*float64 `json:"alpha_u"`
	F1               [][]*float64 `json:"f1_overlap"`
}

// Report is the result of Compare.
type Report struct {
	Coders     []string `json:"coders"`
	Tags       []string `json:"tags"`
	Clippings  int      `json:"clippings"`
	Characters int      `json:"characters"`
	// Spans counts the compared spans; Skipped those outside the selection
	// (another clipping, coder or tag).
	Spans   int `json:"spans"`
	Skipped int `json:"skipped"`
	// Pairs has, for every pair of coders in the order given, one row per
	// tag followed by an AllTags row.
	Pairs []PairStats `json:"pairs"`
	// Overall has αU across all coders, per tag then AllTags.
	Overall  []TagStats `json:"overall"`
	Matrices []Matrix   `json:"matrices,omitempty"`
	// Notes explain empty or undefined results in plain words.
	Notes []string `json:"notes,omitempty"`
}
