package suggest

import "testing"

// TestRecognisers runs each named recogniser on the first number of a text
// and checks whether it fires and what it covers.
func TestRecognisers(t *testing.T) {
	byName := map[string]func(d *doc, j, lim int) (figure, bool){}
	for _, r := range notQuantityRecognisers {
		byName[r.name] = r.read
	}
	tests := []struct {
		name, lang, text string
		fires            bool
		span             string // text covered when it fires
	}{
		{"clock time", "en", "at 18:42 local time", true, "18:42"},
		{"clock time", "en", "by 9 a.m. on Monday", true, "9 a.m."},
		{"clock time", "de", "um 18 Uhr", true, "18 Uhr"},
		{"clock time", "fr", "à 9h30 ce matin", true, "9h30"},
		{"clock time", "es", "A las 7 de la mañana", true, "7"},
		{"clock time", "en", "7 people died", false, ""},
		{"ordinal", "en", "the 22nd time", true, "22nd"},
		{"ordinal", "fr", "le 1er mai", true, "1er"},
		{"ordinal", "pt", "o 1º lugar", true, "1º"},
		{"ordinal", "en", "22 times", false, ""},
		{"decade", "en", "in the 1990s", true, "1990s"},
		{"decade", "en", "in ’91 he ran", true, "’91"},
		{"decade", "en", "91 people", false, ""},
		{"math or version", "en", "a total of 10^5 lists", true, "10"},
		{"math or version", "en", "a size of 2^15 - 1 bytes", true, "2"},
		{"math or version", "en", "= 30,000,000 lists", false, ""},
		{"math or version", "it", "circa 2-4°C", false, ""},
		{"math or version", "en", "as of 1.8.3, the packets", true, "1.8.3"},
		{"math or version", "en", "the 0x08 packet", true, "0x08"},
		{"math or version", "en", "5km away", false, ""},
		{"math or version", "en", "a 2.5bn deal", false, ""},
		{"note reference", "fr", "de l'intestin (1), de la", true, "1)"},
		{"note reference", "en", "(120 people)", false, ""},
		{"identifier", "en", "the Su-35 jet", true, "35"},
		{"identifier", "en", "under Article 5 of", true, "5"},
		{"identifier", "en", "a Boeing 737 crashed", true, "737"},
		{"identifier", "en", "after 9/11 the", true, "9/11"},
		{"identifier", "es", "el decreto 115 otorga", true, "115"},
		{"identifier", "en", "reported it to Mojang 2 years ago", false, ""},
		{"identifier", "en", "told the General Assembly 18 months ago", false, ""},
		{"score", "en", "the court voted 7-2 to", true, "7-2"},
		{"score", "en", "aged 7-12 years", false, ""},
		{"phone", "en", "call 555-0142-88 now", true, "555-0142-88"},
		{"date", "en", "on Jan. 5 the", true, "Jan. 5"},
		{"date", "en", "on Nov, 29, 2016 the", true, "Nov, 29, 2016"},
		{"date", "en", "on 3, 4 and 12 November", true, "3, 4 and 12 November"},
		{"date", "es", "El 16 de abril pasado", true, "16 de abril"},
		{"date", "pt", "as manifestações de 1º de Maio", true, "1º de Maio"},
		{"date", "de", "Am 5. Februar ist", true, "5. Februar"},
		{"date", "it", "oggi, mercoledì 19 febbraio, il", true, "mercoledì 19"},
		{"date", "es", "El martes 3, Montecon", true, "martes 3"},
		{"date", "en", "5 soldiers died", false, ""},
		{"year", "en", "since 2014 the", true, "2014"},
		{"year", "en", "in the 2014-15 season", true, "2014-15"},
		{"year", "en", "1500 troops crossed", false, ""},
		{"year", "de", "bis 2030 im ganzen Land", true, "2030"},
	}
	for _, tc := range tests {
		d := newDocIn(tc.text, lexiconFor(tc.lang))
		j := -1
		for i, tk := range d.toks {
			if tk.kind == tNum {
				j = i
				break
			}
		}
		if j < 0 {
			t.Fatalf("%s: no number in %q", tc.name, tc.text)
		}
		read, ok := byName[tc.name]
		if !ok {
			t.Fatalf("no recogniser named %q", tc.name)
		}
		f, fired := read(d, j, d.paras[0].b)
		if fired != tc.fires {
			t.Errorf("%s on %q: fired %v, want %v", tc.name, tc.text, fired, tc.fires)
			continue
		}
		if fired {
			if got := d.text(f.a, f.b); got != tc.span {
				t.Errorf("%s on %q: covers %q, want %q", tc.name, tc.text, got, tc.span)
			}
		}
	}
}

// TestNumberFormats reads numbers written the way each language writes them.
func TestNumberFormats(t *testing.T) {
	tests := []struct {
		lang, text string
		want       float64
	}{
		{"en", "1,234.5", 1234.5},
		{"en", "40,000", 40000},
		{"de", "40.000", 40000},
		{"de", "1,3", 1.3},
		{"fr", "2 209", 2209},
		{"fr", "2\u00a0209,5", 2209.5},
		{"es", "180.000", 180000},
		{"it", "28,9", 28.9},
		{"pt", "1.234.567,89", 1234567.89},
		{"de", "2014", 2014},
	}
	for _, tc := range tests {
		d := newDocIn(tc.text, lexiconFor(tc.lang))
		if len(d.toks) != 1 || d.toks[0].kind != tNum {
			t.Errorf("%s %q: tokens %v, want one number", tc.lang, tc.text, d.toks)
			continue
		}
		if v, ok := d.numValue(d.toks[0].text); !ok || v != tc.want {
			t.Errorf("%s %q = %g, want %g", tc.lang, tc.text, v, tc.want)
		}
	}
}
