package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// wmlScanner is a small streaming XML tokenizer for WordprocessingML,
// several times faster than encoding/xml's Decoder.Token on the large
// documents of archive exports. It reads elements (with their namespace
// from xmlns declarations), attributes and character data (entities and
// character references decoded, CDATA kept), skips comments, processing
// instructions and a DOCTYPE (whose entities are never expanded), and
// reports malformed XML: unbalanced or mismatched tags, unknown entities,
// text after the end.
type wmlScanner struct {
	r        io.Reader
	buf      []byte
	pos      int
	rerr     error // the reader's error once it stops
	ns       map[string]string
	names    map[string]string // interned qualified names
	stack    []string          // open elements, qualified names
	rootDone bool              // the document element was closed
	scratch  []byte

	// the current token
	kind      wmlKind
	space     string // namespace URI of the element
	local     []byte // local name of the element
	attrs     []byte // raw attribute text of a start tag
	selfClose bool
	text      []byte // decoded character data
}

type wmlKind int

const (
	wmlStart wmlKind = iota + 1
	wmlEnd
	wmlText
)

var errWMLEOF = errors.New("unexpected end of the document")

// maxWMLToken caps one token (a text, a tag, a comment) as read from the
// XML, so that a ZIP bomb's single huge text or attribute is refused while
// streaming instead of being gathered whole.
const maxWMLToken = 2 * MaxFileSize

var errWMLToken = fmt.Errorf("%w: the document holds a single text or tag over %d MiB, and its text may be at most %d MiB", ErrTooLarge, maxWMLToken>>20, MaxFileSize>>20)

func newWMLScanner(r io.Reader) *wmlScanner {
	return &wmlScanner{r: r, buf: make([]byte, 0, 64<<10), ns: map[string]string{"xml": "http://www.w3.org/XML/1998/namespace"}, names: map[string]string{}}
}

// fill reads more input; false when there is none.
func (s *wmlScanner) fill() bool {
	if s.rerr != nil {
		return false
	}
	if s.pos > 0 {
		n := copy(s.buf[:cap(s.buf)], s.buf[s.pos:])
		s.buf = s.buf[:n]
		s.pos = 0
	}
	if len(s.buf) == cap(s.buf) {
		nb := make([]byte, len(s.buf), 2*cap(s.buf))
		copy(nb, s.buf)
		s.buf = nb
	}
	n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
	s.buf = s.buf[:len(s.buf)+n]
	if err != nil {
		s.rerr = err
	}
	return n > 0 || err == nil
}

// until returns the bytes up to (not including) delim and moves past it.
// The slice is valid until the next call.
func (s *wmlScanner) until(delim []byte) ([]byte, error) {
	s.scratch = s.scratch[:0]
	for {
		if i := bytes.Index(s.buf[s.pos:], delim); i >= 0 {
			out := s.buf[s.pos : s.pos+i]
			s.pos += i + len(delim)
			if len(s.scratch) > 0 {
				s.scratch = append(s.scratch, out...)
				return s.scratch, nil
			}
			return out, nil
		}
		// keep a tail that may hold the start of delim
		keep := min(len(delim)-1, len(s.buf)-s.pos)
		s.scratch = append(s.scratch, s.buf[s.pos:len(s.buf)-keep]...)
		s.pos = len(s.buf) - keep
		if len(s.scratch) > maxWMLToken {
			return nil, errWMLToken
		}
		if !s.fill() {
			return nil, s.readErr()
		}
	}
}

func (s *wmlScanner) readErr() error {
	if s.rerr != nil && s.rerr != io.EOF {
		return s.rerr
	}
	return errWMLEOF
}

