package textview

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
	"github.com/go-text/typesetting/harfbuzz"
	"github.com/go-text/typesetting/language"
)

// fontSet picks a face for each run of text. Faces are tried in order: the
// reading font the user chose (if any), the theme's text font, Fyne's
// bundled emoji font, then installed system fonts found through fontscan
// (fontconfig's font folders on Linux, %WINDIR%\Fonts and the user font
// folder on Windows, /System/Library/Fonts and /Library/Fonts on macOS).
// The system font index is built only when a text needs a script the
// bundled fonts lack. Use it from the UI goroutine only.
type fontSet struct {
	reading       *font.Face // nil: the theme's font
	readingFamily string     // the family reading was loaded from
	theme         *font.Face
	emoji         *font.Face    // parsed from emojiRes on first need
	emojiRes      fyne.Resource // nil once parsed (or failed)

	fm       *fontscan.FontMap // nil until a rune needs it
	fmErr    error
	byScript map[language.Script]*font.Face
	byRune   map[rune]*font.Face
}

// newFontSet draws with theme, falling back on the emoji font in emoji
// (parsed when first needed, may be nil) and then on system fonts.
func newFontSet(theme *font.Face, emoji fyne.Resource) *fontSet {
	return &fontSet{theme: theme, emojiRes: emoji,
		byScript: map[language.Script]*font.Face{}, byRune: map[rune]*font.Face{}}
}

// primary is the face plain text is drawn in.
func (fs *fontSet) primary() *font.Face {
	if fs.reading != nil {
		return fs.reading
	}
	return fs.theme
}

// systemFonts returns the font map over the installed fonts, scanning them
// on first use (fontscan keeps an index in the user cache folder, so later
// starts are quick); nil when they cannot be scanned.
func (fs *fontSet) systemFonts() *fontscan.FontMap {
	if fs.fm != nil || fs.fmErr != nil {
		return fs.fm
	}
	fm := fontscan.NewFontMap(quietLogger{})
	if err := fm.UseSystemFonts(""); err != nil {
		fs.fmErr = fmt.Errorf("scan system fonts: %w", err)
		return nil
	}
	fm.SetQuery(fontscan.Query{Families: []string{fontscan.SansSerif}})
	fs.fm = fm
	return fm
}

// has reports whether f has a glyph for r.
func has(f *font.Face, r rune) bool {
	if f == nil {
		return false
	}
	_, ok := f.NominalGlyph(r)
	return ok
}

// bundled returns the first of the reading, theme and emoji faces that has r.
func (fs *fontSet) bundled(r rune) *font.Face {
	if has(fs.reading, r) {
		return fs.reading
	}
	if has(fs.theme, r) {
		return fs.theme
	}
	if fs.emojiRes != nil && r >= 0x2000 {
		if f, err := parseFace(fs.emojiRes); err == nil {
			fs.emoji = f
		}
		fs.emojiRes = nil
	}
	if has(fs.emoji, r) {
		return fs.emoji
	}
	return nil
}

// runFace returns the face for a run of script sc whose first significant
// rune is r: a bundled face that has r, else the system font that fontscan
// resolves for r, remembered per script so the whole script uses one font.
func (fs *fontSet) runFace(sc language.Script, r rune) *font.Face {
	if f := fs.bundled(r); f != nil {
		return f
	}
	if f, ok := fs.byScript[sc]; ok && has(f, r) {
		return f
	}
	f := fs.system(r)
	if f != nil && sc != language.Common && sc != language.Unknown {
		fs.byScript[sc] = f
	}
	return f
}

// system returns an installed face that has r, or nil.
func (fs *fontSet) system(r rune) *font.Face {
	if f, ok := fs.byRune[r]; ok {
		return f
	}
	var f *font.Face
	if fm := fs.systemFonts(); fm != nil {
		if g := fm.ResolveFace(r); has(g, r) {
			f = g
		}
	}
	fs.byRune[r] = f
	return f
}

// faceFor returns the face for rune r inside a run drawn in face run: run
// itself when it has r, so digits and punctuation in Chinese text stay in
// the Chinese font; otherwise the first face that has it; run when none
// does (the glyph shows as missing).
func (fs *fontSet) faceFor(run *font.Face, r rune) *font.Face {
	if has(run, r) || keepsFace(r) {
		return run
	}
	if f := fs.bundled(r); f != nil {
		return f
	}
	if f := fs.system(r); f != nil {
		return f
	}
	return run
}

// keepsFace reports whether r never changes the face of the run it is in:
// spaces, controls and default-ignorable characters (joiners, marks of
// direction), which every shaper handles without a glyph of their own.
func keepsFace(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cc, r) || harfbuzz.IsDefaultIgnorable(r)
}

// checkFamily returns an error unless family is an installed font family.
func (fs *fontSet) checkFamily(family string) error {
	fm := fs.systemFonts()
	if fm == nil {
		return fmt.Errorf("reading font %q: %w", family, fs.fmErr)
	}
	if _, ok := fm.FindSystemFont(font.NormalizeFamily(family)); !ok {
		return fmt.Errorf("reading font %q is not installed", family)
	}
	return nil
}

// setReading makes family (a system font family name, compared without
// case or spaces) the reading font; "" returns to the theme's font.
func (fs *fontSet) setReading(family string) error {
	fs.reading, fs.readingFamily = nil, ""
	clear(fs.byScript)
	clear(fs.byRune)
	if family == "" {
		return nil
	}
	if err := fs.checkFamily(family); err != nil {
		return err
	}
	fm := fs.fm
	want := font.NormalizeFamily(family)
	fm.SetQuery(fontscan.Query{Families: []string{want}})
	defer fm.SetQuery(fontscan.Query{Families: []string{fontscan.SansSerif}})
	var face *font.Face
	for _, r := range "aA0あ中ا" {
		if f := fm.ResolveFace(r); has(f, r) {
			if fam, _ := fm.FontMetadata(f.Font); font.NormalizeFamily(fam) == want {
				face = f
				break
			}
		}
	}
	if face == nil {
		return fmt.Errorf("reading font %q could not be loaded", family)
	}
	fs.reading, fs.readingFamily = face, family
	return nil
}

// FontFamilies returns the names of the font families installed on this
// computer, sorted, for a reading-font menu (see View.SetReadingFont).
// Names are as fontscan normalises them, capitalised word by word.
func FontFamilies() ([]string, error) {
	fps, err := fontscan.SystemFonts(quietLogger{}, "")
	if err != nil {
		return nil, fmt.Errorf("list installed fonts: %w", err)
	}
	seen := map[string]bool{}
	var out []string
	for _, fp := range fps {
		if fp.Family == "" || seen[fp.Family] {
			continue
		}
		seen[fp.Family] = true
		words := strings.Fields(fp.Family)
		for i, w := range words {
			rs := []rune(w)
			rs[0] = unicode.ToUpper(rs[0])
			words[i] = string(rs)
		}
		out = append(out, strings.Join(words, " "))
	}
	slices.Sort(out)
	return out, nil
}

// quietLogger drops fontscan's notes about fonts it skips.
type quietLogger struct{}

func (quietLogger) Printf(string, ...any) {}
