// Package plainlocale keeps Fyne quiet under the C/POSIX locale. Fyne reads
// the UI language while its packages initialise and logs "Error parsing
// user locale C" on every run when LANG is C or C.UTF-8 (servers, CI,
// scripts). Imported for its side effect, it sets LANGUAGE=en first when the
// locale names no language; Go initialises packages in import-path order,
// so this one ("clipper/…") runs before Fyne's ("fyne.io/…").
package plainlocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		loc := os.Getenv(v)
		if loc == "" {
			continue
		}
		base, _, _ := strings.Cut(loc, ".")
		if base == "C" || base == "POSIX" {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}
