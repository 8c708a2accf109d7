package ingest

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

func TestDecode(t *testing.T) {
	cp1252 := func(s string) string {
		out, err := charmap.Windows1252.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	u16 := func(e xunicode.Endianness, bom xunicode.BOMPolicy, s string) string {
		out, err := xunicode.UTF16(e, bom).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	u32 := func(s string) string {
		out, err := utf32.UTF32(utf32.BigEndian, utf32.UseBOM).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	french := "Le café de la place Dorée a fermé ses portes après 40 ans. « C’est la fin d’une époque », a déclaré le maire. Les habitants étaient très émus."
	german := "Die Größe der Gebäude überraschte die Bürger. Müller sagte, die Straße würde für fünf Wochen gesperrt. Schöne Grüße aus Köln."
	icelandic := "Þórður sagði að þýðingu skýrslunnar væri lokið. Ráðherrann fór til Ísafjarðar á föstudaginn."
	tests := []struct {
		name, in, want string
		warn           string // part of the only warning; "" for none
	}{
		{"UTF-8", "Café “quotes”", "Café “quotes”", ""},
		{"UTF-8 BOM", "\xEF\xBB\xBFCafé", "Café", ""},
		{"UTF-16 LE BOM", u16(xunicode.LittleEndian, xunicode.UseBOM, "Café “x”"), "Café “x”", ""},
		{"UTF-16 BE BOM", u16(xunicode.BigEndian, xunicode.UseBOM, "Ålesund 𝄞"), "Ålesund 𝄞", ""},
		{"UTF-16 LE without BOM", u16(xunicode.LittleEndian, xunicode.IgnoreBOM, "Ferry fares rise again"), "Ferry fares rise again", "without a byte-order mark"},
		{"UTF-16 BE without BOM", u16(xunicode.BigEndian, xunicode.IgnoreBOM, "Ferry fares rise again"), "Ferry fares rise again", "without a byte-order mark"},
		{"UTF-32 BOM", u32("Ferry € fares"), "Ferry € fares", ""},
		{"Windows-1252", cp1252("“Café” — €18"), "“Café” — €18", "decoded it as Windows-1252"},
		{"French Windows-1252", cp1252(french), french, "Windows-1252"},
		{"German Windows-1252", cp1252(german), german, "Windows-1252"},
		{"Icelandic Windows-1252", cp1252(icelandic), icelandic, "Windows-1252"},
		{"mixed UTF-8 and Windows-1252", "Café “UTF-8” and " + cp1252("résumé"), "Café “UTF-8” and résumé", "mixes UTF-8"},
		{"one undefined byte in a long text", cp1252(strings.Repeat("é", 120)) + "\x81", strings.Repeat("é", 120), "removed 1 byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warns, err := decode([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want && strings.TrimPrefix(got, "\ufeff") != tt.want {
				t.Errorf("decode = %q, want %q", got, tt.want)
			}
			switch {
			case tt.warn == "" && len(warns) > 0:
				t.Errorf("unexpected warnings %q", warns)
			case tt.warn != "" && (len(warns) == 0 || !strings.Contains(strings.Join(warns, "; "), tt.warn)):
				t.Errorf("warnings %q, want one saying %q", warns, tt.warn)
			}
		})
	}
}

func TestDecodeRefuses(t *testing.T) {
	greek, err := charmap.Windows1253.NewEncoder().String(strings.Repeat("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία. ", 3))
	if err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string]string{
		"Greek code page": greek,
		"Mac Roman":       "Caf\x8e cr\x8fme br\x9bl\x8ee \x8d\x90\x9d",
		"UTF-16 garbage":  "\xff\xfe\x00\xd8\x00\xd8\x00\xd8\x00\xd8",
	} {
		if _, _, err := decode([]byte(in)); !errors.Is(err, ErrEncoding) {
			t.Errorf("%s: err = %v, want ErrEncoding", name, err)
		}
	}
}
