package model

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// Status is the verification verdict of a claim.
type Status string

const (
	StatusUnverified  Status = "unverified"
	StatusTrue        Status = "true"
	StatusFalse       Status = "false"
	StatusMisleading  Status = "misleading"
	StatusUnsupported Status = "unsupported"
)

// Statuses lists the claim statuses in display order.
var Statuses = []Status{StatusUnverified, StatusTrue, StatusFalse, StatusMisleading, StatusUnsupported}

// Valid reports whether s is empty or a known status.
func (s Status) Valid() bool {
	if s == "" {
		return true
	}
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// Comparators a figure may carry: exact (""), approximately, more than,
// less than, at least, at most, and a low–high range.
var Comparators = []string{"", "~", ">", "<", ">=", "<=", "range"}

// ValidComparator reports whether c is one of Comparators.
func ValidComparator(c string) bool {
	for _, v := range Comparators {
		if c == v {
			return true
		}
	}
	return false
}

// Attributes are what a researcher records about an annotated span. Which
// fields matter depends on the tag's kind; all are optional.
type Attributes struct {
	Speaker    string   `json:"speaker,omitempty"`    // quotes
	Claimant   string   `json:"claimant,omitempty"`   // claims
	Status     Status   `json:"status,omitempty"`     // claims
	Value      *float64 `json:"value,omitempty"`      // figures
	Low        *float64 `json:"low,omitempty"`        // figures given as a range
	High       *float64 `json:"high,omitempty"`       // figures given as a range
	Unit       string   `json:"unit,omitempty"`       // figures
	Comparator string   `json:"comparator,omitempty"` // figures
	Note       string   `json:"note,omitempty"`
}

// Validate checks the enumerated fields.
func (a Attributes) Validate() error {
	if !a.Status.Valid() {
		return fmt.Errorf("unknown claim status %q (want one of %v)", a.Status, Statuses)
	}
	if !ValidComparator(a.Comparator) {
		return fmt.Errorf("unknown comparator %q (want one of %q)", a.Comparator, Comparators)
	}
	return nil
}

// OriginSuggestion marks an annotation that was accepted from a suggestion;
// hand-made annotations have an empty Origin.
const OriginSuggestion = "suggestion"

// AnchorContext is how many code points of prefix and suffix an annotation
// keeps around its exact text, so it can be re-anchored if the body changes.
const AnchorContext = 32

// Annotation ties the span [Start, End) of a clipping's body, counted in
// Unicode code points, to a tag. Exact, Prefix, Suffix and BodyHash anchor
// it to the text it was made on.
type Annotation struct {
	ID         string
	ClippingID string
	TagID      string
	CoderID    string
	Start, End int
	Exact      string
	Prefix     string
	Suffix     string
	BodyHash   string
	Attributes
	Origin    string // "" for hand-made, "suggestion" for an accepted suggestion
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time // tombstone: set when deleted
}

// Anchor fills Exact, Prefix, Suffix and BodyHash of a span of body and
// checks that the span lies inside it.
func Anchor(body string, start, end int) (exact, prefix, suffix string, err error) {
	if start >= 0 && start < end && utf8.ValidString(body) {
		// Slice the body at byte offsets found in one pass that stops at
		// the end of the suffix: no copy of the whole body as runes.
		p, s := max(0, start-AnchorContext), end+AnchorContext
		var at [4]int // byte offsets of code points p, start, end, s
		k, n := 0, 0  // code points seen; offsets found
		marks := [4]int{p, start, end, s}
		for i := range body {
			for n < 4 && marks[n] == k {
				at[n] = i
				n++
			}
			if n == 4 {
				break
			}
			k++
		}
		for n < 4 && marks[n] == k { // positions at the very end of the body
			at[n] = len(body)
			n++
		}
		if n >= 3 {
			if n == 3 {
				at[3] = len(body)
			}
			return body[at[1]:at[2]], body[at[0]:at[1]], body[at[2]:at[3]], nil
		}
	}
	runes := []rune(body)
	if start < 0 || end > len(runes) || start >= end {
		return "", "", "", fmt.Errorf("span %d–%d is outside the body (0–%d) or empty", start, end, len(runes))
	}
	p := max(0, start-AnchorContext)
	s := min(len(runes), end+AnchorContext)
	return string(runes[start:end]), string(runes[p:start]), string(runes[end:s]), nil
}
