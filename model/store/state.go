package store

import (
	"database/sql"
	"errors"
	"fmt"
	"reflect"

	"clipper/model"
)

// annState is an annotation row as the operation log records it (JSON
// with empty fields left out, to keep the log small).
type annState struct {
	rid        int64
	ID         string   `json:"id"`
	ClippingID string   `json:"clipping_id,omitempty"`
	TagID      string   `json:"tag_id,omitempty"`
	CoderID    string   `json:"coder_id,omitempty"`
	Start      int      `json:"start,omitempty"`
	End        int      `json:"end,omitempty"`
	Exact      string   `json:"exact,omitempty"`
	Prefix     string   `json:"prefix,omitempty"`
	Suffix     string   `json:"suffix,omitempty"`
	BodyHash   string   `json:"body_hash,omitempty"`
	Speaker    string   `json:"speaker,omitempty"`
	Claimant   string   `json:"claimant,omitempty"`
	Status     string   `json:"status,omitempty"`
	Value      *float64 `json:"value,omitempty"`
	Low        *float64 `json:"low,omitempty"`
	High       *float64 `json:"high,omitempty"`
	Unit       string   `json:"unit,omitempty"`
	Comparator string   `json:"comparator,omitempty"`
	Note       string   `json:"note,omitempty"`
	Origin     string   `json:"origin,omitempty"`
	// AnchorStatus is "" for an annotation anchored where it was made, or
	// how a merge re-anchored it onto a changed text: "remapped", "fuzzy"
	// or "orphan"; AnchorQuote is then the text it was made on.
	AnchorStatus string  `json:"anchor_status,omitempty"`
	AnchorQuote  string  `json:"anchor_quote,omitempty"`
	CreatedAt    string  `json:"created_at,omitempty"`
	UpdatedAt    string  `json:"updated_at,omitempty"`
	DeletedAt    *string `json:"deleted_at,omitempty"`
}

// annCols are the columns scanAnn reads, in order.
const annCols = `rid, id, clipping_id, tag_id, coder_id, start, "end", exact, prefix, suffix, body_hash,
	speaker, claimant, status, value, low, high, unit, comparator, note, origin, anchor_status, anchor_quote,
	created_at, updated_at, deleted_at`

func scanAnn(sc scanner) (annState, error) {
	var a annState
	var v, lo, hi sql.NullFloat64
	var del sql.NullString
	err := sc.Scan(&a.rid, &a.ID, &a.ClippingID, &a.TagID, &a.CoderID, &a.Start, &a.End, &a.Exact, &a.Prefix,
		&a.Suffix, &a.BodyHash, &a.Speaker, &a.Claimant, &a.Status, &v, &lo, &hi, &a.Unit, &a.Comparator,
		&a.Note, &a.Origin, &a.AnchorStatus, &a.AnchorQuote, &a.CreatedAt, &a.UpdatedAt, &del)
	a.Value, a.Low, a.High = nullFloat(v), nullFloat(lo), nullFloat(hi)
	if del.Valid {
		a.DeletedAt = &del.String
	}
	return a, err
}

func nullFloat(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	return &n.Float64
}

