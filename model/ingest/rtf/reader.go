package rtf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// dest is what the text of a group goes to.
type dest uint8

const (
	destText       dest = iota // the document's text
	destSkip                   // a destination without body text
	destFontTable              // \fonttbl: font numbers, charsets, code pages
	destStyleSheet             // \stylesheet: style numbers and names
)

// state is the part of the reader's state that a group saves and restores.
type state struct {
	dest   dest
	uc     int  // fallback characters after \uN
	bold   bool // \b
	hidden bool // \v
	size   int  // font size in half points (\fsN)
	font   int  // \fN
	style  int  // paragraph style (\sN)
}

// font is one entry of the font table.
type font struct {
	charset, cpg int
}

// paraBuf collects one paragraph.
type paraBuf struct {
	b          strings.Builder
	runes      int // letters and other non-space characters
	boldRunes  int
	sizes      [4]struct{ size, n int } // the most frequent sizes seen
	sizesExtra int
}

type reader struct {
	data  []byte
	pos   int
	st    state
	stack []state

	cpg      int // document code page (\ansicpgN)
	deff     int // default font (\deffN)
	fonts    map[int]font
	fontDef  int // font being defined in the font table
	styles   map[int]string
	styleDef int // style being defined in the style sheet
	styleBuf strings.Builder

	pend    []byte // \'hh bytes not yet decoded
	raw     []byte // raw bytes >= 0x80 not yet decoded
	skip    int    // fallback characters still to skip after \uN
	highSur rune   // a high surrogate waiting for its pair

	para  paraBuf
	blank bool // an empty paragraph since the last one kept
	out   []Paragraph
	total int // bytes of text kept
	stray int // stray control bytes in text
}

func newReader(data []byte) *reader {
	return &reader{
		data:   data,
		st:     state{uc: 1, size: 24},
		cpg:    1252,
		fonts:  map[int]font{},
		styles: map[int]string{},
	}
}

// run reads the whole document.
func (r *reader) run() error {
	for r.pos < len(r.data) {
		c := r.data[r.pos]
		switch {
		case c == '{':
			if err := r.flush(); err != nil {
				return err
			}
			r.skip = 0
			if len(r.stack) >= maxDepth {
				return malformed(r.pos, "groups nested more than %d deep", maxDepth)
			}
			r.stack = append(r.stack, r.st)
			if r.st.dest == destStyleSheet {
				r.styleDef, r.styleBuf = 0, strings.Builder{}
			}
			r.pos++
		case c == '}':
			if err := r.flush(); err != nil {
				return err
			}
			r.skip = 0
			if r.st.dest == destStyleSheet {
				r.endStyle()
			}
			r.pos++
			if len(r.stack) == 0 {
				return malformed(r.pos-1, "a group closes that was never opened")
			}
			r.st = r.stack[len(r.stack)-1]
			r.stack = r.stack[:len(r.stack)-1]
			if len(r.stack) == 0 { // the document's group is closed: the rest is not RTF
				return r.endParagraph()
			}
		case c == '\\':
			if err := r.control(); err != nil {
				return err
			}
		case c == '\r' || c == '\n':
			r.pos++
		case c >= 0x80:
			if err := r.flushPend(); err != nil {
				return err
			}
			if r.skip > 0 {
				r.skip--
			} else {
				r.raw = append(r.raw, c)
			}
			r.pos++
		default:
			if err := r.flush(); err != nil {
				return err
			}
			if c < 0x20 && c != '\t' {
				r.stray++
				if r.stray > 64 && r.stray*100 > r.pos {
					return malformed(r.pos, "binary data where text was expected")
				}
				r.pos++
				continue
			}
			end := r.pos + 1
			for end < len(r.data) && plain(r.data[end]) {
				end++
			}
			run := r.data[r.pos:end]
			r.pos = end
			if r.skip > 0 {
				n := min(r.skip, len(run))
				r.skip -= n
				run = run[n:]
			}
			if err := r.text(string(run)); err != nil {
				return err
			}
		}
	}
	// A document cut short: keep what was read.
	if err := r.flush(); err != nil {
		return err
	}
	return r.endParagraph()
}

