package ingest

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"clipper/model"
	"clipper/model/ingest/archive"
)

// The import never loses text silently: after a file is read, the words
// of its visible text are compared with the words it kept — article
// bodies, metadata and details, the records of articles reported with a
// problem, and the parts a splitter declared left out (a cover page). A
// line of the file is lost when most of its words are found nowhere in
// what was kept; lines under lostLineWords words (labels, numbers, date
// lines) are not judged, as a reader rewrites them into fields.

// lostLineWords is the fewest words a line needs to be judged.
const lostLineWords = 8

// eachWord calls fn with every word of s in lower case: runs of letters,
// digits and marks; format characters (soft hyphen, zero-width space)
// inside a word are skipped. The slice is only valid during the call.
func eachWord(s string, fn func([]byte)) {
	var buf [64]byte
	w := buf[:0]
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				w = append(w, c)
			case c >= 'A' && c <= 'Z':
				w = append(w, c+'a'-'A')
			default:
				if len(w) > 0 {
					fn(w)
					w = w[:0]
				}
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			w = utf8.AppendRune(w, unicode.ToLower(r))
		case unicode.Is(unicode.Cf, r):
		default:
			if len(w) > 0 {
				fn(w)
				w = w[:0]
			}
		}
	}
	if len(w) > 0 {
		fn(w)
	}
}

