package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Setting returns the project setting key, or "" when it is unset.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("setting %q: %w", key, classify(err))
	}
	return v, nil
}

// SetSetting stores a project setting; key must not be empty.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	if key == "" {
		return fmt.Errorf("set setting: %w: empty key", ErrInvalid)
	}
	return s.write(ctx, fmt.Sprintf("set setting %q", key), func(tx *wtx) error {
		now := fmtTime(nowUTC())
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, created_at, updated_at)
			VALUES (?, ?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
			WHERE value IS NOT excluded.value`, key, value, now, now)
		return err
	})
}
