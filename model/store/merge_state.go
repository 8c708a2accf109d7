package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// stateHash is a 64-bit digest of what a merge compares of an annotation:
// its tag, clipping, coder, span, anchor, attributes, origin and creation
// time — not the local row id, updated_at or the review flags a merge sets
// (anchor_status, anchor_quote). Every tombstone of an annotation has the
// same digest whatever its content, so a shared copy may scrub the content
// of deleted annotations and a deletion on either side still merges.
func stateHash(a annState) int64 {
	b := make([]byte, 0, 512)
	b = putStr(b, a.ID)
	if a.DeletedAt != nil {
		b = putStr(b, "deleted")
		return digest(b)
	}
	for _, s := range []string{a.ClippingID, a.TagID, a.CoderID, a.Exact, a.Prefix, a.Suffix, a.BodyHash,
		a.Speaker, a.Claimant, a.Status, a.Unit, a.Comparator, a.Note, a.Origin, a.CreatedAt} {
		b = putStr(b, s)
	}
	b = binary.BigEndian.AppendUint64(b, uint64(a.Start))
	b = binary.BigEndian.AppendUint64(b, uint64(a.End))
	for _, f := range []*float64{a.Value, a.Low, a.High} {
		if f == nil {
			b = append(b, 0)
			continue
		}
		b = binary.BigEndian.AppendUint64(append(b, 1), math.Float64bits(*f))
	}
	return digest(b)
}

// putStr appends s length-prefixed, so that field boundaries are part of
// the digest.
func putStr(b []byte, s string) []byte {
	return append(binary.BigEndian.AppendUint64(b, uint64(len(s))), s...)
}

// digest is the first 64 bits of the SHA-256 of b.
func digest(b []byte) int64 {
	sum := sha256.Sum256(b)
	return int64(binary.BigEndian.Uint64(sum[:8]))
}

// txStmts prepares each statement once per transaction: a merge runs the
// same few statements tens of thousands of times.
type txStmts struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (t *txStmts) exec(q string, args ...any) (sql.Result, error) {
	st, ok := t.stmts[q]
	if !ok {
		var err error
		if st, err = t.tx.PrepareContext(t.ctx, q); err != nil {
			return nil, err
		}
		t.stmts[q] = st // closed with the transaction
	}
	return st.ExecContext(t.ctx, args...)
}

// replicaID reads the merge identity of the database schema db ("main" or
// an attached one).
func replicaID(ctx context.Context, q queryer, db string) (string, error) {
	rows, err := q.QueryContext(ctx, `SELECT id FROM `+db+`.replica WHERE one = 1`)
	if err != nil {
		return "", fmt.Errorf("read replica id: %w", classify(err))
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return "", fmt.Errorf("read replica id: %w", classify(err))
		}
		return "", fmt.Errorf("%w: the file has no replica id", ErrCorrupt)
	}
	var id string
	if err := rows.Scan(&id); err != nil {
		return "", fmt.Errorf("read replica id: %w", classify(err))
	}
	return id, rows.Err()
}

// findPeer returns the local number of peer replica, or 0 when it was
// never merged with.
func findPeer(ctx context.Context, tx *sql.Tx, replica string) (int64, error) {
	var rid int64
	err := tx.QueryRowContext(ctx, `SELECT rid FROM main.peers WHERE replica = ?`, replica).Scan(&rid)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return rid, err
}

// ensurePeer returns the local number of peer replica, adding it.
func ensurePeer(ctx context.Context, tx *sql.Tx, replica, now string) (int64, error) {
	rid, err := findPeer(ctx, tx, replica)
	if err != nil || rid != 0 {
		return rid, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO main.peers (replica, created_at, updated_at) VALUES (?, ?, ?)`,
		replica, now, now)
	if err != nil {
		return 0, fmt.Errorf("add peer: %w", err)
	}
	return res.LastInsertId()
}

// syncBase is what merge_base records for one annotation and peer: the
// digests of our and their state when the two last agreed.
type syncBase struct{ ours, theirs int64 }

// baseUpsert is the statement that records a sync point.
const baseUpsert = `INSERT INTO main.merge_base (peer, annotation, ours, theirs) VALUES (?, ?, ?, ?)
	ON CONFLICT (peer, annotation) DO UPDATE SET ours = excluded.ours, theirs = excluded.theirs`

// baseUpsertJSON records the sync points of a JSON array of [annotation
// rid, ours, theirs] for one peer, as baseUpsert does for each.
const baseUpsertJSON = `INSERT INTO main.merge_base (peer, annotation, ours, theirs)
	SELECT ?, value ->> '$[0]', value ->> '$[1]', value ->> '$[2]' FROM json_each(?) WHERE true
	ON CONFLICT (peer, annotation) DO UPDATE SET ours = excluded.ours, theirs = excluded.theirs`
