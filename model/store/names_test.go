package store

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"clipper/model"
)

func TestCleanName(t *testing.T) {
	for _, c := range []struct {
		in, want, err string
	}{
		{"  Ana  ", "Ana", ""},
		{"Zoë", "Zoë", ""},
		{"👩\u200d💻 coder", "👩\u200d💻 coder", ""}, // an emoji joined by ZWJ
		{"❤️\u200d🔥", "❤️\u200d🔥", ""},           // after a variation selector
		{"मित्\u200dर", "मित्\u200dर", ""},       // a joiner inside a word
		{"claim\u200b", "", "invisible character (U+200B)"},
		{"cla\u200bim", "", "invisible character (U+200B)"},
		{"\u200bclaim", "", "invisible character (U+200B)"},
		{"claim\u200d", "", "invisible joiner"},
		{"\u200dclaim", "", "invisible joiner"},
		{"cl \u200c aim", "", "invisible joiner"},
		{"\ufe0fclaim", "", "variation selector"},
		{"claim\u2060", "", "invisible character (U+2060)"},
		{"claim\ufeff", "", "invisible character (U+FEFF)"},
		{"\u3164", "", "invisible character"},
		{"\x1b[31mRED", "", "control character (U+001B)"},
		{"a\tb", "", "control character"},
		{"Ana\u202eevil", "", "bidirectional control"},
		{"\u2066Ana\u2069", "", "bidirectional control"},
		{"Ana\u200f", "", "bidirectional control"},
		{"", "", "empty"},
		{" \u00a0 ", "", "empty"},
		{strings.Repeat("x", 100), strings.Repeat("x", 100), ""},
		{strings.Repeat("é", 101), "", "longer than 100"},
		{"bad \xff", "", "not valid UTF-8"},
	} {
		got, err := cleanName("tag", c.in)
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("cleanName(%q) = %q, %v; want %q", c.in, got, err, c.want)
		case c.err != "" && (err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), c.err)):
			t.Errorf("cleanName(%q) = %q, %v; want an error saying %q", c.in, got, err, c.err)
		}
	}
}

// TestLocalNamesRefuseLookAlikes: local input follows the same rules: a
// tag or coder that differs from an existing one only by invisible
// characters is the existing one (coders) or taken (tags).
func TestLocalNamesRefuseLookAlikes(t *testing.T) {
	f := newFixture(t)
	for _, name := range []string{"claim\u200b", "\x1b[31mRED", "Ana\u202eevil"} {
		err := f.s.CreateTag(f.ctx, f.coder.ID, &model.Tag{Name: name, Kind: model.KindCustom})
		wantErr(t, err, ErrInvalid)
	}
	err := f.s.CreateTag(f.ctx, f.coder.ID, &model.Tag{Name: "cl\u200caim", Kind: model.KindCustom})
	wantErr(t, err, ErrExists)
	c, err := f.s.EnsureCoder(f.ctx, "A\u200dna")
	if err != nil || c.ID != f.coder.ID {
		t.Errorf("EnsureCoder of a look-alike of Ana: %+v, %v", c, err)
	}
	if _, err := f.s.EnsureCoder(f.ctx, "Ana\u200b"); !errors.Is(err, ErrInvalid) {
		t.Errorf("EnsureCoder with a zero-width space: %v", err)
	}
}

// TestTagNamesNormalised: tag names are unique once normalised (NFKC, case
// folded), and a name written with letters of another script that look
// like an existing name's is refused with the letter named; look-alikes
// within one script are distinct names.
func TestTagNamesNormalised(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		name, why string
	}{
		{"Ｃｌａｉｍ", `a tag named "claim"`}, // fullwidth
		{"CLAİM", ""}, // dotted capital I: not the same letter, allowed
		{"Сlaim", `'С' (U+0421) is a Cyrillic letter`}, // Cyrillic С
		{"qυote", `'υ' (U+03C5) is a Greek letter`},    // Greek upsilon
		{"ﬁgure", `a tag named "figure"`},              // fi ligature
	} {
		t.Run(c.name, func(t *testing.T) {
			err := f.s.CreateTag(f.ctx, f.coder.ID, &model.Tag{Name: c.name, Kind: model.KindCustom})
			if c.why == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			wantErr(t, err, ErrExists)
			if err != nil && !strings.Contains(err.Error(), c.why) {
				t.Errorf("error %q should say %q", err, c.why)
			}
		})
	}
	for _, n := range []string{"burn", "bum", "Москва"} {
		if err := f.s.CreateTag(f.ctx, f.coder.ID, &model.Tag{Name: n, Kind: model.KindCustom}); err != nil {
			t.Errorf("create %q: %v", n, err)
		}
	}
	if tg, err := f.s.TagByName(f.ctx, "ＣＬＡＩＭ"); err != nil || tg.Name != "claim" {
		t.Errorf("TagByName(fullwidth) = %+v, %v", tg, err)
	}
	// Coders: the fullwidth form is the same coder, a Cyrillic look-alike refused.
	if c, err := f.s.EnsureCoder(f.ctx, "Ａｎａ"); err != nil || c.ID != f.coder.ID {
		t.Errorf("EnsureCoder(fullwidth Ana) = %+v, %v", c, err)
	}
	_, err := f.s.EnsureCoder(f.ctx, "\u0410na") // Cyrillic А
	wantErr(t, err, ErrExists)
	if err != nil && !strings.Contains(err.Error(), `looks like the coder "Ana"`) {
		t.Errorf("error %q", err)
	}
}

// TestMergeMapsNormalisedTagName: an incoming tag whose name is one of
// ours in another compatibility form (fullwidth) is our tag: its
// annotations arrive under it, nothing is refused.
func TestMergeMapsNormalisedTagName(t *testing.T) {
	path := tamper(t, populated(t),
		`INSERT INTO tags (id, name, kind, created_at, updated_at) VALUES ('`+dupA+`', 'ｃｌａｉｍ', 'custom',
			'2024-05-03T10:00:00.000Z', '2024-05-03T10:00:00.000Z')`,
		`UPDATE annotations SET tag_id = '`+dupA+`' WHERE rid = 3`)
	f := newFixture(t)
	rep := merge(t, f, path, MergeOptions{})
	if len(rep.Refused) > 0 {
		t.Fatalf("refused: %+v", rep.Refused)
	}
	i := slices.IndexFunc(rep.Tags.Merged, func(m MergedTag) bool { return m.TheirID == dupA })
	if i < 0 || rep.Tags.Merged[i].Name != "claim" {
		t.Fatalf("fullwidth claim not merged into claim: %+v", rep.Tags)
	}
	if rep.Annotations.Added != 600 {
		t.Errorf("%d annotations added, want 600", rep.Annotations.Added)
	}
	usable(t, f.s)
}
