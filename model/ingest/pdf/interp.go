package pdf

import (
	"math"
	"strings"

	"golang.org/x/text/encoding/charmap"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// matrix is a PDF transformation [a b c d e f]: x' = a·x + c·y + e,
// y' = b·x + d·y + f.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m followed by n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// char is one glyph placed on the page, in default user space (points,
// y upwards): its baseline from x0 to x1 at y.
type char struct {
	text   string
	x0, x1 float64
	y      float64
	size   float64
	bold   bool
	space  bool // the glyph is white space
}

// imageUse is an image drawn on the page and the area it covers.
type imageUse struct {
	ref  types.Object
	area float64
}

// gstate is the part of the graphics and text state that placing text needs.
type gstate struct {
	ctm                      matrix
	tc, tw, th, tl, rise, fs float64
	font                     *font
	mode                     int
}

// interp runs a page's content stream and collects its glyphs and images.
type interp struct {
	r       *reader
	fonts   *fontLoader
	chars   []char
	images  []imageUse
	skipped int // glyphs not written left to right (rotated, mirrored)
	undec   int // glyphs of fonts with no way to Unicode
	depth   int

	// Marked content: mc is the nesting depth; while actualAt > 0 the
	// glyphs drawn are replaced by actual, the ActualText of the
	// sequence opened at that depth (ISO 32000-1 §14.9.4).
	mc, actualAt int
	actual       string
	actualFirst  int // index in chars of the first glyph drawn inside

	work  int  // operators run and glyphs drawn on the page, forms included
	forms int  // form XObjects drawn on the page
	over  bool // the page passed one of the maxPage limits: run stopped
}

// maxPageGlyphs, maxPageForms and maxPageWork bound one page: far more
// characters, forms and operators than a page of text has, so that a
// small file that draws millions (a deflated content stream, forms
// drawing forms) is refused before it fills memory or runs for hours.
const (
	maxPageGlyphs = 1 << 20
	maxPageForms  = 100_000
	maxPageWork   = 20_000_000
)

// maxFormDepth bounds nested form XObjects (and reference cycles).
const maxFormDepth = 12

// run interprets content with resources res under the initial state g.
func (in *interp) run(content []byte, res types.Dict, g gstate) {
	if in.depth > maxFormDepth {
		return
	}
	in.depth++
	defer func() { in.depth-- }()
	fontRes := in.r.dict(res["Font"])
	xobjRes := in.r.dict(res["XObject"])
	fontCache := map[string]*font{}
	var stack []gstate
	var tm, tlm matrix
	l := &lexer{b: content}
	var args []operand
	for {
		if in.over {
			return
		}
		v, op, ok := l.next()
		if !ok {
			return
		}
		if in.work++; in.work > maxPageWork {
			in.over = true
			return
		}
		if op == nil {
			if len(args) < 64 {
				args = append(args, v)
			}
			continue
		}
		num := func(i int) float64 {
			if i < len(args) && args[i].kind == kNum {
				return args[i].num
			}
			return 0
		}
		switch string(op) {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if n := len(stack); n > 0 {
				g = stack[n-1]
				stack = stack[:n-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.rise = num(0)
		case "Tr":
			g.mode = int(num(0))
		case "Tf":
			if len(args) == 2 && args[0].kind == kName {
				name := string(args[0].str)
				f, ok := fontCache[name]
				if !ok {
					f = in.fonts.load(fontRes[name])
					fontCache[name] = f
				}
				g.font = f
				g.fs = num(1)
			}
		case "Td", "TD":
			if len(args) == 2 {
				if op[1] == 'D' {
					g.tl = -num(1)
				}
				tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
				tm = tlm
			}
		case "Tm":
			if len(args) == 6 {
				tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj", "'", "\"":
			if op[0] == '\'' || op[0] == '"' {
				if op[0] == '"' && len(args) == 3 {
					g.tw, g.tc = num(0), num(1)
					args = args[2:]
				}
				tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
				tm = tlm
			}
			if len(args) >= 1 && args[len(args)-1].kind == kString {
				in.show(args[len(args)-1].str, &g, &tm)
			}
		case "TJ":
			if len(args) >= 1 && args[0].kind == kArray {
				for _, e := range args[0].arr {
					switch e.kind {
					case kString:
						in.show(e.str, &g, &tm)
					case kNum:
						tx := -e.num / 1000 * g.fs * g.th
						tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
					}
				}
			}
		case "Do":
			if len(args) == 1 && args[0].kind == kName {
				in.xobject(xobjRes[string(args[0].str)], res, g)
			}
		case "BMC":
			in.mc++
		case "BDC":
			in.mc++
			if len(args) == 2 && args[1].kind == kDict && args[1].str != nil && in.actualAt == 0 {
				in.actualAt, in.actual, in.actualFirst = in.mc, pdfText(args[1].str), len(in.chars)
			}
		case "EMC":
			if in.actualAt > 0 && in.mc == in.actualAt {
				in.endActual()
			}
			if in.mc > 0 {
				in.mc--
			}
		case "ID":
			l.skipInlineImage()
			in.images = append(in.images, imageUse{area: math.Abs(g.ctm[0]*g.ctm[3] - g.ctm[1]*g.ctm[2])})
		}
		args = args[:0]
	}
}

// xobject draws the XObject o: a form is interpreted, an image recorded.
func (in *interp) xobject(o types.Object, res types.Dict, g gstate) {
	if o == nil {
		return
	}
	d, data, ok := in.r.streamDict(o)
	if !ok {
		return
	}
	switch in.r.name(d["Subtype"]) {
	case "Image":
		if len(in.images) >= maxPageGlyphs {
			in.over = true
			return
		}
		in.images = append(in.images, imageUse{ref: o, area: math.Abs(g.ctm[0]*g.ctm[3] - g.ctm[1]*g.ctm[2])})
	case "Form":
		if data == nil {
			return
		}
		if in.forms++; in.forms > maxPageForms {
			in.over = true
			return
		}
		if m := in.r.array(d["Matrix"]); len(m) == 6 {
			var fm matrix
			for i := range fm {
				fm[i], _ = in.r.num(m[i])
			}
			g.ctm = fm.mul(g.ctm)
		}
		if fr := in.r.dict(d["Resources"]); fr != nil {
			res = fr
		}
		in.run(data, res, g)
	}
}

// show places the glyphs of string s and advances the text matrix.
func (in *interp) show(s []byte, g *gstate, tm *matrix) {
	f := g.font
	if f == nil {
		f = in.fonts.load(nil)
		g.font = f
	}
	f.decode(s, func(gl glyph) {
		if in.work++; in.work > maxPageWork || len(in.chars) >= maxPageGlyphs {
			in.over = true
			return
		}
		tmc := (*tm).mul(g.ctm)
		trm := matrix{g.fs * g.th, 0, 0, g.fs, 0, g.rise}.mul(tmc)
		adv := (gl.w*g.fs + g.tc) * g.th
		if gl.space {
			adv += g.tw * g.th
		}
		size := math.Abs(g.fs) * math.Hypot(tmc[2], tmc[3])
		if trm[0] <= 0 || math.Abs(trm[1]) > 0.2*trm[0] || size < 0.5 {
			in.skipped++
		} else if gl.text != "" {
			text := gl.text
			if f.undecoded || strings.ContainsRune(text, '\ufffd') {
				in.undec++
			}
			sp := strings.TrimSpace(strings.ReplaceAll(text, "\u00a0", " ")) == ""
			if !sp && len(text) == 1 && text[0] < 0x20 {
				text = "\ufffd"
				in.undec++
			}
			in.chars = append(in.chars, char{
				text:  text,
				x0:    trm[4],
				x1:    trm[4] + gl.w*trm[0],
				y:     trm[5],
				size:  size,
				bold:  f.bold || g.mode == 2,
				space: sp,
			})
		}
		*tm = matrix{1, 0, 0, 1, adv, 0}.mul(*tm)
	})
}

// endActual replaces the glyphs drawn inside an ActualText sequence by
// its text, placed where the first of them was.
func (in *interp) endActual() {
	drawn := in.chars[in.actualFirst:]
	in.actualAt = 0
	if len(drawn) == 0 || in.actual == "" {
		in.chars = in.chars[:in.actualFirst]
		return
	}
	c := drawn[0]
	for _, d := range drawn[1:] {
		if d.y == c.y {
			c.x1 = math.Max(c.x1, d.x1)
		}
	}
	c.text, c.space = in.actual, strings.TrimSpace(in.actual) == ""
	in.chars = append(in.chars[:in.actualFirst], c)
}

// pdfText decodes a PDF text string: UTF-16BE with its byte-order mark,
// UTF-8 with its mark, or PDFDocEncoding (read as Windows-1252, which
// agrees on the printable Latin range).
func pdfText(b []byte) string {
	switch {
	case len(b) >= 2 && b[0] == 0xfe && b[1] == 0xff:
		return utf16Text(b[2:])
	case len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf:
		return string(b[3:])
	}
	var sb strings.Builder
	for _, c := range b {
		sb.WriteRune(charmap.Windows1252.DecodeByte(c))
	}
	return sb.String()
}
