// Package lang guesses the language of a news text from its most frequent
// function words. It knows English, French, German, Spanish, Italian,
// Portuguese and Dutch, and says "" rather than guess when the text is too
// short, in another script, or evenly split between languages.
package lang

import (
	"strings"
	"unicode"
)

// Codes lists the ISO 639-1 codes Detect can return.
var Codes = []string{"en", "fr", "de", "es", "it", "pt", "nl"}

// stopwords are each language's commonest function words. A word listed
// for several languages counts for each of them, divided among them.
var stopwords = map[string]string{
	"en": `the and of to in is that it was for on with as are be by this have from at not but they
		which he she his her said were has had will would an or been who their its than about
		after also more into when there what what's one you we`,
	"fr": `le la les des du de et est une un que qui dans pour pas sur au aux avec ce cette il elle
		sont ont été par plus ne se son sa ses leur nous vous mais où comme tout être fait aussi
		selon entre sans très dont même`,
	"de": `der die das und ist nicht den dem des ein eine einer eines mit sich auf für von zu im
		auch es sie er wird wurde sind hat haben bei nach aus wie dass oder noch nur kann soll
		sei zum zur werden diese dieser über vor`,
	"es": `el la los las de del y que en un una es por con para se su sus al lo como más pero fue
		ha han son está este esta muy también sobre entre según cuando sin hasta desde hay le`,
	"it": `il la lo gli le di del della dei delle degli e che è un una per con non si sono da nel
		nella al alla anche come più ma ha hanno questo questa essere stato dalla alle sul sulla`,
	"pt": `o a os as de do da dos das e que em um uma é para com não se no na nos nas por ao mais
		mas foi são como seu sua também ele ela pelo pela entre sobre já está`,
	"nl": `de het een en van in is dat op te zijn voor met niet aan er die ook als bij door om maar
		wordt werd heeft hebben naar uit over dan nog`,
}

type weight struct {
	lang string
	w    float64
}

// table maps each stopword to the languages it counts for.
var table = func() map[string][]weight {
	langs := map[string][]string{}
	for code, list := range stopwords {
		for _, w := range strings.Fields(list) {
			langs[w] = append(langs[w], code)
		}
	}
	t := map[string][]weight{}
	for w, codes := range langs {
		for _, c := range codes {
			t[w] = append(t[w], weight{c, 1 / float64(len(codes))})
		}
	}
	return t
}()

// minEvidence is the least stopword weight the winner needs, and margin how
// far ahead of the runner-up it must be.
const (
	minEvidence = 4
	margin      = 1.4
	maxWords    = 3000 // enough to decide; long texts are not read to the end
)

// Detect returns the ISO 639-1 code of text's language, or "" when unsure.
func Detect(text string) string {
	score := map[string]float64{}
	n := 0
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		n++
		if n > maxWords {
			break
		}
		for _, wt := range table[strings.ToLower(w)] {
			score[wt.lang] += wt.w
		}
	}
	best, second := "", 0.0
	for _, c := range Codes {
		if best == "" || score[c] > score[best] {
			if best != "" {
				second = max(second, score[best])
			}
			best = c
		} else {
			second = max(second, score[c])
		}
	}
	if score[best] < minEvidence || score[best] < margin*second {
		return ""
	}
	return best
}
