package lint

import (
	"bytes"
	"math/rand"
	"testing"
)

// TestLineHelpersMatchLineBounds checks indentBefore and restIsComment,
// which read only the blanks around an offset, against their definition
// by the line's bounds.
func TestLineHelpersMatchLineBounds(t *testing.T) {
	alphabet := []byte(" \t\r\n#a:{")
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		src := make([]byte, rng.Intn(12))
		for i := range src {
			src[i] = alphabet[rng.Intn(len(alphabet))]
		}
		for off := 0; off <= len(src); off++ {
			if off > 0 && off < len(src) && src[off-1] == '\r' && src[off] == '\n' {
				continue // inside a line break: no key or value ends there
			}
			ls := lineStart(src, off)
			wantIndent, wantOK := string(src[ls:off]), isBlankBytes(src[ls:off])
			if !wantOK {
				wantIndent = ""
			}
			if got, ok := indentBefore(src, off); got != wantIndent || ok != wantOK {
				t.Fatalf("indentBefore(%q, %d) = %q, %v; want %q, %v", src, off, got, ok, wantIndent, wantOK)
			}
			rest := bytes.TrimLeft(src[off:lineEnd(src, off)], " \t")
			want := len(rest) == 0 || rest[0] == '#'
			if got := restIsComment(src, off); got != want {
				t.Fatalf("restIsComment(%q, %d) = %v; want %v", src, off, got, want)
			}
		}
	}
}