// plain reports whether c can continue a run of plain ASCII text.
func plain(c byte) bool {
	return c >= 0x20 && c < 0x80 && c != '\\' && c != '{' && c != '}'
}

// control reads a control word or symbol at r.pos (a backslash).
func (r *reader) control() error {
	start := r.pos
	r.pos++
	if r.pos >= len(r.data) {
		return nil
	}
	c := r.data[r.pos]
	if !isLetter(c) {
		r.pos++
		return r.symbol(c, start)
	}
	wstart := r.pos
	for r.pos < len(r.data) && isLetter(r.data[r.pos]) {
		r.pos++
	}
	if r.pos-wstart > 32 {
		return malformed(start, "control word longer than 32 letters")
	}
	word := string(r.data[wstart:r.pos])
	param, hasParam := 0, false
	neg := false
	if r.pos < len(r.data) && r.data[r.pos] == '-' && r.pos+1 < len(r.data) && isDigit(r.data[r.pos+1]) {
		neg = true
		r.pos++
	}
	dstart := r.pos
	for r.pos < len(r.data) && isDigit(r.data[r.pos]) {
		if r.pos-dstart >= 10 {
			return malformed(start, "number of \\%s has more than 10 digits", word)
		}
		param = param*10 + int(r.data[r.pos]-'0')
		hasParam = true
		r.pos++
	}
	if neg {
		param = -param
	}
	if r.pos < len(r.data) && r.data[r.pos] == ' ' {
		r.pos++
	}
	if word == "bin" { // binary data follows, whatever the destination
		if err := r.flush(); err != nil {
			return err
		}
		if param < 0 || param > len(r.data)-r.pos {
			return malformed(start, "\\bin%d runs past the end of the document", param)
		}
		r.pos += param
		return nil
	}
	if word != "u" {
		if err := r.flush(); err != nil {
			return err
		}
	}
	if r.skip > 0 && word != "u" {
		r.skip-- // a control word counts as one fallback character
		return nil
	}
	return r.word(word, param, hasParam)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// symbol handles a control symbol: a backslash and one non-letter.
func (r *reader) symbol(c byte, start int) error {
	if c == '\'' {
		if r.pos+2 > len(r.data) {
			r.pos = len(r.data)
			return nil
		}
		h, ok1 := hexVal(r.data[r.pos])
		l, ok2 := hexVal(r.data[r.pos+1])
		r.pos += 2
		if !ok1 || !ok2 {
			return nil // a broken escape: drop it rather than the document
		}
		if err := r.flushRaw(); err != nil {
			return err
		}
		if r.skip > 0 {
			r.skip--
			return nil
		}
		r.pend = append(r.pend, h<<4|l)
		return nil
	}
	if err := r.flush(); err != nil {
		return err
	}
	if r.skip > 0 && c != '*' {
		r.skip--
		return nil
	}
	switch c {
	case '\\', '{', '}':
		return r.text(string(c))
	case '~':
		return r.text("\u00a0")
	case '_':
		return r.text("\u2011")
	case '-', ':', '|':
		return nil // optional hyphen, index entry, formula
	case '*':
		// An ignorable destination: the reader understands none of them.
		r.st.dest = destSkip
		return nil
	case '\n', '\r':
		return r.endParagraph()
	case '\t':
		return r.text("\t")
	}
	return nil
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// skipDests are destinations whose text is not part of the document body.
var skipDests = map[string]bool{
	"colortbl": true, "info": true, "pict": true, "header": true, "headerl": true,
	"headerr": true, "headerf": true, "footer": true, "footerl": true, "footerr": true,
	"footerf": true, "listtable": true, "listoverridetable": true, "revtbl": true,
	"rsidtbl": true, "generator": true, "xmlnstbl": true, "themedata": true,
	"colorschememapping": true, "latentstyles": true, "datastore": true, "object": true,
	"objdata": true, "fldinst": true, "filetbl": true, "footnote": true, "annotation": true,
	"atnid": true, "atnauthor": true, "bkmkstart": true, "bkmkend": true, "nonshppict": true,
	"shpinst": true, "template": true, "pgdsctbl": true, "mmathPr": true, "listtext": true,
	"pn": true, "pntext": true, "userprops": true, "docvar": true, "xe": true, "tc": true,
	"txe": true, "rxe": true, "author": true, "operator": true, "title": true,
	"subject": true, "keywords": true, "comment": true, "doccomm": true, "company": true,
}

// word handles a control word.
func (r *reader) word(w string, param int, hasParam bool) error {
	switch w {
	case "fonttbl":
		r.st.dest = destFontTable
		return nil
	case "stylesheet":
		r.st.dest = destStyleSheet
		return nil
	}
	if skipDests[w] {
		r.st.dest = destSkip
		return nil
	}
	switch r.st.dest {
	case destSkip:
		return nil
	case destFontTable:
		switch w {
		case "f":
			r.fontDef = param
		case "fcharset":
			f := r.fonts[r.fontDef]
			f.charset = param
			r.fonts[r.fontDef] = f
		case "cpg":
			f := r.fonts[r.fontDef]
			f.cpg = param
			r.fonts[r.fontDef] = f
		}
		return nil
	case destStyleSheet:
		if w == "s" {
			r.styleDef = param
		}
		return nil
	}
	on := !hasParam || param != 0
	switch w {
	case "par", "sect", "page":
		return r.endParagraph()
	case "line":
		return r.text("\n")
	case "tab":
		return r.text("\t")
	case "cell", "nestcell":
		if r.para.b.Len() > 0 {
			return r.text("\t")
		}
	case "row", "nestrow":
		return r.endParagraph()
	case "pard":
		r.st.style = 0
	case "plain":
		r.st.bold, r.st.hidden, r.st.size, r.st.font = false, false, 24, r.deff
	case "b":
		r.st.bold = on
	case "v":
		r.st.hidden = on
	case "fs":
		if hasParam && param > 0 {
			r.st.size = param
		}
	case "f":
		r.st.font = param
	case "s":
		r.st.style = param
	case "uc":
		if param >= 0 && param <= 16 {
			r.st.uc = param
		}
	case "u":
		return r.unicode(param)
	case "ansi":
		r.cpg = 1252
	case "mac":
		r.cpg = 10000
	case "pc":
		r.cpg = 437
	case "pca":
		r.cpg = 850
	case "ansicpg":
		if hasParam && param > 0 {
			r.cpg = param
		}
	case "deff":
		r.deff, r.st.font = param, param
	case "emdash":
		return r.text("\u2014")
	case "endash":
		return r.text("\u2013")
	case "lquote":
		return r.text("\u2018")
	case "rquote":
		return r.text("\u2019")
	case "ldblquote":
		return r.text("\u201c")
	case "rdblquote":
		return r.text("\u201d")
	case "bullet":
		return r.text("\u2022")
	case "emspace", "enspace", "qmspace":
		return r.text(" ")
	case "zwj":
		return r.text("\u200d")
	case "zwnj":
		return r.text("\u200c")
	}
	return nil
}

// unicode handles \uN: the character, then skip its fallback.
func (r *reader) unicode(n int) error {
	if n < 0 {
		n += 65536
	}
	if err := r.flush(); err != nil {
		return err
	}
	r.skip = r.st.uc
	ch := rune(n)
	switch {
	case ch >= 0xD800 && ch <= 0xDBFF:
		r.highSur = ch
		return nil
	case ch >= 0xDC00 && ch <= 0xDFFF:
		if r.highSur == 0 {
			return nil
		}
		ch = 0x10000 + (r.highSur-0xD800)<<10 + (ch - 0xDC00)
	}
	r.highSur = 0
	if ch < 0x20 && ch != '\t' && ch != '\n' || !utf8.ValidRune(ch) {
		return nil
	}
	return r.text(string(ch))
}

// codePage is the code page of the current font.
func (r *reader) codePage() int {
	f, ok := r.fonts[r.st.font]
	if !ok {
		return r.cpg
	}
	if f.cpg > 0 {
		return f.cpg
	}
	if cp, ok := charsetCodePages[f.charset]; ok {
		return cp
	}
	return r.cpg
}

// flush decodes pending bytes.
func (r *reader) flush() error {
	if err := r.flushPend(); err != nil {
		return err
	}
	return r.flushRaw()
}

func (r *reader) flushPend() error {
	if len(r.pend) == 0 {
		return nil
	}
	s := decodeBytes(r.codePage(), r.pend)
	r.pend = r.pend[:0]
	return r.text(s)
}

// flushRaw decodes raw bytes >= 0x80: as UTF-8 when they are valid UTF-8,
// else in the current code page.
func (r *reader) flushRaw() error {
	if len(r.raw) == 0 {
		return nil
	}
	var s string
	if utf8.Valid(r.raw) {
		s = string(r.raw)
	} else {
		s = decodeBytes(r.codePage(), r.raw)
	}
	r.raw = r.raw[:0]
	return r.text(s)
}

// text adds decoded text to the current destination.
func (r *reader) text(s string) error {
	if s == "" {
		return nil
	}
	r.highSur = 0
	switch r.st.dest {
	case destStyleSheet:
		if i := strings.IndexByte(s, ';'); i >= 0 {
			r.styleBuf.WriteString(s[:i])
			r.endStyle()
			return nil
		}
		if r.styleBuf.Len() < 256 {
			r.styleBuf.WriteString(s)
		}
		return nil
	case destText:
	default:
		return nil
	}
	if r.st.hidden || s == "" {
		return nil
	}
	r.total += len(s)
	if r.total > MaxText {
		return ErrTooLarge
	}
	p := &r.para
	p.b.WriteString(s)
	n := 0
	for _, ch := range s {
		if !unicode.IsSpace(ch) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	p.runes += n
	if r.st.bold {
		p.boldRunes += n
	}
	p.addSize(r.st.size, n)
	return nil
}

func (p *paraBuf) addSize(size, n int) {
	for i := range p.sizes {
		if p.sizes[i].size == size || p.sizes[i].n == 0 {
			p.sizes[i].size = size
			p.sizes[i].n += n
			return
		}
	}
	p.sizesExtra += n
}

// endStyle records the style sheet entry being read.
func (r *reader) endStyle() {
	name := strings.TrimSpace(r.styleBuf.String())
	if name != "" {
		if _, dup := r.styles[r.styleDef]; !dup {
			r.styles[r.styleDef] = name
		}
	}
	r.styleBuf.Reset()
}

// endParagraph closes the current paragraph.
func (r *reader) endParagraph() error {
	if err := r.flush(); err != nil {
		return err
	}
	p := &r.para
	text := strings.TrimFunc(p.b.String(), unicode.IsSpace)
	if text != "" {
		best := 0
		for i := range p.sizes {
			if p.sizes[i].n > p.sizes[best].n {
				best = i
			}
		}
		r.out = append(r.out, Paragraph{
			Text:       text,
			Bold:       p.runes > 0 && p.boldRunes == p.runes,
			Size:       float32(p.sizes[best].size) / 2,
			Style:      r.styles[r.st.style],
			AfterBlank: r.blank,
		})
		r.blank = false
	} else if len(r.out) > 0 {
		r.blank = true
	}
	r.para = paraBuf{}
	return nil
}
