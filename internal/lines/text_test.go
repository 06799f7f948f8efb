package lines

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestPatched composes random edits on a text, reading the result
// through Patched (At, From, Slice, Len) without making it flat, against
// the edits applied to plain bytes; Text made flat gives those bytes.
func TestPatched(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	want := []byte("0123456789abcdefghij\nklmnopqrstuvwxyz\r\nABCDEFGHIJ")
	p := Flat(append([]byte(nil), want...))
	for step := range 200 {
		start := rng.IntN(len(want) + 1)
		end := min(start+rng.IntN(5), len(want))
		ins := []byte("XYZ\n"[:rng.IntN(5)])
		e := Edit{Start: start, End: end, NewLen: len(ins)}
		want = e.Apply(want, ins)
		p = p.Then(e, ins)
		if step%40 == 39 {
			p = Flat(p.Bytes()) // made flat, as the analysis does
		}
		if p.Len() != len(want) {
			t.Fatalf("step %d: Len %d, want %d", step, p.Len(), len(want))
		}
		for i := range want {
			if p.At(i) != want[i] {
				t.Fatalf("step %d: At(%d) = %q, want %q", step, i, p.At(i), want[i])
			}
		}
		var joined []byte
		for i := 0; i < p.Len(); {
			b := p.From(i)
			if len(b) == 0 {
				t.Fatalf("step %d: From(%d) is empty", step, i)
			}
			joined = append(joined, b...)
			i += len(b)
		}
		if !bytes.Equal(joined, want) {
			t.Fatalf("step %d: the parts From reads are %q, want %q", step, joined, want)
		}
		a, b := rng.IntN(len(want)+3)-1, rng.IntN(len(want)+3)-1
		if got := p.Slice(a, b); !bytes.Equal(got, want[min(max(a, 0), len(want)):max(min(b, len(want)), min(max(a, 0), len(want)))]) {
			t.Fatalf("step %d: Slice(%d, %d) = %q", step, a, b, got)
		}
		if got := PatchedText(p).Bytes(); !bytes.Equal(got, want) {
			t.Fatalf("step %d: Bytes = %q, want %q", step, got, want)
		}
	}
}
