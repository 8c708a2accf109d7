// Command clipper is Clipper's entry point. With no subcommand it opens the
// app on a project; subcommands do scripted work on a project file and
// print JSON on stdout.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"

	_ "clipper/cmd/clipper/internal/plainlocale" // before Fyne initialises
)

func main() {
	shown := attachConsole()
	ctx, release := interruptContext()
	var stderr io.Writer = os.Stderr
	var unseen strings.Builder // what stderr would have said where nobody sees it
	if !shown {
		stderr = &unseen
	}
	code := runContext(ctx, release, os.Args[1:], os.Stdout, stderr)
	release()
	if code != 0 && unseen.Len() > 0 {
		showErrorBox(unseen.String())
	}
	os.Exit(code)
}

// interruptContext returns a context that the first Ctrl+C (SIGINT)
// cancels — a wait for another Clipper or a long import then stops
// cleanly — after which Ctrl+C kills as usual. release gives Ctrl+C back
// its default behaviour without cancelling the context.
func interruptContext() (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	released := make(chan struct{})
	var once sync.Once
	release := func() {
		once.Do(func() {
			signal.Stop(ch)
			close(released)
		})
	}
	go func() {
		select {
		case <-ch:
			cancel()
			release()
		case <-released:
		}
	}()
	return ctx, release
}

// command is one subcommand: its usage line and the function that runs it.
type command struct {
	usage string
	run   func(e *env, args []string) error
}

// createsProject reports whether the command makes a new project when --db
// (or $CLIPPER_DB) names a missing file. Only import does: every other
// command needs something in the project (a clipping to annotate, data to
// list or export, a target to merge into) and answers "no such project",
// so a mistyped path never leaves an empty project behind.
func createsProject(name string) bool { return name == "import" }

func commands() map[string]command {
	return map[string]command{
		"parse":       {"parse FILE", cmdParse},
		"import":      {"import FILE|DIR…", cmdImport},
		"list":        {"list", cmdList},
		"annotate":    {"annotate --clipping ID --tag NAME --start N --end N [--speaker S] [--claimant S] [--status S] [--value X --unit U --comparator C] [--note T]", cmdAnnotate},
		"annotations": {"annotations [--clipping ID]", cmdAnnotations},
		"search":      {"search QUERY", cmdSearch},
		"stats":       {"stats", cmdStats},
		"suggest":     {"suggest FILE | suggest --clipping ID [--kinds quote,figure,claim] [--accept] [--min-confidence X]", cmdSuggest},
		"agree":       {"agree [--clipping ID…] [--tag NAME…] [--coders A,B]", cmdAgree},
		"export":      {"export --format xlsx|csv|csv-raw|json|qdpx|qdc -o FILE [--clipping ID…] [--tag NAME…] [--coder NAME]", cmdExport},
		"share":       {"share -o FILE [--without-originals]", cmdShare},
		"merge":       {"merge FILE [--dry-run] [--keep-both-tags] [--verbose] [--report FILE]", cmdMerge},
		"check":       {"check [--repair]", cmdCheck},
		"info":        {"info", cmdInfo},
	}
}

// run executes one invocation and returns the process exit code.
func run(args []string, stdout, stderr io.Writer) int {
	return runContext(context.Background(), func() {}, args, stdout, stderr)
}

// exitInterrupted is the exit code of a command stopped by Ctrl+C.
const exitInterrupted = 130

// runContext is run with a context that Ctrl+C cancels; stopSignals gives
// Ctrl+C back its default (the app calls it once its project is open).
func runContext(ctx context.Context, stopSignals func(), args []string, stdout, stderr io.Writer) int {
	stderr = &syncWriter{w: stderr}
	e := &env{ctx: ctx, stopSignals: stopSignals, stdout: stdout, stderr: stderr}
	g, rest, err := parseGlobal(args)
	if err != nil {
		fmt.Fprintf(stderr, "clipper: %v\n\n", err)
		usage(stderr)
		return 2
	}
	e.global = g
	if g.help {
		usage(stdout)
		return 0
	}
	if g.version {
		currentBuild().write(stdout)
		return 0
	}
	if len(rest) == 1 && opensProject(rest[0]) {
		// A double-clicked project (the desktop passes its path): open it.
		e.global.db, rest = rest[0], nil
	}
	if len(rest) == 0 {
		if err := runApp(e); err != nil {
			fmt.Fprintf(stderr, "clipper: %v\n", err)
			return 1
		}
		return 0
	}
	name := rest[0]
	cmd, ok := commands()[name]
	if !ok {
		fmt.Fprintf(stderr, "clipper: unknown command %q\n\n", name)
		usage(stderr)
		return 2
	}
	e.mayCreate = createsProject(name)
	if err := cmd.run(e, rest[1:]); err != nil {
		if err == errUsage {
			fmt.Fprintf(stderr, "usage: clipper [--db FILE] %s\n", cmd.usage)
			return 2
		}
		if ctx.Err() != nil && errors.Is(err, context.Canceled) {
			if e.waited.Load() {
				fmt.Fprintf(stderr, "clipper %s: interrupted while waiting for another Clipper to finish writing the project; nothing was changed\n", name)
			} else {
				fmt.Fprintf(stderr, "clipper %s: interrupted (%v)\n", name, err)
			}
			return exitInterrupted
		}
		fmt.Fprintf(stderr, "clipper %s: %v\n", name, err)
		if ex, ok := err.(exitError); ok {
			return ex.code
		}
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprint(w, `Clipper: annotate news clippings.

usage:
  clipper [--db FILE] [--coder NAME]                 open the app
  clipper PROJECT.clip                               open the app on a project (what double-clicking one does)
  clipper --version                                  print the version of Clipper, Go, Fyne and SQLite
  clipper --screenshot OUT.png [--db FILE] [--size 1280x800] [--clipping ID]
                                                     write a PNG of the app window and exit
  clipper [--db FILE] [--coder NAME] COMMAND [flags] [args]

commands:
`)
	cmds := commands()
	for _, n := range sortedKeys(cmds) {
		fmt.Fprintf(w, "  %s\n", cmds[n].usage)
	}
	fmt.Fprint(w, `
--db defaults to $CLIPPER_DB, then to the default project in your data directory.
--coder defaults to $CLIPPER_CODER, then to your login name.
Machine output is JSON on stdout; errors go to stderr with a non-zero exit code.
`)
}
