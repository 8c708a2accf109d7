package main

import (
	"context"
	"fmt"

	"clipper/model/store"
)

// checkJSON is one line of `clipper check`: a problem, and with --repair
// whether it was repaired.
type checkJSON struct {
	store.Problem
	Repaired bool `json:"repaired"`
}

// cmdCheck runs the integrity check and the row checks over the project
// and prints each problem as one line of JSON. With --repair it repairs
// what can be repaired, in one transaction recorded in the operation log
// as the current coder's action, and prints what it did. Exit code 1 when
// problems remain.
func cmdCheck(e *env, args []string) error {
	fs := e.flags("check")
	repair := fs.Bool("repair", false, "repair what can be repaired (in one transaction)")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		return errUsage
	}
	return e.withStore(func(ctx context.Context, st *store.Store) error {
		var probs []store.Problem
		var err error
		if *repair {
			c, cerr := e.currentCoder(ctx, st)
			if cerr != nil {
				return cerr
			}
			probs, err = st.Repair(ctx, c.ID)
		} else {
			probs, err = st.Diagnose(ctx)
		}
		if err != nil {
			return err
		}
		left := 0
		for _, p := range probs {
			done := *repair && p.Repair != ""
			if !done {
				left++
			}
			if err := e.writeJSON(checkJSON{Problem: p, Repaired: done}); err != nil {
				return err
			}
		}
		switch {
		case len(probs) == 0:
			fmt.Fprintln(e.stderr, "clipper check: no problems")
		case *repair:
			fmt.Fprintf(e.stderr, "clipper check: %d problems, %d repaired, %d left\n", len(probs), len(probs)-left, left)
		default:
			fixable := 0
			for _, p := range probs {
				if p.Repair != "" {
					fixable++
				}
			}
			fmt.Fprintf(e.stderr, "clipper check: %d problems, %d can be repaired with --repair\n", len(probs), fixable)
		}
		if left > 0 {
			return exitError{code: 1, msg: fmt.Sprintf("%d problems remain", left)}
		}
		return nil
	})
}

// warnProblems prints, on stderr, the unusable values the command's reads
// met: those rows were shown with the value emptied (or an annotation
// without a readable span left out), and the command carried on.
func warnProblems(e *env, st *store.Store) {
	ps := st.Problems()
	for _, p := range ps {
		fmt.Fprintf(e.stderr, "clipper: warning: %s\n", p)
	}
	if len(ps) > 0 {
		fmt.Fprintf(e.stderr, "clipper: warning: %d unusable values were read as empty; run \"clipper check\" for details and \"clipper check --repair\" to repair them\n", len(ps))
	}
}
