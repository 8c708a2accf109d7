package store

import (
	"testing"
	"time"
)

// TestCanonicalStamp: the fast check of a timestamp never accepts what
// parsing and formatting again would refuse.
func TestCanonicalStamp(t *testing.T) {
	slow := func(s string) bool {
		tm, err := time.Parse(timeLayout, s)
		return err == nil && fmtTime(tm) == s
	}
	cases := []string{"2024-05-03T14:07:00.000Z", "2024-02-29T23:59:59.999Z", "2023-02-29T10:00:00.000Z",
		"2000-02-29T00:00:00.000Z", "1900-02-29T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z",
		"2024-13-01T00:00:00.000Z", "2024-00-10T00:00:00.000Z", "2024-04-31T00:00:00.000Z", "2024-04-30T24:00:00.000Z",
		"2024-04-30T23:60:00.000Z", "2024-04-30T23:59:60.000Z", "2024-04-30T23:59:59.000z", "2024-04-30 23:59:59.000Z",
		"2024-04-30T23:59:59.00Z", "2024-04-30T23:59:59.0000", "+024-04-30T23:59:59.000Z", "2024-04-3aT23:59:59.000Z",
		"2024-04-30T23:59:59.-00Z", "", "now", "2024-05-03T14:07:00Z", "2024-05-03T14:07:00.000+00:00"}
	for y := 1899; y <= 2101; y++ {
		for _, md := range []string{"-02-28", "-02-29", "-02-30", "-01-31", "-06-31", "-12-31"} {
			cases = append(cases, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006")+md+"T12:00:00.000Z")
		}
	}
	for _, s := range cases {
		fast, want := canonicalStamp(s), slow(s)
		if fast && !want {
			t.Errorf("canonicalStamp(%q) accepts what the slow check refuses", s)
		}
		if want && !fast && len(s) == len(timeLayout) {
			t.Errorf("canonicalStamp(%q) = false for a canonical stamp", s)
		}
		if (checkTime(s) == nil) != want {
			t.Errorf("checkTime(%q) = %v, want ok %v", s, checkTime(s), want)
		}
	}
}
