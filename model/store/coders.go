package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"clipper/model"
)

// EnsureCoder returns the coder called name (see sameName: compared in
// NFKC, case-folded, after trimming), creating it when there is none. A
// new name that only looks like an existing coder's, in letters of another
// script (see confusable), is refused (ErrExists).
func (s *Store) EnsureCoder(ctx context.Context, name string) (model.Coder, error) {
	n, err := cleanName("coder", name)
	if err != nil {
		return model.Coder{}, fmt.Errorf("ensure coder: %w", err)
	}
	cs, err := s.Coders(ctx)
	if err != nil {
		return model.Coder{}, err
	}
	if c, ok := coderNamed(cs, n); ok {
		return c, nil
	}
	var c model.Coder
	err = s.write(ctx, fmt.Sprintf("add coder %q", n), func(tx *wtx) error {
		cs, _, err := coders(ctx, tx) // another instance may have added it meanwhile
		if err != nil {
			return err
		}
		var ok bool
		if c, ok = coderNamed(cs, n); ok {
			return nil
		}
		for _, o := range cs {
			if confusable(n, o.Name) {
				return fmt.Errorf("%w: coder name %s; type it in the same letters, or choose another name",
					ErrExists, confusableWhy("coder", n, o.Name))
			}
		}
		if c.ID, err = newID(); err != nil {
			return err
		}
		c.Name, c.CreatedAt, c.UpdatedAt = n, nowUTC(), nowUTC()
		_, err = tx.ExecContext(ctx, `INSERT INTO coders (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`,
			c.ID, c.Name, fmtTime(c.CreatedAt), fmtTime(c.UpdatedAt))
		return err
	})
	return c, err
}

// coderNamed finds the coder called name (see sameName).
func coderNamed(cs []model.Coder, name string) (model.Coder, bool) {
	for _, c := range cs {
		if sameName(c.Name, name) {
			return c, true
		}
	}
	return model.Coder{}, false
}

// Coders lists the project's coders by name. Unusable stored values are
// returned emptied and noted (see Problems).
func (s *Store) Coders(ctx context.Context) ([]model.Coder, error) {
	cs, probs, err := coders(ctx, s.db)
	if err != nil {
		return nil, fmt.Errorf("list coders: %w", classify(err))
	}
	s.note(probs)
	return cs, nil
}

// coders reads the coders by name, with the problems of unusable values
// (read emptied).
func coders(ctx context.Context, q queryer) ([]model.Coder, []Problem, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+coderCols+` FROM coders ORDER BY name COLLATE NOCASE, id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var cs []model.Coder
	var probs []Problem
	var cols lazyCols
	for rows.Next() {
		var c model.Coder
		var rowid int64
		var created, updated string
		err := rows.Scan(&rowid, &c.ID, &c.Name, &created, &updated)
		if err == nil {
			c.CreatedAt, err = parseTime(created)
		}
		if err == nil {
			c.UpdatedAt, err = parseTime(updated)
		}
		if err != nil {
			cl, err := cols.cellsOf(rows, "coders")
			if err != nil {
				return nil, nil, err
			}
			r := decodeCoder(cl)
			c = model.Coder{ID: r.ID, Name: r.Name, CreatedAt: parseTimeOrZero(r.CreatedAt), UpdatedAt: parseTimeOrZero(r.UpdatedAt)}
			probs = append(probs, cl.probs...)
		}
		cs = append(cs, c)
	}
	return cs, probs, rows.Err()
}

// RenameCoder renames the coder id; ErrNotFound if there is none,
// ErrExists if another coder already has that name.
func (s *Store) RenameCoder(ctx context.Context, id, name string) error {
	n, err := cleanName("coder", name)
	if err != nil {
		return fmt.Errorf("rename coder: %w", err)
	}
	return s.write(ctx, fmt.Sprintf("rename coder %s to %q", id, n), func(tx *wtx) error {
		cs, _, err := coders(ctx, tx)
		if err != nil {
			return err
		}
		if c, ok := coderNamed(cs, n); ok && c.ID != id {
			return fmt.Errorf("%w: coder %q", ErrExists, c.Name)
		}
		res, err := tx.ExecContext(ctx, `UPDATE coders SET name = ?, updated_at = ? WHERE id = ?`, n, fmtTime(nowUTC()), id)
		if err != nil {
			return err
		}
		if k, err := res.RowsAffected(); err != nil || k == 0 {
			return errors.Join(err, fmt.Errorf("coder %s: %w", id, ErrNotFound))
		}
		return nil
	})
}

// requireCoder returns ErrNotFound unless coder id exists.
func requireCoder(ctx context.Context, tx *wtx, id string) error {
	if tx.save != nil && tx.save.coders[id] {
		return nil
	}
	var one int
	err := tx.queryRow(`SELECT 1 FROM coders WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("coder %q: %w", id, ErrNotFound)
	}
	if err == nil && tx.save != nil {
		tx.save.coders[id] = true
	}
	return err
}
