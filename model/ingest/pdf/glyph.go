package pdf

import (
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/encoding/charmap"
)

// winAnsiNames are the glyph names of the WinAnsiEncoding codes 0x20–0xFF
// ("" where the code is unused); with the code page they give the Unicode
// of the Latin glyph names a Differences array uses.
var winAnsiNames = [224]string{
	"space", "exclam", "quotedbl", "numbersign", "dollar", "percent", "ampersand", "quotesingle",
	"parenleft", "parenright", "asterisk", "plus", "comma", "hyphen", "period", "slash",
	"zero", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "colon", "semicolon", "less", "equal", "greater", "question",
	"at", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O",
	"P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "bracketleft", "backslash", "bracketright", "asciicircum", "underscore",
	"grave", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
	"p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "braceleft", "bar", "braceright", "asciitilde", "",
	"Euro", "", "quotesinglbase", "florin", "quotedblbase", "ellipsis", "dagger", "daggerdbl",
	"circumflex", "perthousand", "Scaron", "guilsinglleft", "OE", "", "Zcaron", "",
	"", "quoteleft", "quoteright", "quotedblleft", "quotedblright", "bullet", "endash", "emdash",
	"tilde", "trademark", "scaron", "guilsinglright", "oe", "", "zcaron", "Ydieresis",
	"nbspace", "exclamdown", "cent", "sterling", "currency", "yen", "brokenbar", "section",
	"dieresis", "copyright", "ordfeminine", "guillemotleft", "logicalnot", "sfthyphen", "registered", "macron",
	"degree", "plusminus", "twosuperior", "threesuperior", "acute", "mu", "paragraph", "periodcentered",
	"cedilla", "onesuperior", "ordmasculine", "guillemotright", "onequarter", "onehalf", "threequarters", "questiondown",
	"Agrave", "Aacute", "Acircumflex", "Atilde", "Adieresis", "Aring", "AE", "Ccedilla",
	"Egrave", "Eacute", "Ecircumflex", "Edieresis", "Igrave", "Iacute", "Icircumflex", "Idieresis",
	"Eth", "Ntilde", "Ograve", "Oacute", "Ocircumflex", "Otilde", "Odieresis", "multiply",
	"Oslash", "Ugrave", "Uacute", "Ucircumflex", "Udieresis", "Yacute", "Thorn", "germandbls",
	"agrave", "aacute", "acircumflex", "atilde", "adieresis", "aring", "ae", "ccedilla",
	"egrave", "eacute", "ecircumflex", "edieresis", "igrave", "iacute", "icircumflex", "idieresis",
	"eth", "ntilde", "ograve", "oacute", "ocircumflex", "otilde", "odieresis", "divide",
	"oslash", "ugrave", "uacute", "ucircumflex", "udieresis", "yacute", "thorn", "ydieresis",
}

// extraNames are common glyph names outside WinAnsiEncoding.
var extraNames = map[string]string{
	"fi": "fi", "fl": "fl", "ff": "ff", "ffi": "ffi", "ffl": "ffl", "dotlessi": "ı",
	"Lslash": "Ł", "lslash": "ł", "minus": "−", "fraction": "⁄", "quoteright": "’", "quoteleft": "‘",
	"nonbreakingspace": "\u00a0", "softhyphen": "\u00ad", "middot": "·", "periodcentered": "·",
	"Omega": "Ω", "mu": "µ", "pi": "π", "alpha": "α", "beta": "β", "delta": "δ",
	"ogonek": "˛", "caron": "ˇ", "breve": "˘", "dotaccent": "˙", "ring": "˚", "hungarumlaut": "˝",
	"Zdotaccent": "Ż", "zdotaccent": "ż", "Cacute": "Ć", "cacute": "ć", "Nacute": "Ń", "nacute": "ń",
	"Sacute": "Ś", "sacute": "ś", "Zacute": "Ź", "zacute": "ź", "Aogonek": "Ą", "aogonek": "ą",
	"Eogonek": "Ę", "eogonek": "ę", "Ccaron": "Č", "ccaron": "č", "Rcaron": "Ř", "rcaron": "ř",
	"Ecaron": "Ě", "ecaron": "ě", "Ncaron": "Ň", "ncaron": "ň", "Tcaron": "Ť", "tcaron": "ť",
	"Dcaron": "Ď", "dcaron": "ď", "Uring": "Ů", "uring": "ů", "Gbreve": "Ğ", "gbreve": "ğ",
	"Idotaccent": "İ", "Scedilla": "Ş", "scedilla": "ş", "Ohungarumlaut": "Ő", "ohungarumlaut": "ő",
	"Uhungarumlaut": "Ű", "uhungarumlaut": "ű", "Amacron": "Ā", "amacron": "ā", "Emacron": "Ē", "emacron": "ē",
	"arrowright": "→", "arrowleft": "←", "checkmark": "✓", "copyrightsans": "©", "registersans": "®",
}

// glyphNames maps a glyph name to its Unicode text; built once, read only.
var glyphNames = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, len(winAnsiNames)+len(extraNames))
	dec := charmap.Windows1252
	for i, n := range winAnsiNames {
		if n == "" {
			continue
		}
		m[n] = string(dec.DecodeByte(byte(i + 0x20)))
	}
	for n, s := range extraNames {
		m[n] = s
	}
	m["sfthyphen"] = "\u00ad"
	m["nbspace"] = "\u00a0"
	return m
})

// glyphText returns the Unicode text of a glyph name ("" if unknown):
// the names of the Latin fonts, "uniXXXX", "uXXXX[XX]", ligatures written
// "f_i", and names with a suffix ("a.sc").
func glyphText(name string) string {
	if s, ok := glyphNames()[name]; ok {
		return s
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		return glyphText(name[:i])
	}
	if strings.Contains(name, "_") {
		var b strings.Builder
		for _, p := range strings.Split(name, "_") {
			t := glyphText(p)
			if t == "" {
				return ""
			}
			b.WriteString(t)
		}
		return b.String()
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var b strings.Builder
		for i := 3; i+4 <= len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 16)
			if err != nil {
				return ""
			}
			b.WriteRune(rune(v))
		}
		return b.String()
	}
	if strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7 {
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil && v <= 0x10ffff {
			return string(rune(v))
		}
	}
	return ""
}
