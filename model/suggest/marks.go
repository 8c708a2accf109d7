package suggest

import (
	"strings"
	"unicode"
)

// family groups quote marks that close each other.
type family uint8

const (
	famNone        family = iota
	famDouble             // “ ” „ ‟ "
	famSingle             // ‘ ’ ‚ ‛ '
	famAngle              // « »
	famAngleSingle        // ‹ ›
)

// markRole is what a mark can do where it stands.
type markRole uint8

const (
	roleOpen   markRole = iota + 1
	roleClose           // closes an open quote of its family
	roleEither          // a straight mark between spaces: closes if one is open
	rolePoss            // s’ + space: a plural possessive unless it is the only closer
)

type mark struct {
	tok  int // token index
	fam  family
	role markRole
}

// quoted is a top-level stretch between quote marks: from the opening mark
// to the closing mark, both included (e exclusive). A quote that runs over
// several paragraphs is one stretch; an unclosed one ends with its paragraph.
type quoted struct {
	s, e     int // rune span
	a, b     int // token span [a,b): a is the opening mark, b-1 the closing mark
	fam      family
	paras    int  // paragraphs spanned
	unclosed bool // no closing mark: ends at the end of its paragraph
}

var elisions = words(`em til tis twas cause n bout cos round`)

func openCtx(r []rune, i int) bool {
	if i == 0 {
		return true
	}
	p := r[i-1]
	return unicode.IsSpace(p) || strings.ContainsRune("([{—–-/‘“«‹„‚\"'", p)
}

func closeCtx(r []rune, i int) bool {
	if i+1 >= len(r) {
		return true
	}
	n := r[i+1]
	return unicode.IsSpace(n) || strings.ContainsRune(".,;:!?)]}—–-/…’”»›\"'", n)
}

// apostropheAt reports whether the single mark at i is an apostrophe:
// between letters (anyone’s), before a decade (’90s), an elision (’em) or
// after a digit before a letter (2019’s).
func apostropheAt(r []rune, i int) bool {
	prevLetter := i > 0 && isLetter(r[i-1])
	nextLetter := i+1 < len(r) && isLetter(r[i+1])
	if prevLetter && nextLetter {
		return true
	}
	if i > 0 && isDigit(r[i-1]) && nextLetter {
		return true
	}
	if i+3 < len(r) && isDigit(r[i+1]) && isDigit(r[i+2]) && r[i+3] == 's' {
		return true
	}
	if nextLetter && openCtx(r, i) {
		j := i + 1
		for j < len(r) && isLetter(r[j]) {
			j++
		}
		if elisions.has(strings.ToLower(string(r[i+1 : j]))) {
			return true
		}
	}
	return false
}

// classifyMark returns the family and role of the quote mark at rune i, or
// famNone when the rune is not acting as a quote mark there.
func classifyMark(r []rune, i int) (family, markRole) {
	oc, cc := openCtx(r, i), closeCtx(r, i)
	switch r[i] {
	case '“', '‟':
		if !oc && cc {
			return famDouble, roleClose // German „…“ or a mis-curled closer
		}
		return famDouble, roleOpen
	case '”':
		if oc && !cc {
			return famDouble, roleOpen
		}
		return famDouble, roleClose
	case '„':
		return famDouble, roleOpen
	case '"':
		return famDouble, straightRole(oc, cc)
	case '«':
		if !oc && cc {
			return famAngle, roleClose
		}
		return famAngle, roleOpen
	case '»':
		if oc && !cc {
			return famAngle, roleOpen
		}
		return famAngle, roleClose
	case '‹':
		if !oc && cc {
			return famAngleSingle, roleClose
		}
		return famAngleSingle, roleOpen
	case '›':
		if oc && !cc {
			return famAngleSingle, roleOpen
		}
		return famAngleSingle, roleClose
	case '‚':
		return famSingle, roleOpen
	case '‘', '‛':
		if apostropheAt(r, i) {
			return famNone, 0
		}
		if !oc && cc {
			return famSingle, roleClose
		}
		return famSingle, roleOpen
	case '’', '\'':
		if apostropheAt(r, i) {
			return famNone, 0
		}
		if i > 0 && (r[i-1] == 's' || r[i-1] == 'S') && cc {
			return famSingle, rolePoss
		}
		role := straightRole(oc, cc)
		if role == 0 {
			return famNone, 0
		}
		return famSingle, role
	}
	return famNone, 0
}

