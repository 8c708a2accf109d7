package archive

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	p := os.Getenv("DBG")
	if p == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(p)
	kind := Text
	if os.Getenv("HTML") != "" {
		kind = HTML
	}
	d := &Doc{Name: p, Kind: kind, Text: string(data), Source: "txt"}
	b, err := Split(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	if b == nil {
		t.Fatal("not an archive")
	}
	fmt.Println(b.Format, "found", len(b.Articles), "announced", b.Announced)
	for _, w := range b.Warnings {
		fmt.Println("W:", w)
	}
	fmt.Println("LeftOut:", b.LeftOut)
	for _, a := range b.Articles {
		a.Record = ""
		if len(a.Body) > 150 {
			a.Body = a.Body[:150] + "…"
		}
		j, _ := json.MarshalIndent(a, "", " ")
		if os.Getenv("FULL") != "" {
			fmt.Println(string(j))
		} else {
			fmt.Printf("%d | %q | %q | %s | %q | sec=%q p=%q w=%d lang=%s id=%s prob=%q\n   body=%q\n", a.N, a.Headline, a.Publication, a.Date, a.Authors, a.Section, a.Page, a.Words, a.Language, a.SourceID, a.Problem, a.Body[:min(len(a.Body), 80)])
		}
	}
}
