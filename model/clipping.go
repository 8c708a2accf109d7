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
	Section     string    `json:"section"`   // the paper's section or desk ("Business", "Inland")
	Language    string    `json:"language"`  // ISO 639-1 code ("en", "fr") or ""
	Page        string    `json:"page"`      // page or pages in the printed edition ("A1", "12-13")
	Words       int       `json:"words"`     // length the source states, in words; 0 if none
	SourceID    string    `json:"source_id"` // the archive's document id (Factiva AN, ProQuest id…)
	Details     []Field   `json:"details"`   // what else the source said about the article
}

// Field is one labelled detail a source gives about an article that has no
// column of its own: an archive's load date, copyright line, subject codes.
type Field struct {
	Key   string `json:"key"`
	Value string `json:"value"`
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
