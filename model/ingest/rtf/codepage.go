package rtf

import (
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// codePages maps Windows code page numbers (\ansicpgN, \cpgN) to decoders.
var codePages = map[int]encoding.Encoding{
	437: charmap.CodePage437, 850: charmap.CodePage850, 852: charmap.CodePage852,
	855: charmap.CodePage855, 860: charmap.CodePage860, 862: charmap.CodePage862,
	863: charmap.CodePage863, 865: charmap.CodePage865, 866: charmap.CodePage866,
	874: charmap.Windows874, 1250: charmap.Windows1250, 1251: charmap.Windows1251,
	1252: charmap.Windows1252, 1253: charmap.Windows1253, 1254: charmap.Windows1254,
	1255: charmap.Windows1255, 1256: charmap.Windows1256, 1257: charmap.Windows1257,
	1258: charmap.Windows1258, 10000: charmap.Macintosh, 10007: charmap.MacintoshCyrillic,
	20866: charmap.KOI8R, 28591: charmap.ISO8859_1, 28592: charmap.ISO8859_2,
	28595: charmap.ISO8859_5, 28597: charmap.ISO8859_7, 28605: charmap.ISO8859_15,
	932: japanese.ShiftJIS, 936: simplifiedchinese.GBK, 949: korean.EUCKR,
	950: traditionalchinese.Big5,
}

// charsetCodePages maps \fcharsetN values to the code page they imply;
// 0 (ANSI), 1 (default) and 2 (symbol) use the document's code page.
var charsetCodePages = map[int]int{
	77: 10000, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254,
	163: 1258, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250,
	254: 437, 255: 850,
}

// decodeBytes decodes bytes written in code page cp; unknown code pages are
// read as Windows-1252, and 65001 as UTF-8.
func decodeBytes(cp int, b []byte) string {
	if cp == 65001 {
		return string(b) // invalid sequences become U+FFFD when the text is used
	}
	e, ok := codePages[cp]
	if !ok {
		e = charmap.Windows1252
	}
	if cm, ok := e.(*charmap.Charmap); ok {
		out := make([]byte, 0, len(b)*2)
		for _, c := range b {
			if r := cm.DecodeByte(c); r != utf8.RuneError {
				out = utf8.AppendRune(out, r)
			}
		}
		return string(out)
	}
	s, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return ""
	}
	return string(s)
}
