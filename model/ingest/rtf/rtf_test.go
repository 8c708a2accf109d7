package rtf

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func texts(ps []Paragraph) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text
	}
	return out
}

func TestReadText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"paragraphs", `{\rtf1\ansi First one.\par Second\par\par}`, []string{"First one.", "Second"}},
		{"line break", `{\rtf1 one\line two\par}`, []string{"one\ntwo"}},
		{"tab", `{\rtf1 a\tab b}`, []string{"a\tb"}},
		{"escapes", `{\rtf1 a \{b\} c\\d}`, []string{`a {b} c\d`}},
		{"source line breaks are not text", "{\\rtf1 one\r\ntwo\ncontinued}", []string{"onetwocontinued"}},
		{"backslash newline is a paragraph", "{\\rtf1 one\\\ntwo}", []string{"one", "two"}},
		{"ansi code page", `{\rtf1\ansi\ansicpg1252 caf\'e9 \'93q\'94}`, []string{"café “q”"}},
		{"cyrillic code page", `{\rtf1\ansi\ansicpg1251 \'cf\'f0\'e8\'e2\'e5\'f2}`, []string{"Привет"}},
		{"font charset", `{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}{\f1\fcharset204 Arial Cyr;}}\f1\'e0\f0\'e0}`, []string{"аà"}},
		{"font code page", `{\rtf1\ansi{\fonttbl{\f2\cpg1253 Greek;}}\f2\'e1}`, []string{"α"}},
		{"shift-jis double bytes", `{\rtf1\ansi\ansicpg932 \'82\'a0\'82\'a2}`, []string{"あい"}},
		{"mac roman", `{\rtf1\mac \'8e}`, []string{"é"}},
		{"unicode with fallback", `{\rtf1\uc1 \u8364?uro \u-4064?}`, []string{"€uro \uf020"}},
		{"unicode two fallback chars", `{\rtf1\uc2 x\u8212\'97\'97y}`, []string{"x—y"}},
		{"unicode zero fallback", `{\rtf1\uc0 \u252 ber}`, []string{"über"}},
		{"uc is scoped", `{\rtf1{\uc2 \u252 xx}\u252 ?a}`, []string{"üüa"}},
		{"surrogate pair", `{\rtf1 \u-10179?\u-8704?}`, []string{"😀"}},
		{"raw utf-8", "{\\rtf1 h\xc3\xa4lt}", []string{"hält"}},
		{"raw bytes in the code page", "{\\rtf1\\ansi\\ansicpg1252 h\xe4lt}", []string{"hält"}},
		{"special characters", `{\rtf1 a\emdash b\endash c\lquote d\rquote \ldblquote e\rdblquote\~f\bullet}`, []string{"a—b–c‘d’“e”\u00a0f•"}},
		{"optional hyphen dropped", `{\rtf1 hy\-phen non\_breaking}`, []string{"hyphen non\u2011breaking"}},
		{"destinations skipped", `{\rtf1\ansi{\fonttbl{\f0\fswiss Helvetica;}}{\colortbl;\red0\green0\blue0;}` +
			`{\stylesheet{\s0 Normal;}}{\info{\title T}{\author A}}{\*\generator Gen}{\header Head}{\footer Foot}` +
			`{\*\listtable{\list x}}{\pict\pngblip 89504e47}Body{\*\unknown hidden}\par}`, []string{"Body"}},
		{"field result kept, instruction skipped", `{\rtf1 see {\field{\*\fldinst HYPERLINK "http://x"}{\fldrslt link}} here}`, []string{"see link here"}},
		{"hidden text", `{\rtf1 shown {\v hidden}and\v  gone\v0  back}`, []string{"shown and back"}},
		{"binary data", "{\\rtf1 a{\\pict\\bin5 \x00{}\\x}b}", []string{"ab"}},
		{"table", `{\rtf1\trowd\cellx100\cellx200 \intbl Die Presse\cell 17.03.2013\cell\row\pard After\par}`, []string{"Die Presse\t17.03.2013", "After"}},
		{"page and section breaks", `{\rtf1 a\page b\sect c}`, []string{"a", "b", "c"}},
		{"cut short", `{\rtf1 unfinished {\b group`, []string{"unfinished group"}},
		{"text after the document", `{\rtf1 in}out`, []string{"in"}},
		{"leading BOM and space", "\xef\xbb\xbf\r\n{\\rtf1 ok}", []string{"ok"}},
		{"broken hex escape dropped", `{\rtf1 a\'zzb}`, []string{"ab"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := Read([]byte(tt.in))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got := texts(ps); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReadProperties(t *testing.T) {
	in := `{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}` +
		`{\stylesheet{\s0\fs24 Normal;}{\s1\b\fs36 heading 1;}{\*\cs10 Default Paragraph Font;}{\s2 Title;}}` +
		`\pard\s2\fs48\b Big Title\b0\par` +
		`\pard\s1\b Heading\par` +
		`\pard\plain Body text with {\b one} bold word.\par` +
		`\pard\plain\fs20 {\b all bold} {\b here}\par` +
		`\pard\s7 unnamed style\par}`
	ps, err := Read([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Paragraph{
		{Text: "Big Title", Bold: true, Size: 24, Style: "Title"},
		{Text: "Heading", Bold: true, Size: 24, Style: "heading 1"},
		{Text: "Body text with one bold word.", Bold: false, Size: 12, Style: "Normal"},
		{Text: "all bold here", Bold: true, Size: 10, Style: "Normal"},
		{Text: "unnamed style", Bold: false, Size: 10, Style: ""},
	}
	if !reflect.DeepEqual(ps, want) {
		t.Errorf("got\n%+v\nwant\n%+v", ps, want)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"plain text", "just text", ErrNotRTF},
		{"empty", "", ErrNotRTF},
		{"html", "<html>{\\rtf1}</html>", ErrNotRTF},
		{"nested too deep", `{\rtf1 ` + strings.Repeat("{", maxDepth+1), ErrMalformed},
		{"bin past the end", `{\rtf1 \bin999 abc}`, ErrMalformed},
		{"control word too long", `{\rtf1 \` + strings.Repeat("a", 40) + ` x}`, ErrMalformed},
		{"huge number", `{\rtf1 \fs12345678901 x}`, ErrMalformed},
		{"binary garbage", "{\\rtf1 " + strings.Repeat("\x01\x02\x03\x04", 100) + "}", ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := Read([]byte(tt.in))
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %q, %v; want %v", texts(ps), err, tt.want)
			}
		})
	}
}

func TestReadTooLarge(t *testing.T) {
	chunk := strings.Repeat("abcdefghij", 1<<16) // 640 KiB
	var b strings.Builder
	b.WriteString(`{\rtf1 `)
	for b.Len() < MaxText+len(chunk) {
		b.WriteString(chunk)
		b.WriteString(`\par `)
	}
	b.WriteString("}")
	if _, err := Read([]byte(b.String())); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", `{\rtf1 a\par b\line c\par}`, "a\n\nb\nc"},
		{"blocks separated by empty paragraphs", `{\rtf1 1 of 2 DOCUMENTS\par\par Paper\par May 1, 2020\par\par\par Title\par\par Body line one\par line two\par}`,
			"1 of 2 DOCUMENTS\n\nPaper\nMay 1, 2020\n\nTitle\n\nBody line one\nline two"},
		{"a few empty paragraphs are not a layout", `{\rtf1 a\par b\par c\par d\par e\par f\par\par g\par}`, "a\n\nb\n\nc\n\nd\n\ne\n\nf\n\ng"},
	}
	for _, tt := range tests {
		ps, err := Read([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := Text(ps); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	ps, _ := Read([]byte(`{\rtf1\par\par a\par\par b\par c}`))
	var blank []bool
	for _, p := range ps {
		blank = append(blank, p.AfterBlank)
	}
	if !reflect.DeepEqual(blank, []bool{false, true, false}) {
		t.Errorf("AfterBlank %v", blank)
	}
}
