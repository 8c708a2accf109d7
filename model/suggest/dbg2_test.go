package suggest
import ("testing";"context";"fmt")
func TestDbgMarks(t *testing.T) {
	for _, p := range loadReal(t) {
		n := p.set.name
		if n != "nytimes-2" && n != "wapo-2" && n != "tagesschau" && n != "elpais" { continue }
		ss, _ := Suggest(context.Background(), p.set.body, p.set.opt)
		for _, s := range ss { if s.Kind == KindClaim { fmt.Printf("%s\t%d\t%q\n", n, s.Start, s.Text) } }
	}
}
