package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"clipper/model"
)

// maxDescription is the longest tag description accepted, in code points.
const maxDescription = 2000

// checkTag validates a tag's editable fields and returns its trimmed name.
func checkTag(t model.Tag) (string, error) {
	name, err := cleanName("tag", t.Name)
	if err != nil {
		return "", err
	}
	if !t.Kind.Valid() {
		return "", fmt.Errorf("%w: tag kind %q (want claim, quote, figure or custom)", ErrInvalid, t.Kind)
	}
	if t.Color != "" && !isHexColor(t.Color) {
		return "", fmt.Errorf("%w: tag color %q is not #RRGGBB", ErrInvalid, t.Color)
	}
	if sc := []rune(t.Shortcut); len(sc) > 1 || (len(sc) == 1 && (!unicode.IsGraphic(sc[0]) || unicode.IsSpace(sc[0]))) {
		return "", fmt.Errorf("%w: tag shortcut %q must be one visible character or empty", ErrInvalid, t.Shortcut)
	}
	if !utf8.ValidString(t.Description) || utf8.RuneCountInString(t.Description) > maxDescription {
		return "", fmt.Errorf("%w: tag description is not valid UTF-8 or longer than %d characters", ErrInvalid, maxDescription)
	}
	return name, nil
}

// isHexColor reports whether c is "#RRGGBB".
func isHexColor(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	for _, r := range c[1:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// liveTags reads the tags that are not deleted, in creation order, with
// the problems of unusable values (read emptied).
func liveTags(ctx context.Context, q queryer) ([]tagState, []Problem, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+tagCols+` FROM tags WHERE deleted_at IS NULL ORDER BY id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var ts []tagState
	var probs []Problem
	var cols lazyCols
	for rows.Next() {
		t, ps, err := readTagState(rows, &cols)
		if err != nil {
			return nil, nil, err
		}
		ts, probs = append(ts, t), append(probs, ps...)
	}
	return ts, probs, rows.Err()
}

// loadTag reads tag id, deleted or not; ErrNotFound if none.
func loadTag(tx *wtx, id string) (tagState, error) {
	t, err := scanTag(tx.queryRow(`SELECT `+tagCols+` FROM tags WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return t, fmt.Errorf("tag %q: %w", id, ErrNotFound)
	}
	return t, err
}

// loadLiveTag reads tag id; ErrNotFound if none or deleted.
func loadLiveTag(tx *wtx, id string) (tagState, error) {
	t, err := loadTag(tx, id)
	if err == nil && t.DeletedAt != nil {
		return t, fmt.Errorf("tag %q (%s) is deleted: %w", id, t.Name, ErrNotFound)
	}
	return t, err
}

// requireLiveTag returns ErrNotFound unless tag id exists and is live.
func requireLiveTag(tx *wtx, id string) error {
	if tx.save != nil && tx.save.tags[id] {
		return nil
	}
	_, err := loadLiveTag(tx, id)
	if err == nil && tx.save != nil {
		tx.save.tags[id] = true
	}
	return err
}

// checkTagClash returns ErrExists when another live tag than t has t's
// name (see sameName: case, compatibility forms and invisible characters
// aside), a cross-script look-alike of it (see confusable) or its shortcut.
func checkTagClash(ctx context.Context, tx *wtx, t tagState) error {
	ts, _, err := liveTags(ctx, tx)
	if err != nil {
		return err
	}
	for _, o := range ts {
		if o.ID == t.ID {
			continue
		}
		if sameName(o.Name, t.Name) {
			return fmt.Errorf("%w: a tag named %q", ErrExists, o.Name)
		}
		if confusable(t.Name, o.Name) {
			return fmt.Errorf("%w: tag name %s; choose a name that cannot be mistaken for it", ErrExists, confusableWhy("tag", t.Name, o.Name))
		}
		if t.Shortcut != "" && strings.EqualFold(o.Shortcut, t.Shortcut) {
			return fmt.Errorf("%w: shortcut %q is used by tag %q", ErrExists, t.Shortcut, o.Name)
		}
	}
	return nil
}

// Tags lists the live tags in creation order (the built-in claim, quote,
// figure first). Unusable stored values are returned emptied and noted
// (see Problems).
func (s *Store) Tags(ctx context.Context) ([]model.Tag, error) {
	ts, probs, err := liveTags(ctx, s.db)
	if err != nil {
		return nil, fmt.Errorf("list tags: %w", classify(err))
	}
	s.note(probs)
	out := make([]model.Tag, 0, len(ts))
	for _, t := range ts {
		m, probs := t.modelLoose()
		s.note(probs)
		out = append(out, m)
	}
	return out, nil
}

// TagByName returns the live tag called name (see sameName);
// ErrNotFound if there is none.
func (s *Store) TagByName(ctx context.Context, name string) (model.Tag, error) {
	ts, err := s.Tags(ctx)
	if err != nil {
		return model.Tag{}, err
	}
	n := strings.TrimSpace(name)
	for _, t := range ts {
		if sameName(t.Name, n) {
			return t, nil
		}
	}
	return model.Tag{}, fmt.Errorf("tag %q: %w", n, ErrNotFound)
}

// CreateTag adds tag t on behalf of coderID and sets its ID and
// timestamps. Names are unique case-insensitively among live tags, and so
// are non-empty shortcuts (ErrExists).
func (s *Store) CreateTag(ctx context.Context, coderID string, t *model.Tag) error {
	name, err := checkTag(*t)
	if err != nil {
		return fmt.Errorf("create tag: %w", err)
	}
	var st tagState
	err = s.write(ctx, fmt.Sprintf("create tag %q", name), func(tx *wtx) error {
		if err := requireCoder(ctx, tx, coderID); err != nil {
			return err
		}
		id, err := newID()
		if err != nil {
			return err
		}
		now := fmtTime(nowUTC())
		st = tagState{ID: id, Name: name, Kind: string(t.Kind), Color: t.Color, Description: t.Description,
			Shortcut: t.Shortcut, CreatedAt: now, UpdatedAt: now}
		if err := checkTagClash(ctx, tx, st); err != nil {
			return err
		}
		if _, err := tx.exec(`INSERT INTO tags (`+tagCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			st.ID, st.Name, st.Kind, st.Color, st.Description, st.Shortcut, st.Builtin, st.CreatedAt,
			st.UpdatedAt, st.DeletedAt); err != nil {
			return err
		}
		g, err := startGroup(tx, coderID, kindDo, "")
		if err != nil {
			return err
		}
		return g.add(entityTag, st.ID, actionCreate, nil, st)
	})
	if err != nil {
		return err
	}
	m, err := st.model()
	if err != nil {
		return err
	}
	*t = m
	return nil
}

// UpdateTag changes tag t.ID's name, kind, color, description and shortcut
// on behalf of coderID. Built-in tags keep their kind (ErrBuiltinTag). An
// update that changes nothing is not logged.
func (s *Store) UpdateTag(ctx context.Context, coderID string, t model.Tag) error {
	name, err := checkTag(t)
	if err != nil {
		return fmt.Errorf("update tag %s: %w", t.ID, err)
	}
	return s.write(ctx, fmt.Sprintf("update tag %q", name), func(tx *wtx) error {
		if err := requireCoder(ctx, tx, coderID); err != nil {
			return err
		}
		cur, err := loadLiveTag(tx, t.ID)
		if err != nil {
			return err
		}
		if cur.Builtin && string(t.Kind) != cur.Kind {
			return fmt.Errorf("%w: %q stays of kind %s", ErrBuiltinTag, cur.Name, cur.Kind)
		}
		next := cur
		next.Name, next.Kind, next.Color, next.Description, next.Shortcut =
			name, string(t.Kind), t.Color, t.Description, t.Shortcut
		if sameContent(cur, next) {
			return nil
		}
		next.UpdatedAt = fmtTime(nowUTC())
		if err := checkTagClash(ctx, tx, next); err != nil {
			return err
		}
		if err := updateTag(tx, next); err != nil {
			return err
		}
		g, err := startGroup(tx, coderID, kindDo, "")
		if err != nil {
			return err
		}
		return g.add(entityTag, cur.ID, actionUpdate, cur, next)
	})
}

// updateTag writes every field of t over the stored row.
func updateTag(tx *wtx, t tagState) error {
	_, err := tx.exec(`UPDATE tags SET name = ?, kind = ?, color = ?, description = ?, shortcut = ?,
		updated_at = ?, deleted_at = ? WHERE id = ?`,
		t.Name, t.Kind, t.Color, t.Description, t.Shortcut, t.UpdatedAt, t.DeletedAt, t.ID)
	if isUnique(err) {
		return fmt.Errorf("%w: tag name %q or shortcut %q is taken", ErrExists, t.Name, t.Shortcut)
	}
	return err
}

// DeleteTag deletes (tombstones) tag tagID on behalf of coderID. With
// moveTo "" its live annotations are deleted too; otherwise they are moved
// to tag moveTo. All of it is one undo step. The built-in tags cannot be
// deleted (ErrBuiltinTag). The annotations are read a chunk at a time;
// progress, if not nil, is told how many of them are done.
func (s *Store) DeleteTag(ctx context.Context, coderID, tagID, moveTo string, progress func(done, total int)) error {
	return s.write(ctx, fmt.Sprintf("delete tag %s", tagID), func(tx *wtx) error {
		if err := requireCoder(ctx, tx, coderID); err != nil {
			return err
		}
		cur, err := loadLiveTag(tx, tagID)
		if err != nil {
			return err
		}
		if cur.Builtin {
			return fmt.Errorf("%w: %q cannot be deleted", ErrBuiltinTag, cur.Name)
		}
		if moveTo == tagID {
			return fmt.Errorf("%w: cannot move annotations of tag %q to itself", ErrInvalid, cur.Name)
		}
		if moveTo != "" {
			if _, err := loadLiveTag(tx, moveTo); err != nil {
				return fmt.Errorf("move annotations to: %w", err)
			}
		}
		g, err := startGroup(tx, coderID, kindDo, "")
		if err != nil {
			return err
		}
		var total int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM annotations WHERE tag_id = ? AND deleted_at IS NULL`, tagID).Scan(&total); err != nil {
			return err
		}
		now := fmtTime(nowUTC())
		// Each chunk leaves the tag's live annotations (moved or deleted),
		// so every read takes the first ones left.
		for done := 0; ; {
			anns, err := liveAnnsOfTag(ctx, tx, tagID, tagChunk)
			if err != nil {
				return err
			}
			if len(anns) == 0 {
				break
			}
			if done += len(anns); done > total {
				return fmt.Errorf("tag %s: more annotations than the %d counted", tagID, total)
			}
			for _, a := range anns {
				next, action := a, actionUpdate
				next.UpdatedAt = now
				if moveTo == "" {
					next.DeletedAt, action = &now, actionDelete
				} else {
					next.TagID = moveTo
				}
				if err := updateAnn(tx, a, next); err != nil {
					return err
				}
				if err := g.add(entityAnnotation, a.ID, action, a, next); err != nil {
					return err
				}
			}
			if progress != nil {
				progress(done, total)
			}
		}
		next := cur
		next.UpdatedAt, next.DeletedAt = now, &now
		if err := updateTag(tx, next); err != nil {
			return err
		}
		return g.add(entityTag, cur.ID, actionDelete, cur, next)
	})
}

// tagChunk is how many annotations DeleteTag reads at a time.
const tagChunk = 1024

// liveAnnsOfTag reads up to limit live annotations that carry tag id, in
// the order of the tag's index.
func liveAnnsOfTag(ctx context.Context, tx *wtx, id string, limit int) ([]annState, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+annCols+` FROM annotations WHERE tag_id = ? AND deleted_at IS NULL LIMIT ?`, id, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var as []annState
	for rows.Next() {
		a, err := scanAnn(rows)
		if err != nil {
			return nil, err
		}
		as = append(as, a)
	}
	return as, rows.Err()
}
