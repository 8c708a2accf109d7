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
	if t, ok := parseStamp(s); ok {
		return t, nil
	}
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

// parseStamp reads a timestamp in exactly the layout fmtTime writes
// ("2006-01-02T15:04:05.000Z") without time.Parse's generality: reading a
// million annotations parses two million of them. It returns false for
// anything else (parseTime then asks time.Parse, which says what is
// wrong); when it returns true the time is the one time.Parse reads.
func parseStamp(s string) (time.Time, bool) {
	if len(s) != 24 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != '.' || s[23] != 'Z' {
		return time.Time{}, false
	}
	num := func(i, n int) (int, bool) {
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := num(0, 4)
	mo, ok2 := num(5, 2)
	d, ok3 := num(8, 2)
	h, ok4 := num(11, 2)
	mi, ok5 := num(14, 2)
	sec, ok6 := num(17, 2)
	ms, ok7 := num(20, 3)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false
	}
	if d > daysIn(time.Month(mo), y) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, ms*int(time.Millisecond), time.UTC), true
}

// daysIn is the number of days of month m of year y.
func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
