package occurrence

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestSort compares Sort with a stable sort of the same occurrences:
// ordered by start, those with the same start in the order given.
func TestSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 17, 1000} {
		for _, span := range []int{3, 100000} {
			occs := make([]Occurrence, n)
			for i := range occs {
				occs[i] = Occurrence{Start: r.IntN(span), Code: i}
			}
			want := slices.Clone(occs)
			sort.SliceStable(want, func(i, j int) bool { return want[i].Start < want[j].Start })
			Sort(occs)
			if !slices.Equal(occs, want) {
				t.Fatalf("%d occurrences over %d offsets: got %v, want %v", n, span, occs, want)
			}
		}
	}
}
