package oldexport

import (
	"bufio"
	"strings"
)

// xmlWriter writes indented XML to a buffered writer. Texts and attribute
// values are cleaned of characters XML 1.0 forbids and escaped; write errors
// stick in the bufio.Writer and surface at Flush.
type xmlWriter struct {
	w     *bufio.Writer
	depth int
}

// attr is an XML attribute; attrs with an empty value are left out unless
// keep is set.
type attr struct {
	name, value string
	keep        bool
}

// req is an attribute written even when its value is empty.
func req(name, value string) attr { return attr{name: name, value: value, keep: true} }

// opt is an attribute left out when its value is empty.
func opt(name, value string) attr { return attr{name: name, value: value} }

func (x *xmlWriter) indent() {
	_ = x.w.WriteByte('\n')
	for range x.depth {
		_, _ = x.w.WriteString("  ")
	}
}

func (x *xmlWriter) tag(name string, attrs []attr, selfClose bool) {
	x.indent()
	_ = x.w.WriteByte('<')
	_, _ = x.w.WriteString(name)
	for _, a := range attrs {
		if a.value == "" && !a.keep {
			continue
		}
		_ = x.w.WriteByte(' ')
		_, _ = x.w.WriteString(a.name)
		_, _ = x.w.WriteString(`="`)
		x.escape(cleanLine(a.value), true)
		_ = x.w.WriteByte('"')
	}
	if selfClose {
		_, _ = x.w.WriteString("/>")
		return
	}
	_ = x.w.WriteByte('>')
	x.depth++
}

// open starts element name.
func (x *xmlWriter) open(name string, attrs ...attr) { x.tag(name, attrs, false) }

// empty writes a self-closed element.
func (x *xmlWriter) empty(name string, attrs ...attr) { x.tag(name, attrs, true) }

// close ends element name.
func (x *xmlWriter) close(name string) {
	x.depth--
	x.indent()
	_, _ = x.w.WriteString("</")
	_, _ = x.w.WriteString(name)
	_ = x.w.WriteByte('>')
}

// text writes <name>text</name>, keeping line breaks and tabs of text.
func (x *xmlWriter) text(name, text string) {
	x.indent()
	_ = x.w.WriteByte('<')
	_, _ = x.w.WriteString(name)
	_ = x.w.WriteByte('>')
	x.escape(cleanText(text), false)
	_, _ = x.w.WriteString("</")
	_, _ = x.w.WriteString(name)
	_ = x.w.WriteByte('>')
}

// escape writes s with XML's special characters as entities; in attribute
// values tabs and line breaks are escaped too so parsers keep them.
func (x *xmlWriter) escape(s string, inAttr bool) {
	special := "&<>"
	if inAttr {
		special = "&<>\"\t\n"
	}
	for {
		i := strings.IndexAny(s, special)
		if i < 0 {
			_, _ = x.w.WriteString(s)
			return
		}
		_, _ = x.w.WriteString(s[:i])
		switch s[i] {
		case '&':
			_, _ = x.w.WriteString("&amp;")
		case '<':
			_, _ = x.w.WriteString("&lt;")
		case '>':
			_, _ = x.w.WriteString("&gt;")
		case '"':
			_, _ = x.w.WriteString("&quot;")
		case '\t':
			_, _ = x.w.WriteString("&#9;")
		case '\n':
			_, _ = x.w.WriteString("&#10;")
		}
		s = s[i+1:]
	}
}
