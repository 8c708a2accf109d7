//go:build windows

package main

import (
	"os"
	"syscall"
	"unsafe"
)

// attachConsole gives the command line somewhere to print on Windows.
// clipper.exe is a GUI-subsystem program (no console window when
// double-clicked), so Windows starts it without standard output unless the
// caller redirected it: "clipper.exe --version" typed in cmd.exe or
// PowerShell would print nothing. When stdout or stderr has no handle and
// the parent process has a console, it attaches to that console and writes
// there (the prompt does not wait for a GUI program, so the output follows
// it). Redirected output and double-clicks are left alone. It reports
// whether stderr now reaches the user: false for the program started from
// Explorer, a shortcut or a file association.
func attachConsole() (stderrShown bool) {
	out, errOut := stdHandleUsable(syscall.STD_OUTPUT_HANDLE), stdHandleUsable(syscall.STD_ERROR_HANDLE)
	if out && errOut {
		return true
	}
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return errOut // no parent console: started from Explorer, a shortcut or a file association
	}
	con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return errOut
	}
	if !out {
		os.Stdout = con
	}
	if !errOut {
		os.Stderr = con
	}
	return true
}

// stdHandleUsable reports whether the standard handle refers to something
// (a console, file or pipe).
func stdHandleUsable(which int) bool {
	h, err := syscall.GetStdHandle(which)
	if err != nil || h == syscall.InvalidHandle || h == 0 {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != 0 // FILE_TYPE_UNKNOWN
}

// showErrorBox shows msg in a Windows message box: how a double-clicked
// project that cannot be opened (missing, damaged, not a Clipper project)
// says why, when there is no console to print to.
func showErrorBox(msg string) {
	text, err1 := syscall.UTF16PtrFromString(msg)
	title, err2 := syscall.UTF16PtrFromString("Clipper")
	if err1 != nil || err2 != nil {
		return
	}
	const mbIconError = 0x10
	box := syscall.NewLazyDLL("user32.dll").NewProc("MessageBoxW")
	box.Call(0, uintptr(unsafe.Pointer(text)), uintptr(unsafe.Pointer(title)), mbIconError)
}
