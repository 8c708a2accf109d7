package main

import (
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"clipper/gui"
)

// TestScreenshotUnderXvfb builds the real binary and runs it under Xvfb:
// the window opens on a project holding the sample clipping, is drawn, and
// its PNG has the requested size and is not blank. `make test` installs
// Xvfb (scripts/deps.sh --test).
func TestScreenshotUnderXvfb(t *testing.T) {
	xvfb, err := exec.LookPath("xvfb-run")
	if err != nil {
		t.Fatalf("xvfb-run is needed for the real-window smoke test: run `make test-deps` (Debian package xvfb)")
	}
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
