package text

import "fmt"

// Encoding is the unit of protocol.Position.Character.
type Encoding int

const (
	// UTF16 counts UTF-16 code units; characters outside the Basic
	// Multilingual Plane (such as 😀) count 2. It is the LSP default.
	UTF16 Encoding = iota
	// UTF8 counts bytes.
	UTF8
	// UTF32 counts Unicode code points.
	UTF32
)

// ParseEncoding maps an LSP PositionEncodingKind ("utf-8", "utf-16",
// "utf-32") to an Encoding.
func ParseEncoding(s string) (Encoding, bool) {
	switch s {
	case "utf-16":
		return UTF16, true
	case "utf-8":
		return UTF8, true
	case "utf-32":
		return UTF32, true
	}
	return UTF16, false
}

// String returns the LSP PositionEncodingKind name.
func (e Encoding) String() string {
	switch e {
	case UTF16:
		return "utf-16"
	case UTF8:
		return "utf-8"
	case UTF32:
		return "utf-32"
	}
	return fmt.Sprintf("Encoding(%d)", int(e))
}

// units is how many units of e the character r, encoded in size bytes of
// the document, occupies. An invalid byte arrives as (RuneError, 1) and
// counts 1 in every encoding. Unknown encodings behave as UTF16.
func (e Encoding) units(r rune, size int) int {
	switch e {
	case UTF8:
		return size
	case UTF32:
		return 1
	}
	if r >= 0x10000 {
		return 2
	}
	return 1
}
