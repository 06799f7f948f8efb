package golang

import "testing"

// ScanSyntax reports the first syntax error where the parser stopped, as
// a byte offset within the text (after 404, the newline; é is two bytes); a file that parses, or an empty one (a
// file being created), has none.
func TestSyntaxError(t *testing.T) {
	for _, tc := range []struct {
		src     string
		offset  int // -1: no error
		message string
	}{
		{"package p\n", -1, ""},
		{"", -1, ""},
		{" \n\t\n", -1, ""},
		{"package p\n\nfunc f() {\n\tw.WriteHeader(404\n}\n", 40, "missing ',' before newline in argument list"},
		{"package p\nfunc f() { x := é( }\n", 30, "expected operand, found '}'"},
		{"package p\nfunc f() {", 20, "expected ';', found 'EOF'"},
		{"packag p", 0, "expected 'package', found packag"},
	} {
		_, syn := ScanSyntax([]byte(tc.src))
		switch e := syn.Error; {
		case tc.offset < 0 && e != nil:
			t.Errorf("%q: error %+v, want none", tc.src, *e)
		case tc.offset < 0:
		case e == nil:
			t.Errorf("%q: no error, want %q at %d", tc.src, tc.message, tc.offset)
		case e.Offset != tc.offset || e.Message != tc.message:
			t.Errorf("%q: %q at %d, want %q at %d", tc.src, e.Message, e.Offset, tc.message, tc.offset)
		}
	}
}
