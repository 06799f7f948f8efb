// diff.go writes unified diffs (--diff): a line diff by Myers' O(ND)
// algorithm in its linear-space form, printed with three lines of context
// in the format of `diff -u` and `git diff`, which patch and git apply
// read.

package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// diffContext is the number of unchanged lines around each change.
const diffContext = 3

// splitLines cuts text into lines that keep their "\n"; the last line may
// have none.
func splitLines(text []byte) []string {
	lines := strings.SplitAfter(string(text), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1] // text is empty or ends with "\n"
	}
	return lines
}

// lineDiff marks the lines of a deleted and of b inserted by a shortest
// edit script from a to b.
func lineDiff(a, b []string) (deleted, inserted []bool) {
	ids := map[string]int{}
	intern := func(lines []string) []int {
		out := make([]int, len(lines))
		for i, l := range lines {
			id, ok := ids[l]
			if !ok {
				id = len(ids)
				ids[l] = id
			}
			out[i] = id
		}
		return out
	}
	ia, ib := intern(a), intern(b)
	deleted, inserted = make([]bool, len(a)), make([]bool, len(b))
	// A line of one side that the other lacks is in no common
	// subsequence: it is deleted (inserted), and the search runs on the
	// rest alone, as GNU diff does. The script stays a shortest one; a
	// rewrite of every line costs nothing to search.
	ka, kb := shared(ia, ib, len(ids), deleted), shared(ib, ia, len(ids), inserted)
	d := &differ{a: pick(ia, ka), b: pick(ib, kb), del: make([]bool, len(ka)), ins: make([]bool, len(kb))}
	n := len(ka) + len(kb) + 2
	d.vf, d.vb = make([]int, 2*n+2), make([]int, 2*n+2)
	d.compare(0, len(ka), 0, len(kb))
	for i, k := range ka {
		deleted[k] = d.del[i]
	}
	for j, k := range kb {
		inserted[k] = d.ins[j]
	}
	return deleted, inserted
}

// shared returns the indexes of the lines of x that y has too, and marks
// the others in only; ids run from 0 to n-1.
func shared(x, y []int, n int, only []bool) []int {
	in := make([]bool, n)
	for _, id := range y {
		in[id] = true
	}
	var keep []int
	for i, id := range x {
		if in[id] {
			keep = append(keep, i)
		} else {
			only[i] = true
		}
	}
	return keep
}

// pick returns the ids at the indexes.
func pick(ids, indexes []int) []int {
	out := make([]int, len(indexes))
	for i, k := range indexes {
		out[i] = ids[k]
	}
	return out
}

type differ struct {
	a, b     []int
	del, ins []bool
	vf, vb   []int // furthest reaching x per diagonal, forward and backward
}

// compare marks the edits between a[aLo:aHi] and b[bLo:bHi].
func (d *differ) compare(aLo, aHi, bLo, bHi int) {
	for aLo < aHi && bLo < bHi && d.a[aLo] == d.b[bLo] {
		aLo++
		bLo++
	}
	for aLo < aHi && bLo < bHi && d.a[aHi-1] == d.b[bHi-1] {
		aHi--
		bHi--
	}
	switch {
	case aLo == aHi:
		for j := bLo; j < bHi; j++ {
			d.ins[j] = true
		}
	case bLo == bHi:
		for i := aLo; i < aHi; i++ {
			d.del[i] = true
		}
	default:
		x, y, u, v := d.middleSnake(aLo, aHi, bLo, bHi)
		d.compare(aLo, x, bLo, y)
		d.compare(u, aHi, v, bHi)
	}
}

