package ingest

import (
	"errors"
	"strings"
	"testing"
)

// forwarded wraps inner (a whole message) as the message/rfc822 part of
// an outer e-mail, after a text part when outerText is not "".
func forwarded(outerText, inner string) string {
	s := "Received: from x by y\r\nFrom: a@example.org\r\nSubject: Fwd: harbour\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=\"OUT\"\r\n\r\n"
	if outerText != "" {
		s += "--OUT\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + outerText + "\r\n"
	}
	return s + "--OUT\r\nContent-Type: message/rfc822\r\n\r\n" + inner + "\r\n--OUT--\r\n"
}

const innerHead = "From: b@example.org\r\nSubject: Harbour plan\r\nMIME-Version: 1.0\r\n"

// TestNestedEmailDamage: an attached message with a damaged part is
// reported for what it is — a damaged e-mail, naming the part and the
// damage — not as an unreadable text encoding; when another part can be
// read, it is imported and the damaged part is a warning.
func TestNestedEmailDamage(t *testing.T) {
	badBase64 := innerHead + "Content-Type: multipart/alternative; boundary=\"IN\"\r\n\r\n" +
		"--IN\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		"PGgxPkhhcmJvdXI8L2gx!!!not base64!!!\r\n--IN--\r\n"
	noClosing := innerHead + "Content-Type: multipart/alternative; boundary=\"IN\"\r\n\r\n" +
		"this preamble never reaches a boundary\r\n"
	body := "The council voted 7-2 on Tuesday to approve the harbour plan, officials said on Wednesday."
	for _, c := range []struct {
		name, data string
		says       []string
	}{
		{"bad base64 in the attached message", forwarded("", badBase64),
			[]string{`the html text of part 1 of the attached message "Harbour plan"`, "base64", "illegal base64 data"}},
		{"attached message without its boundary", forwarded("", noClosing),
			[]string{`part 1 of the attached message "Harbour plan" cannot be read`, "boundary"}},
		{"attached message without a boundary parameter", forwarded("", innerHead+"Content-Type: multipart/mixed\r\n\r\nxx\r\n"),
			[]string{`the attached message "Harbour plan" is multipart but names no boundary`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Parse("fwd.eml", []byte(c.data))
			if !errors.Is(err, ErrCorruptEmail) || errors.Is(err, ErrEncoding) {
				t.Fatalf("err = %v, want ErrCorruptEmail (not ErrEncoding)", err)
			}
			for _, s := range append(c.says, "damaged e-mail") {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("%q should say %q", err, s)
				}
			}
		})
	}
	t.Run("readable text beside the damaged part", func(t *testing.T) {
		c, warns, err := Parse("fwd.eml", []byte(forwarded(body, badBase64)))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(c.Body, "approve the harbour plan") {
			t.Errorf("body %q", c.Body)
		}
		if w := strings.Join(warns, "\n"); !strings.Contains(w, "base64") || !strings.Contains(w, "it was skipped") {
			t.Errorf("warnings %q", w)
		}
	})
	t.Run("top-level damaged base64", func(t *testing.T) {
		data := "Received: from x by y\r\nFrom: a@example.org\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n" +
			"Content-Transfer-Encoding: base64\r\n\r\n%%%%\r\n"
		_, _, err := Parse("x.eml", []byte(data))
		if !errors.Is(err, ErrCorruptEmail) || !strings.Contains(err.Error(), "the plain text of the e-mail is damaged in its base64 transfer encoding") {
			t.Errorf("err = %v", err)
		}
	})
}
