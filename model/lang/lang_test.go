package lang

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The minister said on Tuesday that the talks had collapsed and that there was nothing left to discuss with the other side.", "en"},
		{"Le ministre a déclaré mardi que les négociations avaient échoué et qu'il n'y avait plus rien à discuter avec les autres.", "fr"},
		{"Der Minister sagte am Dienstag, dass die Gespräche gescheitert seien und es mit der anderen Seite nichts mehr zu besprechen gebe.", "de"},
		{"El ministro dijo el martes que las negociaciones habían fracasado y que no quedaba nada por discutir con la otra parte.", "es"},
		{"Il ministro ha detto martedì che i negoziati sono falliti e che non c'è più nulla da discutere con l'altra parte.", "it"},
		{"O ministro disse na terça-feira que as negociações fracassaram e que não havia mais nada a discutir com o outro lado.", "pt"},
		{"De minister zei dinsdag dat de gesprekken waren mislukt en dat er met de andere kant niets meer te bespreken viel.", "nl"},
		{"", ""},
		{"Hello world", ""},
		{"宇航员在太空中喝酒会怎么样？后果很严重", ""},
		{"West Ham hrozí gigantům, okouzlil i Linekera. Současně se klub stal terčem posměchu.", ""},
	}
	for _, tc := range tests {
		if got := Detect(tc.text); got != tc.want {
			t.Errorf("Detect(%.40q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	text := "Le ministre a déclaré mardi que les négociations avaient échoué et qu'il n'y avait plus rien à discuter. "
	for b.Loop() {
		Detect(text)
	}
}
