package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// intlTruth is what a page of corpus/web-intl says, read off the page by
// hand (the folder comes with no reference extraction).
type intlTruth struct {
	headline, pub, date, lang string
	authors                   []string // checked when not nil
	minWords                  int      // the article is longer than this
	first                     string   // the body starts so
	absent                    []string // furniture and metadata lines the body must not hold
}

var intlTruths = map[string]intlTruth{
	"clarin.com-albertofernandez.html": {"Aumenta la ofensiva K sobre Alberto Fernández: Cristina Kirchner puso en duda la legitimidad de su gestión",
		"Clarín", "2022-05-03", "es", []string{"Federico Mayol"}, 1000, `"No soy el dueño del Gobierno`, []string{"\n\nDS\n\n"}},
	"correiobraziliense.com.br-poderes.html": {"Pacheco e Fux tentam uma trégua institucional entre os Poderes",
		"Correio Braziliense", "2022-05-04", "pt", []string{"Luana Patriolino", "Raphael Felice"}, 800, "Em busca de uma solução", []string{"postado em", "Luana Patriolino", "crédito:"}},
	"elpais.com.uy-gobierno.html": {"Gobierno acusa a Montecon de aliarse con el sindicato y fomentar conflicto portuario",
		"Diario EL PAIS Uruguay", "2022-05-10", "es", []string{"Eduardo Barreneche"}, 1100, "", []string{"SEGUIR", "Reportar error", "Archivo El País"}},
	"lanacion.com.ar-jugada.html": {"Jugada del oficialismo para evitar que JxC avance con la boleta única en Diputados",
		"La Nación", "2022-05-04", "es", []string{}, 400, "El oficialismo de la Cámara de Diputados avanzó", []string{"Seguí leyendo", "Un plenario de comisiones dictaminó"}},
	"lapresse.tn.parite.html": {"Parité hommes-femmes en Tunisie : Au-dessous de la moyenne mondiale",
		"La Presse de Tunisie", "2020-02-18", "fr", []string{"Chokri GHARBI"}, 450, "Malgré les acquis", nil},
	"lastampa.it.temperature.html": {"Perturbazione polare al Centro e al Sud. Il Nord, scavalcato, mantiene temperature alte",
		"La Stampa", "2020-02-19", "it", nil, 380, "Una perturbazione di origine polare", nil},
	"madame.lefigaro.fr.dintestin.html": {"Les clés pour donner les bonnes bactéries à son intestin et aller bien",
		"Madame Figaro", "2017-04-12", "fr", []string{"Ophélie Ostermann"}, 900, "Souvenez-vous.", []string{"Photo iStock"}},
	"spiegel.de.albtraum.html": {"Ein Albtraum", "SPIEGEL ONLINE", "2018-12-22", "de", nil, 2200, "Der Reporter Claas Relotius", []string{"Jetzt Abo sichern", "Alle Rechte vorbehalten"}},
	"sports.fr.lorient.html":   {"Lorient vs Olympique Lyonnais", "Sports.fr", "", "fr", nil, 1000, "96'Fin du match", []string{"Rafraichir"}},
	"sueddeutsche.de.flixtrain.html": {"Flixbus attackiert Deutsche Bahn", "Süddeutsche.de", "2019-05-15", "de", []string{"Markus Balser"}, 500,
		"Bahn-Konkurrenten wie Flixbus", []string{"Von Markus Balser", "Christian Charisius"}},
	"tagesschau.de.rheinmetall.html": {"Daten von Rheinmetall gehackt - Interne Unterlagen im Netz", "tagesschau.de", "2020-04-29", "de",
		[]string{"Volkmar Kabisch", "Jan Lukas Strozyk", "Benedikt Strunz"}, 750, "Der Rüstungskonzern Rheinmetall",
		[]string{"Von Volkmar", "Mehr zu diesem Thema", "Alle Meldungen", "Nachrichtenatlas", "21:38 Uhr"}},
	"taz.de.siemens.html": {"Siemens und die Kohlemine Adani: Kaeser verarscht Neubauer", "taz.de", "2020-01-13", "de", []string{"Ingo Arzt"}, 600, "", []string{"Soeren Stache"}},
}

func TestWebIntl(t *testing.T) {
	root := corpusDir(t, "web-intl")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		truth, ok := intlTruths[name]
		if !ok {
			t.Errorf("%s: no expectations for this page; add it to intlTruths", name)
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := Parse(name, data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if c.Headline != truth.headline || !sameSite(c.Publication, truth.pub) || c.Date != truth.date || c.Language != truth.lang {
			t.Errorf("%s: headline %q publication %q date %q language %q", name, c.Headline, c.Publication, c.Date, c.Language)
		}
		if truth.authors != nil && !(len(truth.authors) == 0 && len(c.Authors) == 0) && !reflect.DeepEqual(c.Authors, truth.authors) {
			t.Errorf("%s: authors %q, want %q", name, c.Authors, truth.authors)
		}
		if n := len(strings.Fields(c.Body)); n < truth.minWords {
			t.Errorf("%s: %d words, want over %d", name, n, truth.minWords)
		}
		if !strings.HasPrefix(c.Body, truth.first) {
			t.Errorf("%s: body starts %.80q, want %q", name, c.Body, truth.first)
		}
		body := "\n\n" + c.Body + "\n\n"
		for _, bad := range truth.absent {
			if strings.Contains(body, bad) {
				t.Errorf("%s: body holds %q", name, bad)
			}
		}
		for _, p := range strings.Split(c.Body, "\n\n") {
			if furnitureLineRe.MatchString(p) {
				t.Errorf("%s: furniture in the body: %q", name, p)
			}
		}
	}
}
