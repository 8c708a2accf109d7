package layout

import (
	"math"
	"reflect"
	"testing"
)

// scaledFake is fake at another size: every width and the line height
// multiplied by k.
type scaledFake struct {
	fake
	k float32
}

func (s *scaledFake) Advance(str string) float32 { return s.k * s.fake.Advance(str) }
func (s *scaledFake) LineHeight() float32        { return s.k * s.fake.LineHeight() }

// TestRemeasureAndScaleMatchNew lays bodies out at one size, then derives
// them at another with Remeasure and Scale: lines, heights, hit tests and
// rectangles equal those of New at that size, in Latin, Chinese, Arabic
// with numbers and mixed text, and the original layout is unchanged.
func TestRemeasureAndScaleMatchNew(t *testing.T) {
	bodies := map[string]string{
		"latin":  "The island ferry operator will raise fares by 12% on April 1.\n\nRiders' group calls it “a tax on islanders”, the second increase\nin two years.",
		"cjk":    "渡轮公司周一表示，将于四月一日起将票价上调百分之十二。“我们尽可能长时间地维持价格，”首席执行官说。\n\n乘客团体称这是对岛民征税。",
		"arabic": "قال مشغل العبارة يوم الاثنين إنه سيرفع الأسعار بنسبة 12% في الأول من أبريل.\n\nThe council (المجلس) votes on 3 May.",
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			small := &scaledFake{k: 1}
			base := mustNew(t, body, small, 8)
			base.Wrap(150)
			before := append([]Line(nil), base.w().lines...)

			big := &scaledFake{k: 1.5}
			want := mustNew(t, body, big, 12)
			for _, derive := range []struct {
				name string
				do   func() (*Layout, error)
			}{
				{"Remeasure", func() (*Layout, error) { return base.Remeasure(big, 12) }},
				{"Scale", func() (*Layout, error) { return base.Scale(big, 1.5, 12) }},
			} {
				got, err := derive.do()
				if err != nil {
					t.Fatalf("%s: %v", derive.name, err)
				}
				for _, w := range []float32{90, 225, 400} {
					want.Wrap(w)
					got.Wrap(w)
					if !reflect.DeepEqual(got.w().lines, want.w().lines) || got.Height() != want.Height() {
						t.Fatalf("%s at width %v: lines differ from New:\n got %v\nwant %v", derive.name, w, got.w().lines, want.w().lines)
					}
					for off := 0; off <= want.Len(); off += 3 {
						gx, gy := got.OffsetToPoint(off)
						wx, wy := want.OffsetToPoint(off)
						if gx != wx || gy != wy {
							t.Fatalf("%s at width %v: caret %d at (%v,%v), New has (%v,%v)", derive.name, w, off, gx, gy, wx, wy)
						}
						if g, w := got.PointToOffset(wx+1, wy+1), want.PointToOffset(wx+1, wy+1); g != w {
							t.Fatalf("%s: point (%v,%v) hits %d, New %d", derive.name, wx+1, wy+1, g, w)
						}
					}
					if g, w := got.Rects(0, got.Len(), 0, got.Height(), nil), want.Rects(0, want.Len(), 0, want.Height(), nil); !reflect.DeepEqual(g, w) {
						t.Fatalf("%s at width %v: rectangles differ", derive.name, w)
					}
				}
			}
			base.Wrap(150)
			if !reflect.DeepEqual(base.w().lines, before) {
				t.Errorf("deriving changed the original layout's lines")
			}
		})
	}
}

// TestScaleErrors rejects factors that are not positive and finite.
func TestScaleErrors(t *testing.T) {
	l := mustNew(t, "some text", &fake{}, 0)
	for _, k := range []float32{0, -1, float32(math.Inf(1)), float32(math.NaN())} {
		if _, err := l.Scale(&fake{}, k, 0); err == nil {
			t.Errorf("Scale by %v: no error", k)
		}
	}
	if _, err := l.Remeasure(nil, 0); err == nil {
		t.Errorf("Remeasure with a nil Measurer: no error")
	}
}
