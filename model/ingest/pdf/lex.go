package pdf

import (
	"bytes"
	"strconv"
)

// opKind is the type of a content-stream operand.
type opKind uint8

const (
	kNum opKind = iota
	kName
	kString // literal or hex string, unescaped bytes
	kArray
	kDict // skipped: only its presence matters (marked-content properties, inline image parameters)
	kOther
)

// operand is one value on the content-stream operand stack.
type operand struct {
	kind opKind
	num  float64
	str  []byte    // kName (without the slash) and kString
	arr  []operand // kArray
}

// lexer tokenises a content stream (ISO 32000-1 §7.2, §8.9.7 for inline
// images). It never fails: malformed input ends the stream or is skipped.
type lexer struct {
	b   []byte
	pos int
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace moves past white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isWhite(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// next reads one token. An operand is returned with op == nil; an
// operator as op; ok is false at the end of the stream.
func (l *lexer) next() (v operand, op []byte, ok bool) {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return v, nil, false
	}
	c := l.b[l.pos]
	switch {
	case c == '/':
		l.pos++
		return operand{kind: kName, str: l.name()}, nil, true
	case c == '(':
		l.pos++
		return operand{kind: kString, str: l.literal()}, nil, true
	case c == '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			return operand{kind: kDict, str: l.skipDict()}, nil, true
		}
		l.pos++
		return operand{kind: kString, str: l.hex()}, nil, true
	case c == '[':
		l.pos++
		var arr []operand
		for {
			l.skipSpace()
			if l.pos >= len(l.b) {
				return operand{kind: kArray, arr: arr}, nil, true
			}
			if l.b[l.pos] == ']' {
				l.pos++
				return operand{kind: kArray, arr: arr}, nil, true
			}
			e, eop, ok := l.next()
			if !ok {
				return operand{kind: kArray, arr: arr}, nil, true
			}
			if eop != nil { // an operator inside an array: malformed, drop it
				continue
			}
			arr = append(arr, e)
		}
	case c == ']' || c == ')' || c == '>' || c == '{' || c == '}':
		l.pos++
		return operand{kind: kOther}, nil, true
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		start := l.pos
		l.pos++
		for l.pos < len(l.b) {
			c := l.b[l.pos]
			if (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' {
				l.pos++
				continue
			}
			break
		}
		return operand{kind: kNum, num: parseNum(l.b[start:l.pos])}, nil, true
	}
	start := l.pos
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	if l.pos == start { // a stray delimiter
		l.pos++
		return operand{kind: kOther}, nil, true
	}
	word := l.b[start:l.pos]
	switch string(word) {
	case "true", "false", "null":
		return operand{kind: kOther}, nil, true
	}
	return v, word, true
}

// parseNum reads a PDF number leniently ("--5", "5." and ".5" happen).
func parseNum(b []byte) float64 {
	for len(b) > 1 && (b[0] == '-' || b[0] == '+') && (b[1] == '-' || b[1] == '+') {
		b = b[1:]
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		// keep the longest prefix that parses
		for n := len(b) - 1; n > 0; n-- {
			if f, err = strconv.ParseFloat(string(b[:n]), 64); err == nil {
				return f
			}
		}
		return 0
	}
	return f
}

// name reads a name after its slash, decoding #xx escapes.
func (l *lexer) name() []byte {
	start := l.pos
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	n := l.b[start:l.pos]
	if bytes.IndexByte(n, '#') < 0 {
		return n
	}
	out := make([]byte, 0, len(n))
	for i := 0; i < len(n); i++ {
		if n[i] == '#' && i+2 < len(n) {
			if v, err := strconv.ParseUint(string(n[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, n[i])
	}
	return out
}

// literal reads a literal string after its opening parenthesis.
func (l *lexer) literal() []byte {
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		case '\\':
			if l.pos >= len(l.b) {
				return out
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// hex reads a hex string after its "<".
func (l *lexer) hex() []byte {
	var out []byte
	var hi byte
	half := false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		var v byte
		switch {
		case c == '>':
			if half {
				out = append(out, hi<<4)
			}
			return out
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return out
}

// skipDict moves past a dictionary whose "<<" was read, nested ones
// included, and returns the string value of its ActualText key, if any
// (marked-content properties, ISO 32000-1 §14.9.4).
func (l *lexer) skipDict() (actual []byte) {
	depth := 1
	wantActual := false
	for l.pos < len(l.b) {
		l.skipSpace()
		if l.pos >= len(l.b) {
			return
		}
		switch {
		case bytes.HasPrefix(l.b[l.pos:], []byte("<<")):
			depth++
			l.pos += 2
		case bytes.HasPrefix(l.b[l.pos:], []byte(">>")):
			depth--
			l.pos += 2
			if depth == 0 {
				return actual
			}
		case l.b[l.pos] == '(':
			l.pos++
			if s := l.literal(); wantActual && depth == 1 {
				actual = s
			}
		case l.b[l.pos] == '<':
			l.pos++
			if s := l.hex(); wantActual && depth == 1 {
				actual = s
			}
		case l.b[l.pos] == '/':
			l.pos++
			wantActual = string(l.name()) == "ActualText"
			continue
		default:
			l.pos++
		}
		wantActual = false
	}
	return actual
}

// skipInlineImage moves past an inline image's data after its ID operator:
// to the first "EI" that stands alone between white space.
func (l *lexer) skipInlineImage() {
	if l.pos < len(l.b) && isWhite(l.b[l.pos]) {
		l.pos++
	}
	for i := l.pos; i+1 < len(l.b); i++ {
		if l.b[i] == 'E' && l.b[i+1] == 'I' && (i == 0 || isWhite(l.b[i-1])) && (i+2 == len(l.b) || isWhite(l.b[i+2])) {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(l.b)
}
