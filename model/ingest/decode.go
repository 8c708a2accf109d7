package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// decode turns a text file's bytes into a string. It follows a BOM (UTF-8,
// UTF-16 LE/BE, UTF-32 LE/BE), recognises BOM-less UTF-16 of mostly Latin
// text, refuses binary data, and accepts valid UTF-8 as is. Bytes that are
// not valid UTF-8 are decoded as Windows-1252 with a warning, unless they
// are not plausibly Windows-1252 (bytes it leaves undefined, or words made
// entirely of accented letters, the mark of Cyrillic or Greek code pages):
// then it returns ErrEncoding rather than store mojibake.
func decode(data []byte) (string, []string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		return decodeWide(data, utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM), "UTF-32")
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return decodeWide(data, utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM), "UTF-32")
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWide(data, xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), "UTF-16")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWide(data, xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), "UTF-16")
	}
	if e := guessUTF16(data); e != nil {
		s, warns, err := decodeWide(data, e, "UTF-16")
		if err == nil {
			warns = append(warns, "the file is UTF-16 without a byte-order mark; decoded it as UTF-16")
		}
		return s, warns, err
	}
	if err := checkControlBytes(data); err != nil {
		return "", nil, err
	}
	if utf8.Valid(data) {
		return string(data), nil, nil
	}
	return decodeLegacy(data)
}

// decodeWide decodes UTF-16 or UTF-32 and refuses the result if more than
// 1% of it could not be decoded or it is binary.
func decodeWide(data []byte, e encoding.Encoding, name string) (string, []string, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", nil, fmt.Errorf("%w: cannot decode %s: %v", ErrEncoding, name, err)
	}
	s := string(out)
	bad := strings.Count(s, "\uFFFD")
	n := utf8.RuneCountInString(s)
	if bad > 0 && bad*100 > n {
		return "", nil, fmt.Errorf("%w: %d of %d characters are not valid %s", ErrEncoding, bad, n, name)
	}
	if err := checkControlRunes(s); err != nil {
		return "", nil, err
	}
	var warns []string
	if bad > 0 {
		warns = append(warns, fmt.Sprintf("%d invalid %s character(s) replaced by U+FFFD", bad, name))
	}
	return s, warns, nil
}

// checkControlRunes is checkControlBytes for text decoded from UTF-16/32.
func checkControlRunes(s string) error {
	n, ctl := 0, 0
	for _, r := range s {
		if n == sniffWindow {
			break
		}
		n++
		if r == 0 {
			return fmt.Errorf("%w: it contains NUL characters", ErrBinary)
		}
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' {
			ctl++
		}
	}
	if n > 0 && ctl*10 > n {
		return fmt.Errorf("%w: %d%% of its first characters are control codes", ErrBinary, ctl*100/n)
	}
	return nil
}

// guessUTF16 recognises BOM-less UTF-16 by its zero bytes: in mostly Latin
// text every other byte is 0. It returns nil when data does not look so.
func guessUTF16(data []byte) encoding.Encoding {
	head := data[:min(len(data), 4096)&^1]
	if len(head) < 4 {
		return nil
	}
	var zeroEven, zeroOdd int
	for i := 0; i < len(head); i += 2 {
		if head[i] == 0 {
			zeroEven++
		}
		if head[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := len(head) / 2
	switch {
	case zeroOdd*10 >= pairs*7 && zeroEven*20 < pairs:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case zeroEven*10 >= pairs*7 && zeroOdd*20 < pairs:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	}
	return nil
}

// decodeLegacy decodes bytes that are not valid UTF-8. Without any valid
// multi-byte UTF-8 sequence the whole file is taken as Windows-1252; with
// some, the file mixes encodings and only the invalid bytes are decoded as
// Windows-1252. Either way the caller gets a warning.
func decodeLegacy(data []byte) (string, []string, error) {
	var multi, invalid, undefined int
	var firstUndef byte
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
			if charmap.Windows1252.DecodeByte(data[i]) == utf8.RuneError {
				if undefined == 0 {
					firstUndef = data[i]
				}
				undefined++
			}
			i++
			continue
		}
		multi++
		i += size
	}
	if undefined > 3 || undefined*100 > invalid {
		return "", nil, fmt.Errorf("%w: it is not UTF-8, and %d byte(s) such as 0x%02X are not Windows-1252 either; save it as UTF-8 and import it again",
			ErrEncoding, undefined, firstUndef)
	}
	var b strings.Builder
	b.Grow(len(data) + invalid*2)
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if multi > 0 && !(r == utf8.RuneError && size == 1) {
			b.WriteString(string(data[i : i+size]))
			i += size
			continue
		}
		if r := charmap.Windows1252.DecodeByte(c); r != utf8.RuneError {
			b.WriteRune(r)
		}
		i++
	}
	s := b.String()
	var warns []string
	if multi > 0 {
		warns = append(warns, fmt.Sprintf("the file mixes UTF-8 with another encoding: decoded %d byte(s) that are not UTF-8 as Windows-1252; check accented letters and quotation marks", invalid))
	} else {
		if foreignLetters(s) {
			return "", nil, fmt.Errorf("%w: it is not UTF-8 and does not read as Windows-1252 (it may use a Cyrillic, Greek or East Asian code page); save it as UTF-8 and import it again", ErrEncoding)
		}
		warns = append(warns, "the file is not UTF-8: decoded it as Windows-1252 (Western European); check accented letters and quotation marks")
	}
	if undefined > 0 {
		warns = append(warns, fmt.Sprintf("removed %d byte(s) that mean nothing in Windows-1252", undefined))
	}
	return s, warns, nil
}

// foreignLetters reports whether text decoded as Windows-1252 is most
// likely another single-byte code page: in Western European languages
// accented letters are scattered, so if at least 30% of the words holding
// one have four or more of them in a row, the decoding is wrong.
func foreignLetters(s string) bool {
	var words, runs, run int
	hasAccent := false
	end := func() {
		if hasAccent {
			words++
		}
		hasAccent = false
		run = 0
	}
	longRun := false
	for _, r := range s {
		if !unicode.IsLetter(r) {
			if longRun {
				runs++
			}
			longRun = false
			end()
			continue
		}
		if r < utf8.RuneSelf {
			run = 0
			continue
		}
		hasAccent = true
		run++
		if run >= 4 {
			longRun = true
		}
	}
	if longRun {
		runs++
	}
	end()
	return words >= 5 && runs*10 >= words*3
}
