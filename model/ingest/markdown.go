package ingest

import (
	"regexp"
	"strings"

	"clipper/model"
)

var (
	atxRe       = regexp.MustCompile(`^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$`)
	setextRe    = regexp.MustCompile(`^ {0,3}(=+|-+)\s*$`)
	hrRe        = regexp.MustCompile(`^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$`)
	refDefRe    = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*\S+`)
	mdItemRe    = regexp.MustCompile(`^\s*(?:[-*+]|(\d{1,9}[.)]))\s+(.*)$`)
	fenceRe     = regexp.MustCompile("^ {0,3}(```|~~~)")
	escapeRe    = regexp.MustCompile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>~|])")
	imageRe     = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	linkRe      = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	refLinkRe   = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	autolinkRe  = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	codeRe      = regexp.MustCompile("`+([^`]+?)`+")
	strongRe    = regexp.MustCompile(`\*\*(\S(?:[^*]*?\S)?)\*\*`)
	emRe        = regexp.MustCompile(`\*(\S(?:[^*]*?\S)?)\*`)
	underRe     = regexp.MustCompile(`(^|[^\p{L}\p{N}_])__?(\S(?:[^_]*?\S)?)__?($|[^\p{L}\p{N}_])`)
	strikeRe    = regexp.MustCompile(`~~(\S(?:.*?\S)?)~~`)
	emphOnlyRe  = regexp.MustCompile(`^(?:\*[^*]+\*|\*\*[^*]+\*\*|_[^_]+_|__[^_]+__)$`)
	inlineTagRe = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->`)
)

// mdBlock is a block of a Markdown document: a heading (level 1–6) or a
// paragraph or list item (level 0), as plain text.
type mdBlock struct {
	level int
	text  string
	emph  bool // the whole paragraph is emphasised: "*…*"
}

// parseMarkdown strips Markdown to plain text and reads it with the text
// layout. YAML front matter (title, author(s), date, publication/source,
// url, subtitle/deck, credit) gives metadata and wins over what the text
// says; without a title, a leading "# " heading is the headline, and a "## "
// heading or a wholly emphasised paragraph right after it the deck.
func parseMarkdown(text string) (model.Metadata, string) {
	fm, rest := splitFrontMatter(strings.TrimPrefix(text, "\ufeff"))
	blocks := mdBlocks(rest)
	var h hints
	h.headline = fm.Headline
	h.deck = fm.Deck
	if len(blocks) > 0 && blocks[0].level == 1 {
		if h.headline == "" || strings.EqualFold(normField(blocks[0].text), h.headline) {
			h.headline = normField(blocks[0].text)
			blocks = blocks[1:]
			if len(blocks) > 0 && (blocks[0].level == 2 || blocks[0].emph) && h.deck == "" {
				h.deck = normField(blocks[0].text)
				blocks = blocks[1:]
			}
		}
	}
	var b strings.Builder
	for _, bl := range blocks {
		b.WriteString(bl.text)
		b.WriteString("\n\n")
	}
	meta, body := parseLayout(b.String(), h)
	if fm.Publication != "" {
		meta.Publication = fm.Publication
	}
	if len(fm.Authors) > 0 {
		meta.Authors = fm.Authors
	}
	if fm.Credit != "" {
		meta.Credit = fm.Credit
	}
	if fm.Date != "" {
		meta.Date = fm.Date
	}
	if fm.URL != "" {
		meta.URL = fm.URL
	}
	return meta, body
}

// splitFrontMatter separates YAML front matter ("---" … "---" or "...") from
// the document and reads the keys Clipper knows. Only flat "key: value"
// pairs, "[a, b]" lists and "- item" lists are understood.
func splitFrontMatter(text string) (model.Metadata, string) {
	var m model.Metadata
	lines := strings.Split(text, "\n")
	if len(lines) < 2 || strings.TrimRight(lines[0], " \r") != "---" {
		return m, text
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if l := strings.TrimRight(lines[i], " \r"); l == "---" || l == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return m, text
	}
	var key string
	values := map[string][]string{}
	for _, l := range lines[1:end] {
		l = strings.TrimRight(l, " \r")
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "- ") && key != "" && l != t {
			values[key] = append(values[key], unquote(strings.TrimSpace(t[2:])))
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "#") {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		if strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") {
			for _, e := range strings.Split(v[1:len(v)-1], ",") {
				if e = unquote(strings.TrimSpace(e)); e != "" {
					values[key] = append(values[key], e)
				}
			}
		} else if v != "" {
			values[key] = append(values[key], unquote(v))
		}
	}
	get := func(keys ...string) string {
		for _, k := range keys {
			if v := values[k]; len(v) > 0 {
				return normField(v[0])
			}
		}
		return ""
	}
	m.Headline = get("title", "headline")
	m.Deck = get("subtitle", "deck", "dek", "description", "summary")
	for _, k := range []string{"authors", "author", "by", "byline"} {
		for _, v := range values[k] {
			for _, a := range splitAuthors(normField(v)) {
				m.Authors = append(m.Authors, a)
			}
		}
		if len(m.Authors) > 0 {
			break
		}
	}
	m.Credit = get("credit")
	m.Date = parseDate(get("date", "published", "pubdate", "publish_date", "published_at", "date_published"))
	for _, k := range []string{"url", "link", "canonical", "canonical_url", "source_url", "permalink", "source"} {
		if u := get(k); okURL(u) {
			m.URL = u
			break
		}
	}
	for _, k := range []string{"publication", "source", "publisher", "outlet", "newspaper", "site"} {
		if p := get(k); p != "" && !okURL(p) {
			m.Publication = p
			break
		}
	}
	return m, strings.Join(lines[end+1:], "\n")
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}

// mdBlocks splits Markdown into headings, paragraphs and list items, with
// inline markup removed. Lines of a paragraph are joined with spaces, as
// Markdown renders them; fenced code keeps one block per line.
func mdBlocks(text string) []mdBlock {
	var out []mdBlock
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			raw := strings.Join(cur, " ")
			if t := stripInline(raw); t != "" {
				out = append(out, mdBlock{text: t, emph: emphOnlyRe.MatchString(raw)})
			}
		}
		cur = nil
	}
	fence := ""
	for _, l := range strings.Split(cleanChars(text), "\n") {
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(l), fence) {
				fence = ""
				continue
			}
			if t := strings.TrimSpace(l); t != "" {
				out = append(out, mdBlock{text: t})
			}
			continue
		}
		if m := fenceRe.FindStringSubmatch(l); m != nil {
			flush()
			fence = m[1]
			continue
		}
		l = stripQuoteMarkers(l)
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
		case setextRe.MatchString(l) && len(cur) > 0:
			level := 2
			if strings.HasPrefix(t, "=") {
				level = 1
			}
			if h := stripInline(strings.Join(cur, " ")); h != "" {
				out = append(out, mdBlock{level: level, text: h})
			}
			cur = nil
		case hrRe.MatchString(l):
			flush()
		case refDefRe.MatchString(l):
		default:
			if m := atxRe.FindStringSubmatch(l); m != nil {
				flush()
				if h := stripInline(m[2]); h != "" {
					out = append(out, mdBlock{level: len(m[1]), text: h})
				}
				continue
			}
			if m := mdItemRe.FindStringSubmatch(l); m != nil {
				flush()
				cur = append(cur, strings.TrimSpace(m[1]+" "+m[2])) // keep an ordered list's number
				continue
			}
			cur = append(cur, t)
		}
	}
	flush()
	return out
}

// escapes protect backslash-escaped punctuation from inline stripping.
var (
	escapeChars = "\\`*_{}[]()#+-.!>~|"
	escapeBase  = rune(0xE000)
)