// loadAnn reads annotation id (tombstoned or not); ErrNotFound if none.
func loadAnn(tx *wtx, id string) (annState, error) {
	a, err := scanAnn(tx.queryRow(`SELECT `+annCols+` FROM annotations WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("annotation %q: %w", id, ErrNotFound)
	}
	return a, err
}

// model converts the stored state to the domain type.
func (a annState) model() (model.Annotation, error) {
	m := model.Annotation{
		ID: a.ID, ClippingID: a.ClippingID, TagID: a.TagID, CoderID: a.CoderID, Start: a.Start, End: a.End,
		Exact: a.Exact, Prefix: a.Prefix, Suffix: a.Suffix, BodyHash: a.BodyHash, Origin: a.Origin,
		Attributes: model.Attributes{Speaker: a.Speaker, Claimant: a.Claimant, Status: model.Status(a.Status),
			Value: a.Value, Low: a.Low, High: a.High, Unit: a.Unit, Comparator: a.Comparator, Note: a.Note},
	}
	var err error
	if m.CreatedAt, err = parseTime(a.CreatedAt); err != nil {
		return m, err
	}
	if m.UpdatedAt, err = parseTime(a.UpdatedAt); err != nil {
		return m, err
	}
	if a.DeletedAt != nil {
		t, err := parseTime(*a.DeletedAt)
		if err != nil {
			return m, err
		}
		m.DeletedAt = &t
	}
	return m, nil
}

// setAttributes copies the researcher's attributes into the state.
func (a *annState) setAttributes(at model.Attributes) {
	a.Speaker, a.Claimant, a.Status = at.Speaker, at.Claimant, string(at.Status)
	a.Value, a.Low, a.High = at.Value, at.Low, at.High
	a.Unit, a.Comparator, a.Note = at.Unit, at.Comparator, at.Note
}

// stmtExec runs a statement given by its text, prepared once: a *wtx, or
// the per-transaction statements of a merge.
type stmtExec interface {
	exec(q string, args ...any) (sql.Result, error)
}

// insertAnn inserts a new annotation and indexes its note.
func insertAnn(tx stmtExec, a *annState) error {
	res, err := tx.exec(`INSERT INTO annotations (id, clipping_id, tag_id, coder_id, start, "end", exact, prefix,
		suffix, body_hash, speaker, claimant, status, value, low, high, unit, comparator, note, origin,
		anchor_status, anchor_quote, created_at, updated_at, deleted_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.ClippingID, a.TagID, a.CoderID, a.Start, a.End, a.Exact, a.Prefix, a.Suffix, a.BodyHash,
		a.Speaker, a.Claimant, a.Status, a.Value, a.Low, a.High, a.Unit, a.Comparator, a.Note, a.Origin,
		a.AnchorStatus, a.AnchorQuote, a.CreatedAt, a.UpdatedAt, a.DeletedAt)
	if err != nil {
		return fmt.Errorf("insert annotation: %w", err)
	}
	if a.rid, err = res.LastInsertId(); err != nil {
		return err
	}
	return indexNote(tx, a.rid, a.Note)
}

// updateAnn writes state next over the stored row prev (same id) and keeps
// the note index in step.
func updateAnn(tx stmtExec, prev, next annState) error {
	reindex := prev.Note != next.Note
	if reindex && prev.Note != "" {
		// note_fts indexes external content: it reads the terms to remove
		// from the annotation row, so unindex before the row changes.
		if _, err := tx.exec(`DELETE FROM note_fts WHERE docid = ?`, prev.rid); err != nil {
			return fmt.Errorf("unindex note: %w", err)
		}
	}
	_, err := tx.exec(`UPDATE annotations SET tag_id = ?, start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?,
		body_hash = ?, speaker = ?, claimant = ?, status = ?, value = ?, low = ?, high = ?, unit = ?, comparator = ?,
		note = ?, origin = ?, anchor_status = ?, anchor_quote = ?, updated_at = ?, deleted_at = ? WHERE rid = ?`,
		next.TagID, next.Start, next.End, next.Exact, next.Prefix, next.Suffix, next.BodyHash, next.Speaker,
		next.Claimant, next.Status, next.Value, next.Low, next.High, next.Unit, next.Comparator, next.Note,
		next.Origin, next.AnchorStatus, next.AnchorQuote, next.UpdatedAt, next.DeletedAt, prev.rid)
	if err != nil {
		return fmt.Errorf("update annotation %s: %w", prev.ID, err)
	}
	if reindex {
		return indexNote(tx, prev.rid, next.Note)
	}
	return nil
}

// indexNote adds a non-empty note to note_fts. Only annotations with a
// note are indexed; tombstoned ones stay indexed and searches skip them.
func indexNote(tx stmtExec, rid int64, note string) error {
	if note == "" {
		return nil
	}
	if _, err := tx.exec(`INSERT INTO note_fts (docid, note) VALUES (?, ?)`, rid, note); err != nil {
		return fmt.Errorf("index note: %w", err)
	}
	return nil
}

// tagState is a tag row as the operation log records it.
type tagState struct {
	ID          string  `json:"id"`
	Name        string  `json:"name,omitempty"`
	Kind        string  `json:"kind,omitempty"`
	Color       string  `json:"color,omitempty"`
	Description string  `json:"description,omitempty"`
	Shortcut    string  `json:"shortcut,omitempty"`
	Builtin     bool    `json:"builtin,omitempty"`
	CreatedAt   string  `json:"created_at,omitempty"`
	UpdatedAt   string  `json:"updated_at,omitempty"`
	DeletedAt   *string `json:"deleted_at,omitempty"`
}

const tagCols = `id, name, kind, color, description, shortcut, builtin, created_at, updated_at, deleted_at`

func scanTag(sc scanner) (tagState, error) {
	var t tagState
	var del sql.NullString
	err := sc.Scan(&t.ID, &t.Name, &t.Kind, &t.Color, &t.Description, &t.Shortcut, &t.Builtin, &t.CreatedAt,
		&t.UpdatedAt, &del)
	if del.Valid {
		t.DeletedAt = &del.String
	}
	return t, err
}

func (t tagState) model() (model.Tag, error) {
	m := model.Tag{ID: t.ID, Name: t.Name, Kind: model.Kind(t.Kind), Color: t.Color,
		Description: t.Description, Shortcut: t.Shortcut}
	var err error
	if m.CreatedAt, err = parseTime(t.CreatedAt); err != nil {
		return m, err
	}
	m.UpdatedAt, err = parseTime(t.UpdatedAt)
	return m, err
}

// sameContent reports whether two states of one entity agree on
// everything but updated_at and the time of a tombstone (whether each is
// deleted still counts).
func sameContent[T annState | tagState](a, b T) bool {
	return reflect.DeepEqual(normalise(a), normalise(b))
}

func normalise[T annState | tagState](v T) any {
	deleted := "deleted"
	switch x := any(&v).(type) {
	case *annState:
		x.rid, x.UpdatedAt = 0, ""
		if x.DeletedAt != nil {
			x.DeletedAt = &deleted
		}
	case *tagState:
		x.UpdatedAt = ""
		if x.DeletedAt != nil {
			x.DeletedAt = &deleted
		}
	}
	return v
}
