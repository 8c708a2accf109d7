package pdf

import (
	"strings"

	cpufont "github.com/pdfcpu/pdfcpu/pkg/font"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/text/encoding/charmap"
)

// font is what text extraction needs of a PDF font: how to split a string
// into codes, each code's Unicode text and advance width, and its style.
type font struct {
	name      string // BaseFont without the subset prefix
	bold      bool
	composite bool  // Type0: multi-byte codes
	enc       *cmap // Type0: the encoding CMap (nil for Identity-H/V)
	ucs2      bool  // Type0 with a predefined UCS-2 CMap: codes are Unicode
	toUni     *cmap // the ToUnicode CMap, nil if none
	simple    [256]string
	widths    map[uint32]float64 // simple: by code; composite: by CID; in text space units per 1 pt of size
	dw        float64            // default width
	core      string             // a standard-14 font without Widths
	scale     float64            // glyph space → text space (0.001, or a Type 3 FontMatrix)
	undecoded bool               // no way to Unicode was found
}

// glyph is one decoded code.
type glyph struct {
	text  string
	w     float64 // advance in text space, before size and spacing
	space bool    // the single-byte code 32 (word spacing applies)
}

// decode splits s into codes and calls fn for each.
func (f *font) decode(s []byte, fn func(glyph)) {
	for len(s) > 0 {
		n := 1
		if f.composite {
			if f.enc != nil {
				n = f.enc.codeLen(s, 2)
			} else {
				n = min(2, len(s))
			}
		}
		c := code(s[:n])
		s = s[n:]
		g := glyph{space: n == 1 && c == 32}
		var ok bool
		if f.toUni != nil {
			g.text, ok = f.toUni.text(c)
		}
		if !ok {
			switch {
			case f.composite && f.ucs2:
				g.text = string(rune(c))
			case !f.composite:
				g.text = f.simple[c]
			default:
				g.text = "\ufffd"
			}
		}
		g.w = f.width(c)
		fn(g)
	}
}

// width returns the advance of code c in text space units for a size of 1.
func (f *font) width(c uint32) float64 {
	if f.composite {
		cid := c
		if f.enc != nil {
			cid = f.enc.cid(c)
		}
		if w, ok := f.widths[cid]; ok {
			return w * f.scale
		}
		return f.dw * f.scale
	}
	if w, ok := f.widths[c]; ok {
		return w * f.scale
	}
	if f.core != "" {
		if w, err := cpufont.CharWidth(f.core, rune(c)); err == nil {
			return float64(w) * 0.001
		}
	}
	if f.dw > 0 {
		return f.dw * f.scale
	}
	return 0.5
}

// fontLoader reads font dictionaries through the document's object table,
// caching them by object.
type fontLoader struct {
	r     *reader
	cache map[types.IndirectRef]*font
}

// load reads the font dictionary o (a reference or a direct dictionary).
func (fl *fontLoader) load(o types.Object) *font {
	ref, isRef := o.(types.IndirectRef)
	if isRef {
		if f, ok := fl.cache[ref]; ok {
			return f
		}
	}
	f := fl.read(fl.r.dict(o))
	if isRef {
		fl.cache[ref] = f
	}
	return f
}

