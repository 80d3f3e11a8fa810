// Package i18n holds the words iopfit's Go code shows a person (errors, help,
// the form's key hints) in each language it speaks, and picks the language.
// The assessment's own words live in the question file and its translations.
//
// Errors are built with a message ID and arguments, and rendered in the
// reader's language only when printed, so packages that find a problem need
// not know who will read about it.
package i18n

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/iopfit/iopfit/internal/safetext"
)

// Lang is a language iopfit speaks, as its ISO 639-1 code.
type Lang string

// The languages iopfit speaks.
const (
	English Lang = "en"
	Spanish Lang = "es"
)

// Langs lists the languages in a stable order, English (the source) first.
var Langs = []Lang{English, Spanish}

// Parse reads a --lang value.
func Parse(s string) (Lang, bool) {
	l := Lang(strings.ToLower(strings.TrimSpace(s)))
	return l, slices.Contains(Langs, l)
}

// FromLocale picks the language from the first non-empty of LC_ALL,
// LC_MESSAGES and LANG, as the C library does: Spanish when it starts with
// "es" (es, es_US.UTF-8, es_MX), English otherwise.
func FromLocale(getenv func(string) string) Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "es") {
				return Spanish
			}
			return English
		}
	}
	return English
}

// Names lists the languages for a message: "en or es".
func Names(l Lang) string {
	names := make([]string, len(Langs))
	for i, x := range Langs {
		names[i] = string(x)
	}
	return List(l, names)
}

// List joins items as a sentence would: "a, b or c" / "a, b o c".
func List(l Lang, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	or := " or "
	if l == Spanish {
		or = " o "
	}
	return strings.Join(items[:len(items)-1], ", ") + or + items[len(items)-1]
}

// Or is a list of words, such as formats, to be joined with "or" in the
// reader's language.
type Or []string

// In joins the words as l writes a list.
func (o Or) In(l Lang) string { return List(l, o) }

// Size is a number of bytes, said as a person reads a file size: "1 MiB",
// "64 KiB", "900 bytes". A message about a limit takes the limit itself, so
// that the text can never name another number than the one enforced.
type Size int64

// In says the size in l, in the largest unit that divides it.
func (s Size) In(l Lang) string {
	const kib, mib = 1 << 10, 1 << 20
	switch {
	case s >= mib && s%mib == 0:
		return strconv.FormatInt(int64(s/mib), 10) + " MiB"
	case s >= kib && s%kib == 0:
		return strconv.FormatInt(int64(s/kib), 10) + " KiB"
	}
	return strconv.FormatInt(int64(s), 10) + " bytes"
}

// Message is text to show a person: a catalog ID and its arguments. Arguments
// that can say themselves in a language (Messages, Or lists, Localized
// errors) are rendered in the message's language.
type Message struct {
	ID   string
	Args []any
}

// M makes a message.
func M(id string, args ...any) Message { return Message{ID: id, Args: args} }

// In renders m in l, falling back to English for a text without a
// translation (the tests make sure there is none).
func (m Message) In(l Lang) string {
	texts, ok := catalog[m.ID]
	if !ok {
		return m.ID
	}
	format := texts[English]
	if t, ok := texts[l]; ok && t != "" {
		format = t
	}
	if len(m.Args) == 0 {
		return format
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch v := a.(type) {
		case interface{ In(Lang) string }:
			a = v.In(l)
		case string:
			a = safetext.Cut(v, maxArg)
		case error:
			a = safetext.Cut(v.Error(), maxArg)
		}
		args[i] = a
	}
	return fmt.Sprintf(format, args...)
}

// maxArg bounds each text a message quotes, in characters. A value comes from outside (a
// flag, a file, a library's error about a file) and may be 100 KB long; a
// message is one line for a person to read.
const maxArg = 200

// String renders m in English, the language of logs and Go errors.
func (m Message) String() string { return m.In(English) }

// T renders the catalog text id, with args, in l.
func T(l Lang, id string, args ...any) string { return M(id, args...).In(l) }

// Localized is an error that can say itself in another language.
type Localized interface {
	error
	In(Lang) string
}

// Error is an error whose whole text is a message.
type Error struct {
	Msg Message
	Err error // the cause, if any
}

func (e *Error) Error() string            { return e.Msg.In(English) }
func (e *Error) In(l Lang) string         { return e.Msg.In(l) }
func (e *Error) Unwrap() error            { return e.Err }
func Errorf(id string, args ...any) error { return &Error{Msg: M(id, args...)} }