// middleSnake finds the middle snake of an optimal path from (aLo, bLo)
// to (aHi, bHi): the matching run (x, y)..(u, v) where the forward and
// backward searches meet. Both ranges are non-empty and differ at both
// ends.
func (d *differ) middleSnake(aLo, aHi, bLo, bHi int) (x, y, u, v int) {
	n, m := aHi-aLo, bHi-bLo
	delta := n - m
	odd := delta&1 != 0
	maxD := (n + m + 1) / 2
	off := maxD + 1
	vf, vb := d.vf[:2*off+1], d.vb[:2*off+1]
	vf[off+1], vb[off+1] = 0, 0
	for D := 0; D <= maxD; D++ {
		for k := -D; k <= D; k += 2 {
			var x int
			if k == -D || (k != D && vf[off+k-1] < vf[off+k+1]) {
				x = vf[off+k+1]
			} else {
				x = vf[off+k-1] + 1
			}
			y := x - k
			x0, y0 := x, y
			for x < n && y < m && d.a[aLo+x] == d.b[bLo+y] {
				x++
				y++
			}
			vf[off+k] = x
			// The backward search has made D-1 moves; its diagonal
			// delta-k meets this one if it reached far enough.
			if kb := delta - k; odd && kb >= -(D-1) && kb <= D-1 && x+vb[off+kb] >= n {
				return aLo + x0, bLo + y0, aLo + x, bLo + y
			}
		}
		for k := -D; k <= D; k += 2 {
			var x int
			if k == -D || (k != D && vb[off+k-1] < vb[off+k+1]) {
				x = vb[off+k+1]
			} else {
				x = vb[off+k-1] + 1
			}
			y := x - k
			x0, y0 := x, y
			for x < n && y < m && d.a[aHi-1-x] == d.b[bHi-1-y] {
				x++
				y++
			}
			vb[off+k] = x
			if kf := delta - k; !odd && kf >= -D && kf <= D && x+vf[off+kf] >= n {
				return aLo + n - x, bLo + m - y, aLo + n - x0, bLo + m - y0
			}
		}
	}
	panic("diff: no middle snake") // unreachable: the searches meet by maxD
}

// diffOp is one line of a diff: ' ' kept, '-' deleted, '+' inserted.
type diffOp struct {
	kind byte
	line string
}

func diffOps(a, b []string) []diffOp {
	del, ins := lineDiff(a, b)
	var ops []diffOp
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && del[i]:
			ops = append(ops, diffOp{'-', a[i]})
			i++
		case j < len(b) && ins[j]:
			ops = append(ops, diffOp{'+', b[j]})
			j++
		default:
			ops = append(ops, diffOp{' ', a[i]})
			i++
			j++
		}
	}
	return ops
}

// writeUnifiedDiff writes the diff from before to after of the file at
// path (slash-separated), with git's a/ and b/ prefixes for a relative
// path. Equal texts write nothing.
func writeUnifiedDiff(w io.Writer, path string, before, after []byte) error {
	ops := diffOps(splitLines(before), splitLines(after))
	bw := bufio.NewWriter(w)
	from, to := "a/"+path, "b/"+path
	if len(path) > 0 && path[0] == '/' {
		from, to = path, path
	}
	header := false
	// aLine and bLine count the lines before ops[i].
	aLine, bLine := 0, 0
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			aLine++
			bLine++
			i++
			continue
		}
		// A hunk: the change at i with its context, extended while the
		// next change is within twice the context.
		start := max(i-diffContext, 0)
		end := i
		for k := i; k < len(ops); k++ {
			if ops[k].kind != ' ' {
				end = k + 1
			} else if k-end >= 2*diffContext {
				break
			}
		}
		end = min(end+diffContext, len(ops))
		aStart, bStart := aLine-(i-start), bLine-(i-start)
		aCount, bCount := 0, 0
		for _, op := range ops[start:end] {
			if op.kind != '+' {
				aCount++
			}
			if op.kind != '-' {
				bCount++
			}
		}
		if !header {
			fmt.Fprintf(bw, "--- %s\n+++ %s\n", from, to)
			header = true
		}
		fmt.Fprintf(bw, "@@ -%s +%s @@\n", hunkRange(aStart, aCount), hunkRange(bStart, bCount))
		for _, op := range ops[start:end] {
			bw.WriteByte(op.kind)
			bw.WriteString(op.line)
			if len(op.line) == 0 || op.line[len(op.line)-1] != '\n' {
				bw.WriteString("\n\\ No newline at end of file\n")
			}
		}
		for _, op := range ops[i:end] {
			if op.kind != '+' {
				aLine++
			}
			if op.kind != '-' {
				bLine++
			}
		}
		i = end
	}
	return bw.Flush()
}

// hunkRange is "start,count" of a hunk header, with diff's conventions:
// lines are 1-based, a count of 1 is left out, and an empty range names
// the line before it.
func hunkRange(before, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", before)
	case 1:
		return fmt.Sprint(before + 1)
	}
	return fmt.Sprintf("%d,%d", before+1, count)
}
