package agree

// tableOf counts the characters of a clipping of length n by whether the
// merged units a and b cover them.
func tableOf(a, b []unit, n int) Table {
	both := intersection(a, b)
	ca, cb := covered(a), covered(b)
	return Table{Both: both, OnlyA: ca - both, OnlyB: cb - both, Neither: n - ca - cb + both}
}

func (t Table) add(u Table) Table {
	return Table{t.Both + u.Both, t.OnlyA + u.OnlyA, t.OnlyB + u.OnlyB, t.Neither + u.Neither}
}

// Total is the number of characters counted.
func (t Table) Total() int { return t.Both + t.OnlyA + t.OnlyB + t.Neither }

// PercentAgreement is the share of characters (0–100) on which both coders
// agree, coded or not; ok is false when there are no characters.
func (t Table) PercentAgreement() (pct float64, ok bool) {
	n := t.Total()
	if n == 0 {
		return 0, false
	}
	return 100 * float64(t.Both+t.Neither) / float64(n), true
}

// Kappa is Cohen's kappa by NVivo's formula (see the package comment): 1
// when the coders agree on every character even if chance would explain it;
// ok is false when there are no characters.
func (t Table) Kappa() (kappa float64, ok bool) {
	n := t.Total()
	if n == 0 {
		return 0, false
	}
	a, b := t.Both+t.OnlyA, t.Both+t.OnlyB
	if (a == 0 && b == 0) || (a == n && b == n) {
		return 1, true // N = ΣEF: complete agreement
	}
	fn, fa, fb := float64(n), float64(a), float64(b)
	ef := (fa*fb + (fn-fa)*(fn-fb)) / fn
	return (float64(t.Both+t.Neither) - ef) / (fn - ef), true
}

// ptr returns a pointer to v when ok, nil otherwise: how undefined figures
// stay out of the JSON.
func ptr(v float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	return &v
}
