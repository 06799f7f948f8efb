package bigcopy

import (
	"bytes"
	"runtime"
	"testing"
)

// pattern returns n bytes that differ from their neighbours, so that a
// piece copied to the wrong place shows.
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i/251)
	}
	return b
}

func TestCopyIsCopy(t *testing.T) {
	for _, n := range []int{0, 1, pieceBytes - 1, pieceBytes, pieceBytes + 1, 3*pieceBytes + 17} {
		src := pattern(n)
		for _, dstLen := range []int{n, n / 2, n + 5} {
			got, want := make([]byte, dstLen), make([]byte, dstLen)
			if c, w := Copy(got, src), copy(want, src); c != w || !bytes.Equal(got, want) {
				t.Errorf("%d bytes into %d: copied %d (want %d), equal %v", n, dstLen, c, w, bytes.Equal(got, want))
			}
		}
	}
}

// TestCopyOverlapping shifts a slice within itself both ways, as an edit
// of a document's text in place does.
func TestCopyOverlapping(t *testing.T) {
	const n = 3*pieceBytes + 17
	for _, shift := range []int{1, 5, pieceBytes / 3, pieceBytes + 1} {
		for _, right := range []bool{true, false} {
			got, want := pattern(n+shift), pattern(n+shift)
			if right {
				Copy(got[shift:], got[:n])
				copy(want[shift:], want[:n])
			} else {
				Copy(got[:n], got[shift:])
				copy(want[:n], want[shift:])
			}
			if !bytes.Equal(got, want) {
				t.Errorf("shift %d right %v: not what copy makes", shift, right)
			}
		}
	}
}

func TestCopyWideElements(t *testing.T) {
	src := make([]int64, pieceBytes/8*2+3)
	for i := range src {
		src[i] = int64(i) * 3
	}
	dst := make([]int64, len(src))
	if n := Copy(dst, src); n != len(src) {
		t.Fatalf("copied %d of %d", n, len(src))
	}
	for i := range dst {
		if dst[i] != src[i] {
			t.Fatalf("element %d: %d, want %d", i, dst[i], src[i])
		}
	}
}

// TestCopyYields runs a goroutine that waits for a processor while the
// only one copies: it runs in the middle of the copy, and so sees part of
// the destination written, only if Copy yields between pieces (the
// builtin copy cannot be preempted).
func TestCopyYields(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	src := bytes.Repeat([]byte{1}, 4*pieceBytes)
	dst := make([]byte, len(src))
	seen := make(chan int, 1)
	ready := make(chan struct{})
	go func() {
		close(ready)
		runtime.Gosched() // back in the queue, behind the copy
		seen <- bytes.Count(dst, []byte{1})
	}()
	<-ready
	Copy(dst, src)
	if n := <-seen; n == 0 || n == len(dst) {
		t.Errorf("a goroutine waiting for the processor saw %d of %d bytes copied; want some, not all", n, len(dst))
	}
}

func TestClone(t *testing.T) {
	if Clone([]byte(nil)) != nil {
		t.Error("Clone(nil) is not nil")
	}
	src := pattern(2*pieceBytes + 5)
	c := Clone(src)
	if !bytes.Equal(c, src) || &c[0] == &src[0] {
		t.Error("Clone is not a copy of its own")
	}
}
