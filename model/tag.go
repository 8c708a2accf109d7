package model

import "time"

// Kind says what a tag means to Clipper: the three built-in kinds carry
// typed attributes, custom tags carry only a note.
type Kind string

const (
	KindClaim  Kind = "claim"
	KindQuote  Kind = "quote"
	KindFigure Kind = "figure"
	KindCustom Kind = "custom"
)

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	switch k {
	case KindClaim, KindQuote, KindFigure, KindCustom:
		return true
	}
	return false
}

// Tag is a code the researcher applies to spans.
type Tag struct {
	ID          string
	Name        string
	Kind        Kind
	Color       string // "#RRGGBB"
	Description string
	Shortcut    string // one key, e.g. "1"; "" for none
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// DefaultTags are the tags every new project starts with.
func DefaultTags() []Tag {
	return []Tag{
		{Name: "claim", Kind: KindClaim, Color: "#E8A33D", Shortcut: "1",
			Description: "A checkable statement of fact, with its claimant and verification status."},
		{Name: "quote", Kind: KindQuote, Color: "#4A90D9", Shortcut: "2",
			Description: "Direct speech, with its speaker."},
		{Name: "figure", Kind: KindFigure, Color: "#3FA66B", Shortcut: "3",
			Description: "A number with its value, unit and comparator."},
	}
}