func straightRole(oc, cc bool) markRole {
	switch {
	case oc && !cc:
		return roleOpen
	case cc && !oc:
		return roleClose
	case oc && cc:
		return roleEither
	}
	return 0
}

// findQuotes pairs the quote marks of the document with a stack, carrying
// an open quote into the next paragraph only when that paragraph reopens it.
func (d *doc) findQuotes() {
	var marks []mark
	singles, doubles := 0, 0
	for i, t := range d.toks {
		if t.kind != tPunct {
			continue
		}
		fam, role := classifyMark(d.r, t.s)
		if fam == famNone {
			continue
		}
		marks = append(marks, mark{tok: i, fam: fam, role: role})
		if role == roleOpen {
			switch fam {
			case famSingle:
				singles++
			case famDouble:
				doubles++
			}
		}
	}
	singleStyle := singles > doubles

	type open struct {
		tok  int
		fam  family
		para int
	}
	var stack []open
	k := 0
	for p := range d.paras {
		var ms []mark
		for k < len(marks) && d.toks[marks[k].tok].para == p {
			ms = append(ms, marks[k])
			k++
		}
		start := 0
		if len(stack) > 0 {
			start = 1 // the reopening mark of a continued quote
		}
		// nextSingle[j] is the role of the next single-family mark after j
		// (0 when none): a plural possessive s’ closes the open quote only
		// when no later mark could close it first.
		nextSingle := make([]markRole, len(ms))
		var next markRole
		for j := len(ms) - 1; j >= 0; j-- {
			nextSingle[j] = next
			if ms[j].fam == famSingle {
				next = ms[j].role
			}
		}
		hasOpen := func(f family) int {
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].fam == f {
					return i
				}
			}
			return -1
		}
		closeAt := func(i int, m mark) {
			if i == 0 {
				o := stack[0]
				d.quotes = append(d.quotes, quoted{
					s: d.toks[o.tok].s, e: d.toks[m.tok].e, a: o.tok, b: m.tok + 1,
					fam: o.fam, paras: p - o.para + 1,
				})
			}
			stack = stack[:i]
		}
		for j := start; j < len(ms); j++ {
			m := ms[j]
			switch m.role {
			case roleOpen:
				stack = append(stack, open{m.tok, m.fam, p})
			case roleClose:
				if i := hasOpen(m.fam); i >= 0 {
					closeAt(i, m)
				}
			case roleEither:
				if i := hasOpen(m.fam); i >= 0 {
					closeAt(i, m)
				} else {
					stack = append(stack, open{m.tok, m.fam, p})
				}
			case rolePoss:
				if i := hasOpen(famSingle); i >= 0 && (nextSingle[j] == 0 || nextSingle[j] == roleOpen) {
					closeAt(i, m)
				}
			}
		}
		if len(stack) == 0 {
			continue
		}
		bottom := stack[0]
		if p+1 < len(d.paras) && d.reopens(p+1, bottom.fam) {
			stack = stack[:1]
			continue
		}
		if bottom.fam != famSingle || singleStyle {
			end := d.paras[p].b
			d.quotes = append(d.quotes, quoted{
				s: d.toks[bottom.tok].s, e: d.toks[end-1].e, a: bottom.tok, b: end,
				fam: bottom.fam, paras: p - bottom.para + 1, unclosed: true,
			})
		}
		stack = stack[:0]
	}
	for qi, q := range d.quotes {
		for i := q.a; i < q.b; i++ {
			d.toks[i].quote = qi
		}
	}
}

// reopens reports whether paragraph p starts with an opening mark of fam.
func (d *doc) reopens(p int, fam family) bool {
	t := d.toks[d.paras[p].a]
	if t.kind != tPunct {
		return false
	}
	f, role := classifyMark(d.r, t.s)
	return f == fam && (role == roleOpen || role == roleEither)
}
