// edit.go: applying fixes. A fix's edits never overlap; edits of
// different fixes may, and may also be identical (every use-status-constant
// fix in a file without net/http adds the same import), which FixAll and
// Merge apply once.

package lint

import (
	"fmt"
	"sort"
)

// normalizeEdits sorts a fix's edits and checks that they stay within a
// text of n bytes and do not overlap.
func normalizeEdits(edits []Edit, n int) ([]Edit, bool) {
	out := append([]Edit(nil), edits...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	for i, e := range out {
		if e.Start < 0 || e.End < e.Start || e.End > n {
			return nil, false
		}
		if i > 0 && e.Start < out[i-1].End {
			return nil, false
		}
		// Two insertions at one offset have no defined order.
		if i > 0 && e.Start == out[i-1].Start && e.Start == e.End && out[i-1].Start == out[i-1].End {
			return nil, false
		}
	}
	return out, true
}

// Merge combines fixes into one list of edits, in order: a fix whose
// edits clash with those of an earlier fix is left out whole; an edit
// identical to one already taken counts once. The result is sorted by
// offset and can be given to Apply.
func Merge(fixes []Fix) []Edit {
	var taken []Edit
	has := func(e Edit) bool {
		for _, t := range taken {
			if t == e {
				return true
			}
		}
		return false
	}
	clashes := func(e Edit) bool {
		for _, t := range taken {
			if t == e {
				continue
			}
			if e.Start < t.End && t.Start < e.End {
				return true
			}
			// An insertion where another edit starts would be ordered
			// arbitrarily.
			if e.Start == t.Start && (e.Start == e.End || t.Start == t.End) {
				return true
			}
		}
		return false
	}
	for _, fx := range fixes {
		ok := true
		for _, e := range fx.Edits {
			if clashes(e) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for _, e := range fx.Edits {
			if !has(e) {
				taken = append(taken, e)
			}
		}
	}
	sort.SliceStable(taken, func(i, j int) bool { return taken[i].Start < taken[j].Start })
	return taken
}

// FixAll returns the edits of every safe fix of the findings, merged as
// Merge does: what a fix-all action applies.
func FixAll(findings []Finding) []Edit {
	var fixes []Fix
	for _, f := range findings {
		for _, fx := range f.Fixes {
			if fx.Safe {
				fixes = append(fixes, fx)
				break // a finding's safe fixes are alternatives
			}
		}
	}
	return Merge(fixes)
}

// Apply returns src with the edits made. The edits must be sorted by
// offset and must not overlap.
func Apply(src []byte, edits []Edit) ([]byte, error) {
	out := make([]byte, 0, len(src))
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("edit [%d,%d) out of order or out of range", e.Start, e.End)
		}
		out = append(out, src[last:e.Start]...)
		out = append(out, e.NewText...)
		last = e.End
	}
	return append(out, src[last:]...), nil
}