// next reads the next token; io.EOF at the end of a well-formed document.
func (s *wmlScanner) next() error {
	for {
		if s.pos >= len(s.buf) && !s.fill() {
			if s.rerr != nil && s.rerr != io.EOF {
				return s.rerr
			}
			if len(s.stack) > 0 {
				return fmt.Errorf("%w: <%s> is not closed", errWMLEOF, s.stack[len(s.stack)-1])
			}
			return io.EOF
		}
		if s.buf[s.pos] != '<' {
			raw, err := s.textUntilTag()
			if err != nil {
				return err
			}
			if len(s.stack) == 0 {
				continue // white space or a byte-order mark around the document element
			}
			if s.text, err = decodeEntities(s.text[:0], raw); err != nil {
				return err
			}
			s.kind = wmlText
			return nil
		}
		// a markup construct
		for len(s.buf)-s.pos < 9 && s.fill() {
		}
		rest := s.buf[s.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			s.pos += 4
			if _, err := s.until([]byte("-->")); err != nil {
				return err
			}
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			s.pos += 9
			t, err := s.until([]byte("]]>"))
			if err != nil {
				return err
			}
			s.text = append(s.text[:0], t...)
			s.kind = wmlText
			return nil
		case bytes.HasPrefix(rest, []byte("<?")):
			s.pos += 2
			if _, err := s.until([]byte("?>")); err != nil {
				return err
			}
		case bytes.HasPrefix(rest, []byte("<!")):
			if err := s.skipDoctype(); err != nil {
				return err
			}
		default:
			s.pos++
			tag, err := s.tagUntilClose()
			if err != nil {
				return err
			}
			return s.tag(tag)
		}
	}
}

// textUntilTag returns the raw text up to the next '<'.
func (s *wmlScanner) textUntilTag() ([]byte, error) {
	s.scratch = s.scratch[:0]
	for {
		if i := bytes.IndexByte(s.buf[s.pos:], '<'); i >= 0 {
			out := s.buf[s.pos : s.pos+i]
			s.pos += i
			if len(s.scratch) > 0 {
				return append(s.scratch, out...), nil
			}
			return out, nil
		}
		s.scratch = append(s.scratch, s.buf[s.pos:]...)
		s.pos = len(s.buf)
		if len(s.scratch) > maxWMLToken {
			return nil, errWMLToken
		}
		if !s.fill() {
			return s.scratch, nil // text at the very end; next() reports the open elements
		}
	}
}

// tagUntilClose returns a tag's bytes after '<' up to its '>', skipping
// '>' inside quoted attribute values.
func (s *wmlScanner) tagUntilClose() ([]byte, error) {
	s.scratch = s.scratch[:0]
	var quote byte
	for {
		b := s.buf[s.pos:]
		for i, c := range b {
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				s.pos += i + 1
				if len(s.scratch) > 0 {
					return append(s.scratch, b[:i]...), nil
				}
				return b[:i], nil
			}
		}
		s.scratch = append(s.scratch, b...)
		s.pos = len(s.buf)
		if len(s.scratch) > maxWMLToken {
			return nil, errWMLToken
		}
		if !s.fill() {
			return nil, s.readErr()
		}
	}
}

// skipDoctype skips "<!DOCTYPE …>", including an internal subset in [ ].
func (s *wmlScanner) skipDoctype() error {
	depth := 0
	for {
		for s.pos < len(s.buf) {
			c := s.buf[s.pos]
			s.pos++
			switch c {
			case '[':
				depth++
			case ']':
				depth--
			case '>':
				if depth <= 0 {
					return nil
				}
			}
		}
		if !s.fill() {
			return s.readErr()
		}
	}
}

// tag reads a start or end tag's bytes (between '<' and '>').
func (s *wmlScanner) tag(t []byte) error {
	if len(t) > 0 && t[0] == '/' {
		name := bytes.TrimSpace(t[1:])
		if len(s.stack) == 0 {
			return fmt.Errorf("</%s> closes nothing", name)
		}
		open := s.stack[len(s.stack)-1]
		if open != string(name) {
			return fmt.Errorf("</%s> closes <%s>", name, open)
		}
		s.stack = s.stack[:len(s.stack)-1]
		s.kind = wmlEnd
		s.setName(name)
		return nil
	}
	s.selfClose = len(t) > 0 && t[len(t)-1] == '/'
	if s.selfClose {
		t = t[:len(t)-1]
	}
	end := bytes.IndexAny(t, " \t\r\n")
	if end < 0 {
		end = len(t)
	}
	name := t[:end]
	if len(name) == 0 {
		return errors.New("a tag without a name")
	}
	s.attrs = t[end:]
	if bytes.Contains(s.attrs, []byte("xmlns")) {
		s.declare(s.attrs)
	}
	if len(s.stack) == 0 && s.seenRoot() {
		return errors.New("a second document element")
	}
	s.kind = wmlStart
	s.setName(name)
	if !s.selfClose {
		s.stack = append(s.stack, s.intern(name))
	} else if len(s.stack) == 0 {
		s.rootDone = true
	}
	return nil
}

