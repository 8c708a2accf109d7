package model

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Caption is a photo caption kept apart from the article body.
type Caption struct {
	Credit string `json:"credit"`
	Text   string `json:"text"`
}

// Metadata is what an importer reads from a clipping's layout. Every field
// may be empty and is editable by the researcher.
type Metadata struct {
	Publication string    `json:"publication"`
	Headline    string    `json:"headline"`
	Deck        string    `json:"deck"`
	Authors     []string  `json:"authors"`
	Credit      string    `json:"credit"`
	Dateline    string    `json:"dateline"`
	Date        string    `json:"date"` // YYYY-MM-DD or ""
	URL         string    `json:"url"`
	Captions    []Caption `json:"captions"`
}

// Clipping is one imported news text. Body is the normalised text that
// annotation offsets (Unicode code points, end-exclusive) index into.
type Clipping struct {
	ID string
	Metadata
	Body       string
	BodyHash   string // hex SHA-256 of Body
	Original   []byte // the bytes as imported, for provenance
	SourceName string // file name it came from ("" when pasted)
	ImportedAt time.Time
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// HashBody returns the hex SHA-256 of a normalised body: the identity of a
// clipping's text for duplicate detection and merging.
func HashBody(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

// ValidDate reports whether s is a calendar date written YYYY-MM-DD.
func ValidDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}
