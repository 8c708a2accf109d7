package main

import (
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"clipper/gui"
	"clipper/model/testenv"
)

// TestScreenshotUnderXvfb builds the real binary and runs it under Xvfb:
// the window opens on a project holding the sample clipping, is drawn, and
// its PNG has the requested size and is not blank. `make test` installs
// Xvfb (scripts/deps.sh --test); without it the test is skipped, except in
// CI (CI=true), where it fails.
func TestScreenshotUnderXvfb(t *testing.T) {
	xvfb := testenv.Tool(t, "xvfb-run", "the real-window smoke test needs it: apt-get install xvfb xauth, or make test-deps")
	dir := t.TempDir()
	bin := filepath.Join(dir, "clipper")
	build := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "smoke.clip")
	env := append(os.Environ(), "XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir, "LANG=C.UTF-8", "LANGUAGE=en")

	imp := exec.Command(bin, "--db", db, "import", filepath.Join("..", "..", "assets", "sample-clipping.txt"))
	imp.Env = env
	if out, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}

	shot := filepath.Join(dir, "shot.png")
	cmd := exec.Command(xvfb, "-a", "-s", "-screen 0 1600x1000x24", bin, "--screenshot", shot, "--db", db, "--size", "1024x700")
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("clipper --screenshot under xvfb-run: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("screenshot not written: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1024 || b.Dy() != 700 {
		t.Errorf("screenshot is %dx%d, want 1024x700", b.Dx(), b.Dy())
	}
	if gui.Blank(img) {
		t.Error("screenshot is blank")
	}
}

// TestNoXvfbSkipsOutsideCI: on a machine without Xvfb the real-window test
// skips with a line saying what to install; with CI=true it fails.
func TestNoXvfbSkipsOutsideCI(t *testing.T) {
	const test = "TestScreenshotUnderXvfb"
	out, err := testenv.RunWithoutTools(t, test, false)
	if err != nil || !strings.Contains(out, "--- SKIP: "+test) || !strings.Contains(out, "apt-get install xvfb") {
		t.Errorf("without Xvfb, outside CI: %v\n%s", err, out)
	}
	out, err = testenv.RunWithoutTools(t, test, true)
	if err == nil || !strings.Contains(out, "--- FAIL: "+test) || !strings.Contains(out, "xvfb-run is not installed") {
		t.Errorf("without Xvfb, CI=true: %v\n%s", err, out)
	}
}
