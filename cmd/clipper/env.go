package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"clipper/model"
	"clipper/model/store"
)

// errUsage asks run to print the command's usage line.
var errUsage = errors.New("usage")

// exitError carries a specific exit code with its message.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// global holds the flags that apply to every invocation.
type global struct {
	db         string
	coder      string
	screenshot string
	size       string
	clipping   string
	help       bool
	version    bool
}

// env is what a command needs from its surroundings.
type env struct {
	global
	ctx            context.Context // cancelled by Ctrl+C (SIGINT)
	stdout, stderr io.Writer       // stderr is safe for concurrent use
	mayCreate      bool            // the command may create a missing project (see commands)
	waited         atomic.Bool     // the project was busy and the user was told
	stopSignals    func()          // restores Ctrl+C's default (the app does, once open)
}

// parseGlobal reads the flags before the subcommand.
func parseGlobal(args []string) (global, []string, error) {
	var g global
	fs := flag.NewFlagSet("clipper", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	g.addFlags(fs)
	fs.StringVar(&g.screenshot, "screenshot", "", "write a PNG of the app window to this file and exit")
	fs.StringVar(&g.size, "size", "1280x800", "window size for --screenshot")
	fs.StringVar(&g.clipping, "clipping", "", "clipping to open (app and --screenshot)")
	fs.BoolVar(&g.help, "help", false, "show usage")
	fs.BoolVar(&g.help, "h", false, "show usage")
	fs.BoolVar(&g.version, "version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		return g, nil, err
	}
	if _, err := parseSize(g.size); err != nil {
		return g, nil, err
	}
	return g, fs.Args(), nil
}

// addFlags declares --db and --coder, which every subcommand also accepts.
func (g *global) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&g.db, "db", g.db, "project file (default $CLIPPER_DB or the default project)")
	fs.StringVar(&g.coder, "coder", g.coder, "your name as coder (default $CLIPPER_CODER or your login name)")
}

// flags returns a FlagSet for a subcommand that also accepts the global flags.
func (e *env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	e.addFlags(fs)
	return fs
}

// dbPath resolves the project file: --db, then $CLIPPER_DB, then the default project.
func (e *env) dbPath() (path string, isDefault bool, err error) {
	if e.db != "" {
		return e.db, false, nil
	}
	if p := os.Getenv("CLIPPER_DB"); p != "" {
		return p, false, nil
	}
	p, err := defaultProjectPath()
	return p, true, err
}

// openStore opens the project file. The default project is created, with
// the sample clipping, on first use; another path is created only by a
// command that may create one (import), so that a mistyped --db or a
// dangling link gives "no such project" instead of a new empty file. While
// another Clipper writes the file it waits, saying so on stderr.
func (e *env) openStore(ctx context.Context) (*store.Store, error) {
	path, isDefault, err := e.dbPath()
	if err != nil {
		return nil, err
	}
	opt := store.OpenOptions{Create: e.mayCreate, OnWait: e.onWait(path), Version: currentBuild().stamp()}
	var st *store.Store
	if isDefault {
		st, err = openDefaultProject(ctx, path, opt)
	} else {
		st, err = store.OpenWith(ctx, path, opt)
	}
	if errors.Is(err, store.ErrNoProject) {
		msg := "no such project: " + path
		if target, lerr := os.Readlink(path); lerr == nil {
			msg += fmt.Sprintf(" (a symbolic link to %s, which does not exist)", target)
		}
		return nil, fmt.Errorf("%s; `clipper --db %s import FILE…` starts a new project", msg, path)
	}
	if err != nil {
		return nil, err
	}
	if msg := st.Recovered(); msg != "" {
		fmt.Fprintf(e.stderr, "clipper: %s\n", msg)
	}
	if ro, why := st.ReadOnly(); ro {
		fmt.Fprintf(e.stderr, "clipper: %s\n", why)
	}
	return st, nil
}

// onWait returns the store's wait notifier: it tells the user on stderr
// that the project is busy.
func (e *env) onWait(path string) func(bool) {
	return func(waiting bool) {
		if waiting {
			e.waited.Store(true)
			fmt.Fprintf(e.stderr, "clipper: waiting for another Clipper to finish writing %s… (Ctrl+C stops)\n", path)
		}
	}
}

// coderName resolves who is annotating: --coder, $CLIPPER_CODER, login name.
func (e *env) coderName() string {
	if e.coder != "" {
		return e.coder
	}
	if c := os.Getenv("CLIPPER_CODER"); c != "" {
		return c
	}
	if u, err := user.Current(); err == nil {
		if n := strings.TrimSpace(strings.Split(u.Name, ",")[0]); n != "" {
			return n
		}
		if u.Username != "" {
			return u.Username
		}
	}
	return "Unknown coder"
}

// currentCoder returns the coder record for coderName, creating it.
func (e *env) currentCoder(ctx context.Context, st *store.Store) (model.Coder, error) {
	return st.EnsureCoder(ctx, e.coderName())
}

// writeJSON prints v as one line of JSON.
func (e *env) writeJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// lineWriter writes JSON lines through a buffer: a listing of a million
// rows must not make a system call per row.
type lineWriter struct {
	w   *bufio.Writer
	enc *json.Encoder
}

// lines returns a JSON-lines writer on stdout; flush it at the end.
func (e *env) lines() *lineWriter {
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &lineWriter{w: w, enc: enc}
}

// write prints v as one line of JSON.
func (l *lineWriter) write(v any) error {
	if err := l.enc.Encode(v); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// flush writes what is buffered.
func (l *lineWriter) flush() error {
	if err := l.w.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// flagSetNoCoder is flags for a subcommand whose --coder means something
// else (a filter); only --db is shared.
func flagSetNoCoder(e *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&e.db, "db", e.db, "project file (default $CLIPPER_DB or the default project)")
	return fs
}

// withStore opens the project, runs fn on it and closes it again.
func (e *env) withStore(fn func(ctx context.Context, st *store.Store) error) error {
	ctx := e.ctx
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	err = fn(ctx, st)
	warnProblems(e, st)
	if cerr := st.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("closing the project: %w", cerr)
	}
	return err
}

// syncWriter serialises writes to w: the store's wait notice comes from
// another goroutine than the command's own messages.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
