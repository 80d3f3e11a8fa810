package main

import (
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// The phonemes eSpeak NG, the voice NVDA and Orca use, gives a number said
// as an amount: "nine hundred eleven" for 911, "four thousand…" for 4357.
var amountPhonemes = map[string]*regexp.Regexp{
	"en-us":  regexp.MustCompile(`h'VndrI2d|T'aUz@nd`),
	"es-419": regexp.MustCompile(`(^|\s)\S*(T|s)j'?entos\S*|(^|\s)m'il(\s|$)|(^|\s)T?s?j'en(\s|$)`),
}

// TestPlainPromptsAreHeardRight pipes a whole plain-prompt session and its
// result, in English and Spanish, through eSpeak NG's phoneme output, as a
// screen reader would speak them: no phone or crisis number is said as
// hundreds or thousands. And the text holds nothing a screen reader names
// instead of reading (a bullet, a slash, a "greater" prompt, an address
// spelled from https).
func TestPlainPromptsAreHeardRight(t *testing.T) {
	t.Parallel()
	espeak, err := exec.LookPath("espeak-ng")
	if err != nil {
		t.Skip("espeak-ng is not installed (Debian package espeak-ng): the session is not heard")
	}
	for _, tt := range []struct{ lang, voice string }{{"en", "en-us"}, {"es", "es-419"}} {
		for _, answers := range []string{"1\n3\n1\n2\n", "2\n2\n2\n2\n", "1\n1\n1\n1\n"} {
			cmd := exec.Command(binary(t, ""), "check", "--accessible", "--lang", tt.lang)
			// The shipped set: its numbers are the ones people dial.
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.TempDir(), "TERM=xterm-256color"}
			cmd.Stdin = strings.NewReader(answers)
			var session bytes.Buffer
			cmd.Stdout, cmd.Stderr = &session, &session
			if err := cmd.Run(); err != nil {
				t.Fatalf("%s %q: %v\n%s", tt.lang, answers, err, session.String())
			}
			text := session.String()
			for _, sym := range []string{"•", "https://", "www.", "(1/", "> ", "→", "─", "▼", "24/7"} {
				if strings.Contains(text, sym) {
					t.Errorf("%s %q: the session has %q, which a screen reader names or spells:\n%s", tt.lang, answers, sym, text)
				}
			}
			say := exec.Command(espeak, "-q", "-x", "-v", tt.voice, "--stdin")
			say.Stdin = strings.NewReader(text)
			heard, err := say.Output()
			if err != nil {
				t.Fatalf("espeak-ng: %v", err)
			}
			if m := amountPhonemes[tt.voice].FindString(string(heard)); m != "" {
				t.Errorf("%s %q: a number is heard as an amount (%q):\n%s", tt.lang, answers, m, heard)
			}
		}
	}
}