// stripInline removes inline Markdown: images, links (keeping their text),
// code spans, emphasis, strike-through, inline HTML and escapes.
func stripInline(s string) string {
	s = escapeRe.ReplaceAllStringFunc(s, func(m string) string {
		return string(escapeBase + rune(strings.IndexByte(escapeChars, m[1])))
	})
	s = imageRe.ReplaceAllString(s, "")
	s = linkRe.ReplaceAllString(s, "$1")
	s = refLinkRe.ReplaceAllString(s, "$1")
	s = autolinkRe.ReplaceAllString(s, "$1")
	s = codeRe.ReplaceAllString(s, "$1")
	s = strongRe.ReplaceAllString(s, "$1")
	s = emRe.ReplaceAllString(s, "$1")
	s = underRe.ReplaceAllString(s, "$1$2$3")
	s = strikeRe.ReplaceAllString(s, "$1")
	s = inlineTagRe.ReplaceAllString(s, "")
	s = strings.Map(func(r rune) rune {
		if r >= escapeBase && r < escapeBase+rune(len(escapeChars)) {
			return rune(escapeChars[r-escapeBase])
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// stripQuoteMarkers removes the blockquote markers ("> > ") that open a
// line.
func stripQuoteMarkers(l string) string {
	for {
		t := strings.TrimLeft(l, " ")
		if len(l)-len(t) > 3 || !strings.HasPrefix(t, ">") {
			return l
		}
		l = strings.TrimPrefix(t[1:], " ")
	}
}