// seenRoot reports whether the document element was closed already.
func (s *wmlScanner) seenRoot() bool { return s.rootDone }

// setName sets space and local from a qualified name.
func (s *wmlScanner) setName(name []byte) {
	prefix := ""
	local := name
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		prefix, local = s.intern(name[:i]), name[i+1:]
	}
	s.space = s.ns[prefix]
	s.local = local
	if s.kind == wmlEnd && len(s.stack) == 0 {
		s.rootDone = true
	}
}

func (s *wmlScanner) intern(b []byte) string {
	if v, ok := s.names[string(b)]; ok {
		return v
	}
	v := string(b)
	s.names[v] = v
	return v
}

// declare records the xmlns declarations among attrs (document-wide: a
// WordprocessingML part declares its prefixes once, on the root).
func (s *wmlScanner) declare(attrs []byte) {
	for len(attrs) > 0 {
		k, v, rest, ok := nextAttr(attrs)
		if !ok {
			return
		}
		attrs = rest
		switch {
		case bytes.Equal(k, []byte("xmlns")):
			s.ns[""] = string(v)
		case bytes.HasPrefix(k, []byte("xmlns:")):
			s.ns[string(k[6:])] = string(v)
		}
	}
}

// attr returns the decoded value of the current start tag's attribute
// with the given local name (any prefix), "" if it has none.
func (s *wmlScanner) attr(local string) string {
	attrs := s.attrs
	for len(attrs) > 0 {
		k, v, rest, ok := nextAttr(attrs)
		if !ok {
			return ""
		}
		attrs = rest
		if i := bytes.IndexByte(k, ':'); i >= 0 {
			k = k[i+1:]
		}
		if string(k) == local {
			d, err := decodeEntities(nil, v)
			if err != nil {
				return ""
			}
			return string(d)
		}
	}
	return ""
}

// nextAttr splits the first key="value" off attrs.
func nextAttr(attrs []byte) (key, val, rest []byte, ok bool) {
	attrs = bytes.TrimLeft(attrs, " \t\r\n")
	eq := bytes.IndexByte(attrs, '=')
	if eq <= 0 {
		return nil, nil, nil, false
	}
	key = bytes.TrimSpace(attrs[:eq])
	r := bytes.TrimLeft(attrs[eq+1:], " \t\r\n")
	if len(r) == 0 || (r[0] != '"' && r[0] != '\'') {
		return nil, nil, nil, false
	}
	q := r[0]
	end := bytes.IndexByte(r[1:], q)
	if end < 0 {
		return nil, nil, nil, false
	}
	return key, r[1 : 1+end], r[2+end:], true
}

// decodeEntities appends raw with the five XML entities and character
// references decoded to dst.
func decodeEntities(dst, raw []byte) ([]byte, error) {
	for {
		i := bytes.IndexByte(raw, '&')
		if i < 0 {
			return append(dst, raw...), nil
		}
		dst = append(dst, raw[:i]...)
		raw = raw[i:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 || semi > 12 {
			return nil, errors.New("an '&' that starts no entity")
		}
		ent := raw[1:semi]
		raw = raw[semi+1:]
		switch string(ent) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			if len(ent) < 2 || ent[0] != '#' {
				return nil, fmt.Errorf("unknown entity &%s;", ent)
			}
			var n uint64
			var err error
			if ent[1] == 'x' || ent[1] == 'X' {
				n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
			} else {
				n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
			}
			if err != nil || !utf8.ValidRune(rune(n)) {
				return nil, fmt.Errorf("bad character reference &%s;", ent)
			}
			dst = utf8.AppendRune(dst, rune(n))
		}
	}
}
