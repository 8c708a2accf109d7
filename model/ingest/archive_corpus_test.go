package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// archiveCorpus returns the folder of real database exports
// (../shared/corpus/archives beside the repository). Outside CI a missing
// corpus skips the test; with CI=true it fails.
func archiveCorpus(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "archives")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the corpus of real exports is missing (%v); CI must have ../shared/corpus", err)
		}
		t.Skipf("skipping: no corpus of real exports at %s (%v)", dir, err)
	}
	return dir
}

// wantArticle is what was checked by hand in the file for one article.
type wantArticle struct {
	n                        int
	headline, pub, date      string
	deck, author, section    string // checked when not ""
	page, sourceID, language string
	words                    int
	problem                  string // part of the problem, for an article that is not imported
}

// TestArchiveCorpus reads every export of the formats this package splits
// and checks the number of articles against what the file announces, and
// headline, publication and date (and more where given) of articles
// checked by hand against the file.
func TestArchiveCorpus(t *testing.T) {
	dir := archiveCorpus(t)
	tests := []struct {
		file      string
		format    string
		found     int
		announced int
		articles  []wantArticle
	}{
		{"nexis/koheiw_lexis_nyt1.docx", "Nexis Uni DOCX", 50, 50, []wantArticle{
			{n: 1, headline: "Canada Attacks U.S. Tariffs by Taking Case to World Trade Organization", pub: "The New York Times", date: "2018-01-10", author: "Ana Swanson", section: "US; politics", words: 1238},
			{n: 2, headline: "Canada Challenges U.S. Tariffs In Appeal to World Trade Body", pub: "The New York Times", date: "2018-01-11", page: "1"},
			{n: 3, headline: "China Tries to Clean Up Toxic Legacy of Its Rare Earth Riches", pub: "The New York Times", date: "2013-10-23", author: "Keith Bradsher"},
			{n: 4, headline: "Countries Fight Back Against Trump Trade Measures", pub: "The New York Times", date: "2018-02-10"},
			{n: 10, headline: "Does Free Trade Help or Hurt the Climate?", pub: "The New York Times", date: "2009-06-26", author: "James Kanter"},
			{n: 18, headline: "Advocates Gain Ground in a Globalized Era - Correction Appended", pub: "The New York Times", date: "", author: "Alan Cowell"},
			{n: 31, headline: "Excerpts From Platform Adopted by Republican National Convention", pub: "The New York Times", date: "1996-08-13"},
			{n: 43, headline: "Paid Notice: Deaths LUNDQUIST, JAMES HAROLD", pub: "The New York Times", date: "2014-02-19"},
			{n: 48, headline: "Chinese Pharmaceutical Company Gets Approval to Make Generic Viagra", pub: "The New York Times Blogs", date: "2014-09-10"},
			{n: 50, headline: "Talks Collapse on U.S. Efforts To Open Europe to Biotech Food - Correction Appended", pub: "The New York Times", date: "2003-06-20"},
		}},
		{"nexis/lnt_sample_nexisuni.DOCX", "Nexis Uni DOCX", 10, 10, []wantArticle{
			{n: 1, headline: "Lorem ipsum dolor sit amet", pub: "The Guardian(London)", date: "2019-07-01", section: "POLITICS", words: 355},
			{n: 7, headline: "Sample Headline", pub: "The Guardian(London)", date: "2019-07-03"},
			{n: 8, headline: "Lorem ipsum dolor sit amet, nec egestas blandit", pub: "The Guardian(London)", date: "2019-07-03", section: "SPORT"},
			{n: 9, headline: "R (programming language) on Wikipedia", pub: "The Guardian(London)", date: "2019-07-03", section: "Wikipedia"},
			{n: 10, headline: "What is Wikipedia", pub: "The Guardian(London)", date: "2019-07-02", author: "Tom Kibasi"},
		}},
		{"nexis/koheiw_lexis_guardian1.docx", "Nexis Uni DOCX", 2, 0, []wantArticle{
			{n: 1, headline: "Worried about immigration? Try living in a developing country", pub: "Guardian.com", date: "2014-05-30", author: "Jonathan Glennie", language: "en", words: 937},
			{n: 2, headline: "Wythenshawe byelection: Cameron denies a Ukip breakthrough", pub: "Guardian.com", date: "2014-02-14", author: "Rowena Mason"},
		}},
		{"nexis/lnt_sample_lexisnexis_classic.TXT", "LexisNexis TXT", 10, 10, []wantArticle{
			{n: 1, headline: "Lorem ipsum dolor sit amet", pub: "Guardian.com", date: "2010-01-11", author: "Andrew Sparrow", words: 355, language: "en"},
			{n: 2, headline: "Lorem ipsum dolor sit amet", pub: "Guardian", date: "2010-01-11", author: "Simon Tisdall"},
			{n: 3, headline: "Lorem ipsum dolor sit amet", pub: "The Sun (England)", date: "2010-01-11", section: "FEATURES", page: "6"},
			{n: 4, headline: "Lorem ipsum dolor sit amet, consectetur adipiscing elit", pub: "The Times (London)", date: "2010-01-11", page: "3"},
			{n: 5, headline: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Etiam lacinia elementum sapien?", deck: "eget aliquet ex finibus ut.", pub: "The Times (London)", date: "2010-01-11", section: "EDITORIAL", page: "24"},
			{n: 6, pub: "The Times (London)", date: "2010-01-11", headline: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Etiam lacinia elementum sapien, eget aliquet"},
			{n: 7, headline: "ranch noble ash voice declaration", pub: "Guardian", date: "2010-01-08", author: "Allegra Stratton"},
			{n: 8, headline: "PRISONER OF HIS OWN CABINET", pub: "MAIL ON SUNDAY (London)", date: "2010-01-10", author: "Stephen Pollard"},
			{n: 9, headline: "R (programming language) on Wikipedia", pub: "Sunday Mirror", date: "2010-01-10", author: "Ross Ihaka"},
			{n: 10, headline: "Wikipedia", pub: "DAILY MAIL (London)", date: "2010-01-09", words: 2968},
		}},
		{"nexis/amcat_lexisnexis_test.txt", "LexisNexis TXT", 27, 27, []wantArticle{
			{n: 1, headline: "This is a headline", deck: "with a byline. The article contains unicode characters.", pub: "Börsen-Zeitung", date: "2011-08-31", page: "7", words: 306, language: "de"},
			{n: 2, headline: "Euro-Schuldenkrise belastet DZ Bank", pub: "Börsen-Zeitung", date: "2011-08-30"},
			{n: 5, headline: "Highlights of the AAP world wire at 20:00 Jan 20", pub: "AAP Newsfeed", date: "2009-01-20", section: "INTERNATIONAL NEWS"},
			{n: 8, problem: "no text"},
			{n: 10, problem: "no text"},
			{n: 14, headline: "Two more officials of Iraq's 55 most wanted in coalition hands", pub: "Deutsche Presse-Agentur", date: "2003-04-20"},
			{n: 15, headline: "AUFNAHME DER TUERKEI WAERE FUER DIE UNION FINANZIELL VERKRAFTBAR", pub: "Wirtschaftsblatt", date: "2003-04-15", author: "Sylvia Maier"},
			{n: 21, headline: "Pour l'heure, la guerre en Irak affecte peu les compétitions sportives", pub: "Le Monde", date: "2003-03-27", language: "fr"},
			{n: 23, headline: "Technologie en olie geven koersen zetje", pub: "de Volkskrant", date: "2008-12-31", section: "ECONOMIE", page: "9", language: "nl"},
			{n: 26, headline: "Het stoplicht omarmd", pub: "Trouw", date: "2015-05-01", author: "Nicole Besselink"},
			{n: 27, headline: "Debat: På kro med racisme på værelset", pub: "Politiken & Politiken Weekly", date: "2010-01-06"},
		}},
		{"nexis/amcat_lexisnexis_test2.txt", "LexisNexis TXT", 1, 1, []wantArticle{
			{n: 1, headline: "INDIA NOT FOR SETTING ANY TIMEFRAME, SAYS SHARMA", pub: "The Pioneer (India)", date: "2008-12-30", words: 409},
		}},
		{"nexis/koheiw_nexis_spiegel_2012-02-01_0001.html", "LexisNexis HTML", 49, 49, []wantArticle{
			{n: 1, headline: "Warnschuss für Merkels Euro-Kurs", pub: "Spiegel Online", date: "2012-02-27", author: "Annett Meiritz", section: "GRIECHENLAND-VOTUM IM BUNDESTAG", words: 1285, language: "de"},
			{n: 2, headline: "Dschungel der Wunderheiler", pub: "Der Spiegel", date: "2012-02-27", author: "Bernhard Albrecht", section: "WISSENSCHAFT; KREBS", page: "114"},
			{n: 3, headline: "Tödliche Entscheidung", pub: "Spiegel Online", date: "2012-02-25"},
			{n: 4, headline: "Total App-gefahren", pub: "Spiegel Online", date: "2012-02-24", author: "Jürgen Pander"},
			{n: 10, headline: "Puritanismus, hilf", pub: "Spiegel Online", date: "2012-02-20", author: "Jan Fleischhauer"},
			{n: 20, headline: "Der unbeholfene Mr. Romney", pub: "Der Spiegel", date: "2012-02-18", author: "Marc Hujer", page: "84"},
			{n: 25, headline: "Erniedrigte und Beleidigte", pub: "Spiegel Online", date: "2012-02-16"},
			{n: 30, headline: "Im Biotop", pub: "Der Spiegel", date: "2012-02-13", author: "Michael Fröhlingsdorf"},
			{n: 43, headline: "SPIEGEL ONLINE", pub: "Der Spiegel", date: "2012-02-06", page: "145"},
			{n: 49, headline: "Warum Wulff seine Affäre nicht los wird", pub: "Spiegel Online", date: "2012-02-01", author: "Veit Medick"},
		}},
		{"nexis/tmplugin_lexisnexis_test_en.html", "LexisNexis HTML", 2, 2, []wantArticle{
			{n: 2001, headline: "Heading One", pub: "Some Newspaper", date: "1991-12-19", author: "Paper Author", page: "16", words: 584},
			{n: 2002, headline: "First part", deck: "Second part", pub: "Some Newspaper", date: "1993-01-28", page: "22"},
		}},
		{"nexis/tmplugin_lexisnexis_test_fr.html", "LexisNexis HTML", 3, 3, []wantArticle{
			{n: 1, headline: "Title of first article", pub: "My newpaper", date: "2013-04-12", section: "INTERNATIONAL", page: "35", words: 143},
			{n: 2, headline: "Another title, with accents: éà", pub: "My newpaper", date: "2013-10-14", section: "ECONOMIE - ENTREPRISES"},
			{n: 3, headline: `" A quoted title "`, pub: "My newpaper", date: "2013-03-10", words: 359},
		}},
		{"nexis/tmplugin_lexisnexis_test_copyright_error.html", "LexisNexis HTML", 2, 2, []wantArticle{
			{n: 1, headline: "", pub: "The Daily Planet", date: "2018-12-31", page: "B22", words: 44},
			{n: 2, problem: "We are sorry but there is an error in this document"},
		}},
		{"proquest/importProquest_star.txt", "ProQuest TXT", 373, 0, []wantArticle{
			{n: 1, headline: "Ontario to lift all COVID-19 restrictions by April 27, ending indoor masking after March break", pub: "Toronto", date: "2022-03-09", sourceID: "2637391967", section: "Politics", language: "en"},
			{n: 2, headline: "Who is Patrick Brown? A timeline of the Brampton mayor's rise, fall and rise again", pub: "Toronto", date: "2022-03-09", sourceID: "2637393178"},
			{n: 3, headline: "CTV 'regrets' details in Brown story: Network acknowledges errors in 2018 report on then PC leader", pub: "Toronto Star", date: "2022-03-09", page: "A.1", sourceID: "2637267793"},
			{n: 7, headline: "Tasha Kheiriddin bows out of Conservative leadership race", pub: "Toronto", date: "2022-03-07", sourceID: "2637194967"},
			{n: 9, headline: "Charest expected to join race this week", pub: "Toronto Star", date: "2022-03-08", sourceID: "2637103720", section: "News"},
			{n: 50, headline: "Green party focuses on mental health in Ontario election platform", pub: "Toronto", date: "2022-03-03", sourceID: "2635266907"},
			{n: 100, headline: "Latest on Russia-Ukraine: Ukraine President orders full military mobilization", pub: "Toronto", date: "2022-02-24", sourceID: "2632197810"},
			{n: 200, headline: "Doug Ford may scrap renewal fees for Ontario licence plates", pub: "Toronto", date: "2022-02-07", sourceID: "2626290994"},
			{n: 300, headline: "Suddenly, Ford looks beatable", pub: "Toronto Star", date: "2022-01-20", sourceID: "2621168642", section: "Opinion"},
			{n: 373, headline: "Finger pointing won't solve housing crisis", pub: "Toronto Star", date: "2022-01-01", sourceID: "2615580761", section: "Business"},
		}},
		{"proquest/tmpluginproquest_sample.eml", "ProQuest e-mail", 100, 0, []wantArticle{
			{n: 1, headline: "City National expands again", deck: "It acquires 1st Pacific Bank of California, a failed San Diego institution.", pub: "Los Angeles Times", date: "2010-05-08", author: "Nathan Olivarez-Giles", sourceID: "251439970", page: "AA.2"},
			{n: 2, headline: "Bankers' broken record grates", pub: "Los Angeles Times", date: "2010-05-05", author: "Michael Hiltzik", sourceID: "250133789"},
			{n: 3, headline: "Letter assails bank regulators", pub: "Chicago Tribune", date: "2010-04-21", author: "Becky Yerak", sourceID: "219931507"},
			{n: 4, headline: "RICHARD E. MARKS: 1918-2010: AFTER WAR, BANKER CAST FOUNDRY CAREER", pub: "Chicago Tribune", date: "2010-04-12", sourceID: "420906180"},
			{n: 5, headline: "Don't slash Fed's power, chief urges", pub: "Los Angeles Times", date: "2010-03-18", author: "Jim Puzzanghera"},
			{n: 10, headline: "ALEXANDER GLOVER: 1920-2010: BANKER, WW II NAVY VETERAN, FORMER LAKE FOREST ALDERMAN", pub: "Chicago Tribune", date: "2010-02-11", author: "Joan Giangrasse Kates"},
			{n: 25, headline: "50% tax on British bankers' bonuses", pub: "Los Angeles Times", date: "2009-12-10", author: "Henry Chu"},
			{n: 50, headline: "Solid profit for IndyMac successor", pub: "Los Angeles Times", date: "2009-08-19", author: "E Scott Reckard"},
			{n: 75, headline: "The land of banks: With more than 700 branches to choose from, Chicagoans have plenty of banking options", pub: "Chicago Tribune", date: "2009-04-03", sourceID: "420820331"},
			{n: 99, headline: "BofA chief: Decline in deposits common: After takeover of LaSalle, growth expected in 2009", pub: "Chicago Tribune", date: "2008-11-26"},
			{n: 100, headline: "Downey, PFF seized by regulators", pub: "Los Angeles Times", date: "2008-11-22", author: "E Scott Reckard", sourceID: "422208782"},
		}},
		{"proquest/tmpluginproquest_sample-1.html", "ProQuest HTML", 1, 0, []wantArticle{
			{n: 1, headline: "City National expands again", pub: "Los Angeles Times", date: "2010-05-08", author: "Nathan Olivarez-Giles", sourceID: "251439970", language: "en"},
		}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			p, err := ParseFileArticles(context.Background(), filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if !p.Archive || p.Format != tt.format {
				t.Errorf("format %q (archive %v), want %q", p.Format, p.Archive, tt.format)
			}
			if len(p.Articles) != tt.found || p.Announced != tt.announced {
				t.Errorf("found %d, announced %d; want %d and %d", len(p.Articles), p.Announced, tt.found, tt.announced)
			}
			imported := 0
			byN := map[int]Article{}
			for _, a := range p.Articles {
				byN[a.N] = a
				if a.Clipping != nil {
					imported++
					checkParsed(t, a.Clipping)
				}
			}
			problems := 0
			for _, w := range tt.articles {
				if w.problem != "" {
					problems++
				}
			}
			if imported != tt.found-problems {
				t.Errorf("%d articles imported, want %d", imported, tt.found-problems)
			}
			for _, w := range tt.articles {
				a, ok := byN[w.n]
				if !ok {
					t.Errorf("no article %d", w.n)
					continue
				}
				if w.problem != "" {
					if a.Clipping != nil || !strings.Contains(a.Problem, w.problem) {
						t.Errorf("article %d: problem %q, want one saying %q", w.n, a.Problem, w.problem)
					}
					continue
				}
				c := a.Clipping
				if c == nil {
					t.Errorf("article %d not imported: %s", w.n, a.Problem)
					continue
				}
				check := func(what, got, want string, always bool) {
					if (always || want != "") && got != want {
						t.Errorf("article %d: %s %q, want %q", w.n, what, got, want)
					}
				}
				check("headline", c.Headline, w.headline, true)
				check("publication", c.Publication, w.pub, true)
				check("date", c.Date, w.date, true)
				check("deck", c.Deck, w.deck, false)
				check("section", c.Section, w.section, false)
				check("page", c.Page, w.page, false)
				check("source id", c.SourceID, w.sourceID, false)
				check("language", c.Language, w.language, false)
				if w.author != "" && (len(c.Authors) == 0 || c.Authors[0] != w.author) {
					t.Errorf("article %d: authors %q, want %q first", w.n, c.Authors, w.author)
				}
				if w.words != 0 && c.Words != w.words {
					t.Errorf("article %d: words %d, want %d", w.n, c.Words, w.words)
				}
				if c.SourceName != filepath.Base(tt.file) || len(c.Original) == 0 || len(c.Original) > len(c.Body)*4+20000 {
					t.Errorf("article %d: source %q, original of %d bytes for a body of %d", w.n, c.SourceName, len(c.Original), len(c.Body))
				}
			}
			for _, w := range p.Warnings {
				if strings.Contains(w, "words of the file's text") {
					t.Errorf("text lost: %s", w)
				}
			}
		})
	}
}
