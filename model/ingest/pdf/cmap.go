package pdf

import (
	"unicode/utf16"
)

// codeRange is a code space range of a CMap: codes of n bytes from lo to hi.
type codeRange struct {
	lo, hi uint32
	n      int
}

// uniRange maps the codes lo..hi to consecutive text starting at dst
// (bfrange with a string), or to one string each (bfrange with an array).
type uniRange struct {
	lo, hi uint32
	dst    []uint16 // UTF-16 of lo's text; the last unit is incremented
	each   []string // when the range maps to an array
}

// cidRange maps the codes lo..hi to CIDs cid, cid+1, …
type cidRange struct {
	lo, hi uint32
	cid    uint32
}

// cmap is what Clipper needs of a CMap (ISO 32000-1 §9.7.5, §9.10.3): its
// code space, for splitting strings into codes, and its mappings from
// codes to Unicode text (ToUnicode) or to CIDs (an embedded encoding).
type cmap struct {
	space  []codeRange
	chars  map[uint32]string
	ranges []uniRange
	cids   []cidRange
	cidOne map[uint32]uint32
}

// parseCMap reads a CMap stream. It never fails: what it cannot read is
// left out.
func parseCMap(data []byte) *cmap {
	m := &cmap{chars: map[uint32]string{}, cidOne: map[uint32]uint32{}}
	l := &lexer{b: data}
	var stack []operand
	for {
		v, op, ok := l.next()
		if !ok {
			break
		}
		if op == nil {
			stack = append(stack, v)
			if len(stack) > 1<<16 { // garbage
				stack = stack[:0]
			}
			continue
		}
		switch string(op) {
		case "begincodespacerange", "beginbfchar", "beginbfrange", "begincidrange", "begincidchar":
			stack = stack[:0]
			continue
		case "endcodespacerange":
			for i := 0; i+1 < len(stack); i += 2 {
				lo, hi := stack[i], stack[i+1]
				if lo.kind == kString && hi.kind == kString && len(lo.str) == len(hi.str) && len(lo.str) >= 1 && len(lo.str) <= 4 {
					m.space = append(m.space, codeRange{code(lo.str), code(hi.str), len(lo.str)})
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(stack); i += 2 {
				src, dst := stack[i], stack[i+1]
				if src.kind != kString || len(src.str) > 4 {
					continue
				}
				switch dst.kind {
				case kString:
					m.chars[code(src.str)] = utf16Text(dst.str)
				case kName:
					m.chars[code(src.str)] = glyphText(string(dst.str))
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(stack); i += 3 {
				lo, hi, dst := stack[i], stack[i+1], stack[i+2]
				if lo.kind != kString || hi.kind != kString || len(lo.str) > 4 || len(hi.str) > 4 {
					continue
				}
				r := uniRange{lo: code(lo.str), hi: code(hi.str)}
				if r.hi < r.lo {
					continue
				}
				switch dst.kind {
				case kString:
					r.dst = utf16Units(dst.str)
					if len(r.dst) == 0 {
						continue
					}
				case kArray:
					for _, e := range dst.arr {
						if e.kind == kString {
							r.each = append(r.each, utf16Text(e.str))
						} else {
							r.each = append(r.each, "")
						}
					}
				default:
					continue
				}
				m.ranges = append(m.ranges, r)
			}
		case "endcidrange":
			for i := 0; i+2 < len(stack); i += 3 {
				lo, hi, cid := stack[i], stack[i+1], stack[i+2]
				if lo.kind == kString && hi.kind == kString && cid.kind == kNum && len(lo.str) <= 4 && len(hi.str) <= 4 {
					m.cids = append(m.cids, cidRange{code(lo.str), code(hi.str), uint32(cid.num)})
				}
			}
		case "endcidchar":
			for i := 0; i+1 < len(stack); i += 2 {
				src, cid := stack[i], stack[i+1]
				if src.kind == kString && cid.kind == kNum && len(src.str) <= 4 {
					m.cidOne[code(src.str)] = uint32(cid.num)
				}
			}
		}
		stack = stack[:0]
	}
	return m
}

// code reads a big-endian code of up to four bytes.
func code(b []byte) uint32 {
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c
}

func utf16Units(b []byte) []uint16 {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	if len(b)%2 == 1 { // a single byte: take it as a code point
		u = append(u, uint16(b[len(b)-1]))
	}
	return u
}

func utf16Text(b []byte) string {
	return string(utf16.Decode(utf16Units(b)))
}

// text returns the Unicode text of code c and whether the CMap has it.
func (m *cmap) text(c uint32) (string, bool) {
	if s, ok := m.chars[c]; ok {
		return s, true
	}
	for i := range m.ranges {
		r := &m.ranges[i]
		if c < r.lo || c > r.hi {
			continue
		}
		off := c - r.lo
		if r.each != nil {
			if int(off) < len(r.each) {
				return r.each[off], true
			}
			return "", false
		}
		u := append([]uint16(nil), r.dst...)
		u[len(u)-1] += uint16(off)
		return string(utf16.Decode(u)), true
	}
	return "", false
}

// cid returns the CID of code c under an embedded encoding CMap.
func (m *cmap) cid(c uint32) uint32 {
	if v, ok := m.cidOne[c]; ok {
		return v
	}
	for _, r := range m.cids {
		if c >= r.lo && c <= r.hi {
			return r.cid + (c - r.lo)
		}
	}
	return c
}

// codeLen returns the length of the code starting at s under the code
// space: the shortest range that matches, else def bytes.
func (m *cmap) codeLen(s []byte, def int) int {
	for n := 1; n <= 4 && n <= len(s); n++ {
		c := code(s[:n])
		for _, r := range m.space {
			if r.n == n && c >= r.lo && c <= r.hi {
				return n
			}
		}
	}
	return min(def, len(s))
}