// wordHash is the FNV-1a hash of a word; words are compared by hash
// (a collision among a file's words is vanishingly rare and could only
// hide a loss, never invent one).
func wordHash(w []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range w {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// seqHash extends the hash of a word sequence by one word.
func seqHash(h, w uint64) uint64 { return (h^w)*1099511628211 + 0x9e3779b97f4a7c15 }

// kept is what a file kept: how often each word occurs, and (built only
// when a line looks lost) the word sequences of its fields, lines and
// paragraphs, so that a line repeating a field ("Title: …" under the
// title) counts as kept.
type kept struct {
	words  map[uint64]int32
	texts  []string // counted texts, for their lines and paragraphs
	fields []string // values remembered as sequences only
	seqs   map[uint64]struct{}
}

func newKept() *kept { return &kept{words: map[uint64]int32{}} }

// add counts the words of texts.
func (k *kept) add(texts ...string) {
	for _, t := range texts {
		if t == "" {
			continue
		}
		t = norm.NFC.String(t)
		k.texts = append(k.texts, t)
		eachWord(t, func(w []byte) { k.words[wordHash(w)]++ })
	}
}

// field remembers a metadata value as a word sequence without counting
// its words.
func (k *kept) field(values ...string) {
	k.fields = append(k.fields, values...)
}

// buildSeqs hashes the word sequence of every line and paragraph of the
// texts, and of every field.
func (k *kept) buildSeqs() {
	k.seqs = map[uint64]struct{}{}
	for _, t := range k.texts {
		var par uint64
		parWords := 0
		for len(t) > 0 {
			line := t
			if i := strings.IndexByte(t, '\n'); i >= 0 {
				line, t = t[:i], t[i+1:]
			} else {
				t = ""
			}
			var seq uint64
			n := 0
			eachWord(line, func(w []byte) {
				h := wordHash(w)
				seq = seqHash(seq, h)
				par = seqHash(par, h)
				n++
			})
			if n == 0 {
				if parWords > 0 {
					k.seqs[par] = struct{}{}
				}
				par, parWords = 0, 0
				continue
			}
			k.seqs[seq] = struct{}{}
			parWords += n
		}
		if parWords > 0 {
			k.seqs[par] = struct{}{}
		}
	}
	for _, v := range k.fields {
		var seq uint64
		n := 0
		eachWord(norm.NFC.String(v), func(w []byte) {
			seq = seqHash(seq, wordHash(w))
			n++
		})
		if n > 0 {
			k.seqs[seq] = struct{}{}
		}
	}
}

func (k *kept) addMeta(m model.Metadata) {
	k.add(m.Publication, m.Headline, m.Deck, m.Credit, m.Dateline, m.URL, m.Section, m.Page, m.SourceID)
	k.field(m.Headline + " " + m.Deck)
	k.add(m.Authors...)
	for _, c := range m.Captions {
		k.add(c.Credit, c.Text)
		k.field(c.Credit + " " + c.Text)
	}
	for _, d := range m.Details {
		k.add(d.Key, d.Value)
		k.field(d.Key + " " + d.Value)
	}
}

// repeats reports whether a line's words (as hashes), perhaps after a
// label of up to three words, are a field, line or paragraph that was
// kept.
func (k *kept) repeats(ws []uint64) bool {
	if k.seqs == nil {
		k.buildSeqs()
	}
	for skip := 0; skip <= 3 && skip < len(ws); skip++ {
		var seq uint64
		for _, w := range ws[skip:] {
			seq = seqHash(seq, w)
		}
		if _, ok := k.seqs[seq]; ok {
			return true
		}
	}
	return false
}

// lostText compares visible with kept and returns how many words of
// visible are in lines lost, how many such lines there are and the first.
// A line is lost when it repeats nothing kept and at least 60% of its
// words occur more often in the file than in what was kept.
func lostText(visible string, k *kept) (words, lines int, first string) {
	visible = norm.NFC.String(visible)
	deficit := map[uint64]int32{}
	eachWord(visible, func(w []byte) { deficit[wordHash(w)]++ })
	short := false
	for h, n := range deficit {
		if d := n - k.words[h]; d > 0 {
			deficit[h] = d
			short = true
		} else {
			delete(deficit, h)
		}
	}
	if !short {
		return 0, 0, ""
	}
	var ws []uint64
	for len(visible) > 0 {
		l := visible
		if i := strings.IndexByte(visible, '\n'); i >= 0 {
			l, visible = visible[:i], visible[i+1:]
		} else {
			visible = ""
		}
		ws = ws[:0]
		missing := 0
		eachWord(l, func(w []byte) {
			h := wordHash(w)
			if deficit[h] > 0 {
				missing++
			}
			ws = append(ws, h)
		})
		if len(ws) < lostLineWords || missing*10 < len(ws)*6 || k.repeats(ws) {
			continue
		}
		for _, h := range ws {
			if deficit[h] > 0 {
				deficit[h]--
			}
		}
		words += len(ws)
		lines++
		if first == "" {
			first = strings.TrimSpace(l)
		}
	}
	return words, lines, first
}

// lostWarning says what lostText found, "" when nothing was lost.
func lostWarning(words, lines int, first string) string {
	if words == 0 {
		return ""
	}
	if r := []rune(strings.Join(strings.Fields(first), " ")); len(r) > 80 {
		first = string(r[:80]) + "…"
	}
	return fmt.Sprintf("%d words of the file's text (%d lines) are in no article and not among the parts left out on purpose; the first: %q", words, lines, first)
}

// coverage checks a split file: bodies, metadata, the records of articles
// with a problem and the omitted parts against the visible text.
func coverage(doc *archive.Doc, p *Parsed, omitted []string, arts []archive.Article) []string {
	kept := newKept()
	for i, a := range arts {
		kept.addMeta(a.Metadata)
		switch {
		case a.Problem != "":
			kept.add(a.Record)
		case i < len(p.Articles) && p.Articles[i].Clipping != nil:
			kept.add(p.Articles[i].Clipping.Body)
		default:
			kept.add(a.Body)
		}
	}
	kept.add(omitted...)
	if w := lostWarning(lostText(doc.VisibleText(), kept)); w != "" {
		return []string{w}
	}
	return nil
}

// pageWords and pageShare: a web page of at least pageWords words whose
// body keeps less than 1/pageShare of them gets a warning.
const (
	pageWords = 2000
	pageShare = 10
)

// singleCoverage checks a single-article file. A text, Word or Markdown
// file is checked line by line like an export; a web page only for its
// share of the page's words, since navigation and page furniture are left
// out on purpose.
func singleCoverage(fd fileDoc, c *model.Clipping) []string {
	if fd.html {
		var vis, body int
		eachWord(fd.doc.VisibleText(), func([]byte) { vis++ })
		eachWord(c.Body, func([]byte) { body++ })
		if vis >= pageWords && body*pageShare < vis {
			return []string{fmt.Sprintf("the page has %d words of text, but only %d were taken as its article; if it is a news database's export, Clipper does not know its layout", vis, body)}
		}
		return nil
	}
	kept := newKept()
	kept.addMeta(c.Metadata)
	kept.add(c.Body)
	visible := fd.doc.VisibleText()
	if fd.format == formatMarkdown {
		visible = stripMarkdownMarks(visible)
	}
	if w := lostWarning(lostText(visible, kept)); w != "" {
		return []string{w}
	}
	return nil
}

// stripMarkdownMarks drops link targets from Markdown source, whose words
// are not part of the text a reader sees.
func stripMarkdownMarks(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "](")
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			break
		}
		b.WriteString(s[:i+1])
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}
