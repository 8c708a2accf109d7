package store

import (
	"fmt"
	"time"

	"github.com/google/uuid"
)

// timeLayout is how every timestamp is stored: UTC, millisecond precision,
// fixed width so that text order is time order.
const timeLayout = "2006-01-02T15:04:05.000Z"

// nowUTC is the current time as the store records it (UTC, whole
// milliseconds), so values returned to callers equal what is stored.
func nowUTC() time.Time {
	return time.Now().UTC().Truncate(time.Millisecond)
}

// fmtTime formats t for storage.
func fmtTime(t time.Time) string {
	return t.UTC().Format(timeLayout)
}

// parseTime reads a stored timestamp.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad timestamp %q in project: %w", s, err)
	}
	return t, nil
}

// newID returns a new UUIDv7 (time-ordered) id.
func newID() (string, error) {
	u, err := uuid.NewV7()
	if err != nil {
		return "", fmt.Errorf("new id: %w", err)
	}
	return u.String(), nil
}
