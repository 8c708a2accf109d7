package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// Settings keys under which a project records which Clipper made it and
// which last wrote it. Values are the version strings the writing Clipper
// gave (OpenOptions.Version or SetVersion), e.g. "0.1.0 (a1b2c3d)".
const (
	KeyCreatedBy = "clipper.created_by"
	KeyWrittenBy = "clipper.written_by"
)

// maxVersionLen bounds a recorded version string; longer ones (only a
// hostile file has them) are cut when read.
const maxVersionLen = 80

// ProjectVersions says which Clipper versions created and last wrote a
// project. Either is "" when the file predates version records.
type ProjectVersions struct {
	CreatedBy string `json:"created_by"`
	WrittenBy string `json:"written_by"`
}

// versionStamp is the store's record of the Clipper that writes it this
// session; version "" records nothing. Both fields are guarded by
// Store.wmu.
type versionStamp struct {
	version string
	created bool // this store created the file (Create, or OpenOptions.Create on a missing file)
}

// SetVersion names the running Clipper (e.g. "0.1.0 (a1b2c3d)") for a
// store opened without OpenOptions.Version: the next write records it as
// the file's last writer, and as its creator when this store created the
// file. An empty version records nothing.
func (s *Store) SetVersion(version string) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.stamp.version = version
	s.save = nil // the written-by record is to be written again
}

// Version is the Clipper version this store records as the file's writer
// ("" when none was given).
func (s *Store) Version() string {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.stamp.version
}

// Versions reads which Clipper versions created and last wrote the file.
func (s *Store) Versions(ctx context.Context) (ProjectVersions, error) {
	return readVersions(ctx, s.db, "main")
}

// SQLiteVersion is the version of the SQLite library compiled into
// Clipper, e.g. "3.50.4".
func SQLiteVersion() string {
	v, _, _ := sqlite3.Version()
	return v
}

// querier is what readVersions needs: a database, connection or transaction.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// readVersions reads the version records of schema db ("main", or
// "theirs" for a file attached for a merge). The values are cleaned, as
// they may come from an untrusted file.
func readVersions(ctx context.Context, q querier, db string) (ProjectVersions, error) {
	var v ProjectVersions
	for _, f := range []struct {
		key string
		dst *string
	}{{KeyCreatedBy, &v.CreatedBy}, {KeyWrittenBy, &v.WrittenBy}} {
		var val string
		err := q.QueryRowContext(ctx, `SELECT value FROM `+db+`.settings WHERE key = ?`, f.key).Scan(&val)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return ProjectVersions{}, fmt.Errorf("read %s: %w", f.key, classify(err))
		}
		*f.dst = cleanVersion(val)
	}
	return v, nil
}

// cleanVersion makes a recorded version safe to show: control and format
// characters become spaces, the result is trimmed and cut to
// maxVersionLen runes.
func cleanVersion(v string) string {
	v = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, v)
	v = strings.TrimSpace(v)
	if r := []rune(v); len(r) > maxVersionLen {
		v = string(r[:maxVersionLen]) + "…"
	}
	return v
}

// upsertSettingSQL sets a setting (key, value, created_at, updated_at),
// leaving the row untouched when it already holds the value.
const upsertSettingSQL = `INSERT INTO main.settings (key, value, created_at, updated_at)
	VALUES (?, ?, ?, ?)
	ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
	WHERE value IS NOT excluded.value`

// upsertSetting sets key to value in the main settings table, leaving the
// row untouched when it already holds value.
func upsertSetting(ctx context.Context, x execer, key, value string) error {
	now := fmtTime(nowUTC())
	_, err := x.ExecContext(ctx, upsertSettingSQL, key, value, now, now)
	if err != nil {
		return fmt.Errorf("record %s: %w", key, err)
	}
	return nil
}

// stampCreated records version as the creator and writer of a file just
// created (nothing when version is "").
func stampCreated(ctx context.Context, x execer, version string) error {
	if version == "" {
		return nil
	}
	for _, k := range []string{KeyCreatedBy, KeyWrittenBy} {
		if err := upsertSetting(ctx, x, k, version); err != nil {
			return err
		}
	}
	return nil
}

// stampWrite records the session's version as the file's last writer (and
// as its creator when this store created the file and the record is
// missing) in the write transaction tx. Every write transaction calls it,
// so the record stays right when Clippers of different versions take turns
// on one file; it costs one primary-key lookup per transaction, as the row
// is rewritten only when the value differs. The caller holds s.wmu.
func (s *Store) stampWrite(tx *wtx) error {
	if s.stamp.version == "" || tx.save != nil && tx.save.stamped {
		return nil
	}
	tx.stamped = true
	now := fmtTime(nowUTC())
	if s.stamp.created {
		if _, err := tx.exec(`INSERT INTO main.settings (key, value, created_at, updated_at)
			VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`, KeyCreatedBy, s.stamp.version, now, now); err != nil {
			return fmt.Errorf("record %s: %w", KeyCreatedBy, err)
		}
	}
	if _, err := tx.exec(upsertSettingSQL, KeyWrittenBy, s.stamp.version, now, now); err != nil {
		return fmt.Errorf("record %s: %w", KeyWrittenBy, err)
	}
	return nil
}
