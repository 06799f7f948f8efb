// bigcopy.go defines Copy.

package bigcopy

import (
	"runtime"
	"unsafe"
)

// pieceBytes is how many bytes Copy moves between two yields: a few
// milliseconds into fresh memory, well under a millisecond otherwise.
const pieceBytes = 1 << 20

// Copy is the builtin copy for slices of any size: it copies
// min(len(dst), len(src)) elements from src to dst, which may overlap, and
// returns their number. Beyond pieceBytes it copies a piece at a time and
// calls runtime.Gosched after each piece, so that the goroutines waiting
// for a processor, and the collector waiting for this goroutine, run
// between pieces.
func Copy[E any](dst, src []E) int {
	n := min(len(dst), len(src))
	var e E
	piece := max(1, pieceBytes/max(1, int(unsafe.Sizeof(e))))
	if n <= piece {
		return copy(dst, src)
	}
	// Into a later address the end is copied first, so that an
	// overlapping source is read before it is overwritten, as copy does.
	backward := uintptr(unsafe.Pointer(unsafe.SliceData(dst))) > uintptr(unsafe.Pointer(unsafe.SliceData(src)))
	for done := 0; done < n; done += piece {
		lo, hi := done, min(done+piece, n)
		if backward {
			lo, hi = n-hi, n-lo
		}
		copy(dst[lo:hi], src[lo:hi])
		runtime.Gosched()
	}
	return n
}

// Clone returns a copy of s made by Copy; nil for nil.
func Clone[E any](s []E) []E {
	if s == nil {
		return nil
	}
	c := make([]E, len(s))
	Copy(c, s)
	return c
}
