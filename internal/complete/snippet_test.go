package complete

import "testing"

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"'201':\n  description: ${1:Created}$0", "'201':\n  description: Created"},
		{"a ${1:b ${2:c}} d", "a b c d"},
		{"cost: \\$5 \\} \\\\ $1 ${2}", "cost: $5 } \\  "},
		{"plain", "plain"},
		{"$", "$"},
		{"${x}", "${x}"},
	} {
		if got := PlainText(tc.in); got != tc.want {
			t.Errorf("PlainText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
