package web

import (
	"regexp"
	"strings"
	"unicode"
)

// clutterRe matches a whole short line that is page furniture rather than
// article text, in the languages of the pages Clipper meets: links to more
// stories, share and follow prompts, advert labels, slideshow counters.
var clutterRe = regexp.MustCompile(`(?i)^(?:` +
	// "Read more", "Related: …", "More on this story", "[Read: …]"
	`\[?(?:read|see|watch|listen)(?: (?:more|also|next|this|the full story|more about this))?\s*[:›»>|-].*` +
	`|(?:read|see|view|show|load) (?:more|all|full)(?: (?:stories|articles|news|coverage|photos|videos|comments|from|about|on|at|in|here)\b.{0,80})?` +
	`|read more` +
	`|related(?: (?:articles?|stories|links|content|coverage|videos?|news|reading|topics))?\s*[:›»].{0,120}|related (?:articles?|stories|links|content|coverage|videos?|news|reading|topics)` +
	`|more (?:on|about|from) (?:this|the)? ?(?:story|topic|subject|series)\b.{0,80}` +
	`|(?:most (?:read|popular|viewed|shared|emailed)|trending(?: now)?|top stories|recommended(?: for you)?|editor'?s picks|you (?:may|might) (?:also )?like.*)` +
	`|view (?:this )?(?:image|photo|gallery|slideshow|video)\b.{0,40}` +
	`|(?:share|tweet|email|print|pin)(?: (?:this(?: article| story| page| post)?|on (?:facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|email|bluesky)|via (?:email|whatsapp)|the story|article|story|page))?` +
	`|(?:follow|like) us on .{0,60}` +
	`|(?:sign up|subscribe) (?:for|to|now|today|here)\b.{0,100}|sign up|subscribe` +
	`|continue reading.{0,60}|story continues(?: below)?.{0,40}|article continues below.{0,40}` +
	`|advertisement|sponsored(?: content)?|ad|skip (?:ad|advert)` +
	`|(?:photo|image|slide)s? \d+ (?:of|/) \d+|\d+ (?:of|/) \d+|\d+ ?/ ?\d+ (?:photos?|images?|slides?)` +
	`|(?:next|previous|prev)(?: (?:slide|image|photo|article|story|page))?\s*[›»>]?` +
	`|(?:back to top|top of page|jump to comments|comments?(?: \(\d+\))?|\d+ comments?|leave a comment|add a comment)` +
	`|(?:getty images|shutterstock|ap photo|reuters|afp)` +
	`|(?:follow|seguir|folgen|suivre|segui|volgen)(?: (?:us|this author|author|autor|auteur))?` +
	`|(?:report an error|reportar error|fehler melden|signaler une erreur|segnala(?: un)? errore|reportar erro)\b.{0,40}` +
	// Spanish, Portuguese
	`|(?:lee|leer|leé|lea|mira|ver) (?:más|también|además)\b.{0,120}|seguí leyendo|sigue leyendo|te puede interesar.{0,120}|noticias relacionadas|publicidad|compartir.{0,40}|(?:leia|veja|confira) (?:mais|também)\b.{0,120}|saiba mais.{0,120}` +
	// French
	`|(?:à )?lire (?:aussi|également|la suite)\b.{0,120}|voir aussi.{0,120}|sur le même sujet.{0,120}|publicité|partager.{0,40}` +
	// Italian
	`|leggi (?:anche|tutto|di più)\b.{0,120}|pubblicità|condividi.{0,40}` +
	// German
	`|(?:lesen sie (?:auch|mehr|hier)|mehr zu(?:m| diesem) thema|mehr dazu|weiterlesen|zum thema|auch interessant|alle meldungen)\b.{0,120}|anzeige|werbung|teilen.{0,40}` +
	`)[.!]?$`)

// isClutter reports whether a paragraph is furniture: a short line that
// clutterRe matches, a line of two letters or none (an avatar's initials,
// an icon's label), or a row of links separated by bars ("News | Sport |
// Culture").
func isClutter(s string) bool {
	letters, digits := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		} else if unicode.IsDigit(r) {
			digits++
		}
	}
	if letters+digits == 0 || digits == 0 && letters <= 2 {
		return true
	}
	if len(s) > 200 {
		return false
	}
	if isLinkRow(s) || isLabel(s) {
		return true
	}
	return clutterRe.MatchString(strings.TrimSpace(s))
}

// isLabel reports a short line that points on or labels rather than
// says: "More in Opinion ›", "Biz & IT —".
func isLabel(s string) bool {
	s = strings.TrimSpace(s)
	words := len(strings.Fields(s))
	switch {
	case words <= 8 && (strings.HasSuffix(s, "›") || strings.HasSuffix(s, "»") || strings.HasSuffix(s, " >")):
		return true
	case words <= 4 && (strings.HasSuffix(s, " —") || strings.HasSuffix(s, " –") || strings.HasSuffix(s, " |")):
		return true
	}
	return false
}

// isLinkRow reports a line of three or more short items separated by "|".
func isLinkRow(s string) bool {
	items := strings.Split(s, "|")
	if len(items) < 3 {
		return false
	}
	for _, it := range items {
		if n := len(strings.Fields(it)); n == 0 || n > 4 {
			return false
		}
	}
	return true
}

// dropClutter removes furniture paragraphs (see isClutter), the links
// listed under a clutter heading ("Read more:", "Mehr zu diesem Thema:"),
// and a run of link-only paragraphs ending the article (related stories).
func dropClutter(pars []para) []para {
	kept := make([]para, 0, len(pars))
	underHeading := false
	for _, p := range pars {
		if isClutter(p.text) {
			t := strings.TrimSpace(p.text)
			underHeading = strings.HasSuffix(t, ":") || len(t) <= 200 && clutterRe.MatchString(t)
			continue
		}
		if underHeading && p.link {
			continue
		}
		underHeading = false
		kept = append(kept, p)
	}
	for len(kept) > 1 && kept[len(kept)-1].link && len(strings.Fields(kept[len(kept)-1].text)) <= 20 {
		kept = kept[:len(kept)-1]
	}
	return kept
}

// sameText is s reduced to lower-case letters and digits, for spotting a
// quotation the article repeats.
func sameText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dropRepeats removes a paragraph that repeats text the article has
// elsewhere: a pull-quote (a quotation box whose words stand in another
// paragraph) or a paragraph of eight words or more seen before.
func dropRepeats(pars []para) []string {
	keys := make([]string, len(pars))
	for i, p := range pars {
		keys[i] = sameText(p.text)
	}
	seen := map[string]bool{}
	var out []string
	for i, p := range pars {
		k := keys[i]
		if k == "" {
			continue
		}
		long := len(strings.Fields(p.text)) >= 8 || len(k) >= 40
		if long && seen[k] {
			continue
		}
		if p.quote && long && containedElsewhere(keys, i) {
			continue
		}
		seen[k] = true
		out = append(out, p.text)
	}
	return out
}

// containedElsewhere reports whether keys[i] stands inside another,
// longer paragraph.
func containedElsewhere(keys []string, i int) bool {
	for j, k := range keys {
		if j != i && len(k) > len(keys[i]) && strings.Contains(k, keys[i]) {
			return true
		}
	}
	return false
}