func (fl *fontLoader) read(d types.Dict) *font {
	r := fl.r
	f := &font{scale: 0.001, widths: map[uint32]float64{}}
	if d == nil {
		f.undecoded = true
		for i := range f.simple {
			f.simple[i] = string(charmap.Windows1252.DecodeByte(byte(i)))
		}
		return f
	}
	sub := r.name(d["Subtype"])
	base := r.name(d["BaseFont"])
	if i := strings.IndexByte(base, '+'); i == 6 {
		base = base[i+1:]
	}
	f.name = base
	if tu := r.stream(d["ToUnicode"]); tu != nil {
		f.toUni = parseCMap(tu)
	}
	desc := r.dict(d["FontDescriptor"])
	if sub == "Type0" {
		f.composite = true
		encName := r.name(d["Encoding"])
		switch {
		case encName == "Identity-H" || encName == "Identity-V":
		case encName != "":
			f.ucs2 = strings.Contains(encName, "UCS2") || strings.Contains(encName, "UTF16")
		default:
			if es := r.stream(d["Encoding"]); es != nil {
				f.enc = parseCMap(es)
			}
		}
		if arr := r.array(d["DescendantFonts"]); len(arr) > 0 {
			if cd := r.dict(arr[0]); cd != nil {
				desc = r.dict(cd["FontDescriptor"])
				f.dw = 1000
				if v, ok := r.num(cd["DW"]); ok {
					f.dw = v
				}
				fl.cidWidths(f, r.array(cd["W"]))
			}
		}
		f.undecoded = f.toUni == nil && !f.ucs2
	} else {
		fl.simpleEncoding(f, d, sub, base)
		first, _ := r.num(d["FirstChar"])
		ws := r.array(d["Widths"])
		for i, w := range ws {
			if v, ok := r.num(w); ok {
				f.widths[uint32(int(first)+i)] = v
			}
		}
		if len(ws) == 0 && cpufont.IsCoreFont(base) {
			f.core = base
		}
		if desc != nil {
			if v, ok := r.num(desc["MissingWidth"]); ok && v > 0 {
				f.dw = v
			}
		}
		if sub == "Type3" {
			if m := r.array(d["FontMatrix"]); len(m) > 0 {
				if v, ok := r.num(m[0]); ok && v != 0 {
					f.scale = v
				}
			}
		}
	}
	f.bold = boldName(base)
	if desc != nil {
		if w, ok := r.num(desc["FontWeight"]); ok && w >= 600 {
			f.bold = true
		}
		if fl, ok := r.num(desc["Flags"]); ok && int(fl)&(1<<18) != 0 {
			f.bold = true
		}
		if !f.bold {
			f.bold = boldName(r.name(desc["FontName"]))
		}
	}
	return f
}

// boldName reports whether a font name says the face is bold.
func boldName(n string) bool {
	n = strings.ToLower(n)
	for _, w := range []string{"bold", "black", "heavy", "semibold", "demi", ",bd", "-bd"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// cidWidths reads a CIDFont's W array: "c [w1 w2 …]" and "c1 c2 w".
func (fl *fontLoader) cidWidths(f *font, w types.Array) {
	r := fl.r
	for i := 0; i < len(w); {
		c1, ok := r.num(w[i])
		if !ok || i+1 >= len(w) {
			return
		}
		if arr := r.array(w[i+1]); arr != nil {
			for k, e := range arr {
				if v, ok := r.num(e); ok {
					f.widths[uint32(int(c1)+k)] = v
				}
			}
			i += 2
			continue
		}
		if i+2 >= len(w) {
			return
		}
		c2, ok2 := r.num(w[i+1])
		v, ok3 := r.num(w[i+2])
		if !ok2 || !ok3 || c2 < c1 || c2-c1 > 1<<16 {
			return
		}
		for c := int(c1); c <= int(c2); c++ {
			f.widths[uint32(c)] = v
		}
		i += 3
	}
}

// simpleEncoding fills f.simple from the font's Encoding: a base encoding
// and its Differences.
func (fl *fontLoader) simpleEncoding(f *font, d types.Dict, sub, base string) {
	r := fl.r
	baseEnc := ""
	var diffs types.Array
	if n := r.name(d["Encoding"]); n != "" {
		baseEnc = n
	} else if ed := r.dict(d["Encoding"]); ed != nil {
		baseEnc = r.name(ed["BaseEncoding"])
		diffs = r.array(ed["Differences"])
	}
	cm := charmap.Windows1252
	if baseEnc == "MacRomanEncoding" {
		cm = charmap.Macintosh
	}
	for i := range f.simple {
		if i < 32 && baseEnc != "" {
			continue
		}
		f.simple[i] = string(cm.DecodeByte(byte(i)))
	}
	if baseEnc == "" || baseEnc == "StandardEncoding" {
		f.simple['\''] = "’"
		f.simple['`'] = "‘"
	}
	code := 0
	for _, e := range diffs {
		if v, ok := r.num(e); ok {
			code = int(v)
			continue
		}
		if n := r.name(e); n != "" {
			if code >= 0 && code < 256 {
				if t := glyphText(n); t != "" {
					f.simple[code] = t
				}
			}
			code++
		}
	}
}
