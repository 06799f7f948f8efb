package cli

import (
	"bytes"
	"math/rand"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// applyUnifiedDiff applies a unified diff to the files read by orig and
// returns the results by the diff's b/ path. It is strict: context and
// deleted lines must match, and hunk headers must count right.
func applyUnifiedDiff(t *testing.T, diff string, orig func(path string) []byte) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	lines := strings.SplitAfter(diff, "\n")
	var path string
	var src []string // the file being patched
	var dst []string
	pos := 0 // next line of src to copy
	finish := func() {
		if path != "" {
			dst = append(dst, src[pos:]...)
			out[path] = []byte(strings.Join(dst, ""))
		}
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case l == "":
		case strings.HasPrefix(l, "--- "):
			finish()
			if !strings.HasPrefix(lines[i+1], "+++ b/") {
				t.Fatalf("line %d: %q after ---", i+2, lines[i+1])
			}
			path = strings.TrimSuffix(strings.TrimPrefix(lines[i+1], "+++ b/"), "\n")
			src, dst, pos = splitLines(orig(path)), nil, 0
			i++
		case strings.HasPrefix(l, "@@ "):
			var aStart, aCount, bStart, bCount int
			parseRange := func(s string) (int, int) {
				start, count, found := strings.Cut(s, ",")
				n, _ := strconv.Atoi(start)
				c := 1
				if found {
					c, _ = strconv.Atoi(count)
				}
				return n, c
			}
			f := strings.Fields(l)
			aStart, aCount = parseRange(strings.TrimPrefix(f[1], "-"))
			bStart, bCount = parseRange(strings.TrimPrefix(f[2], "+"))
			from := aStart - 1
			if aCount == 0 {
				from = aStart
			}
			if from < pos {
				t.Fatalf("hunk %q overlaps the previous one", l)
			}
			dst = append(dst, src[pos:from]...)
			if got := len(dst) + 1; bCount > 0 && got != bStart || bCount == 0 && got-1 != bStart {
				t.Fatalf("hunk %q: new text starts at line %d", l, got)
			}
			pos = from
			for aCount > 0 || bCount > 0 {
				i++
				body := lines[i]
				text := body[1:]
				if i+1 < len(lines) && strings.HasPrefix(lines[i+1], `\ No newline at end of file`) {
					text = strings.TrimSuffix(text, "\n")
					i++
				}
				switch body[0] {
				case ' ', '-':
					if pos >= len(src) || src[pos] != text {
						t.Fatalf("hunk %q: line %d is %q in the file, %q in the diff", l, pos+1, src[min(pos, len(src)-1)], text)
					}
					pos++
					aCount--
					if body[0] == ' ' {
						dst = append(dst, text)
						bCount--
					}
				case '+':
					dst = append(dst, text)
					bCount--
				default:
					t.Fatalf("bad diff line %q", body)
				}
			}
			if aCount != 0 || bCount != 0 {
				t.Fatalf("hunk %q: counts off by %d, %d", l, aCount, bCount)
			}
		default:
			t.Fatalf("unexpected diff line %q", l)
		}
	}
	finish()
	return out
}

// lcsLen is the length of the longest common subsequence, by dynamic
// programming: the reference for the diff's minimality.
func lcsLen(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}

func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(string(rune('a' + r.Intn(4))))
		b.WriteString("\n")
	}
	if r.Intn(3) == 0 && b.Len() > 0 {
		return strings.TrimSuffix(b.String(), "\n") // no final newline
	}
	return b.String()
}

func TestDiffRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		a, b := randomText(r, r.Intn(25)), randomText(r, r.Intn(25))
		al, bl := splitLines([]byte(a)), splitLines([]byte(b))
		del, ins := lineDiff(al, bl)
		edits := 0
		for _, d := range del {
			if d {
				edits++
			}
		}
		for _, d := range ins {
			if d {
				edits++
			}
		}
		if want := len(al) + len(bl) - 2*lcsLen(al, bl); edits != want {
			t.Fatalf("%q -> %q: %d edits, want the minimum %d", a, b, edits, want)
		}
		var d bytes.Buffer
		writeUnifiedDiff(&d, "f", []byte(a), []byte(b))
		if a == b {
			if d.Len() != 0 {
				t.Fatalf("equal texts give a diff:\n%s", d.String())
			}
			continue
		}
		got := applyUnifiedDiff(t, d.String(), func(string) []byte { return []byte(a) })["f"]
		if string(got) != b {
			t.Fatalf("%q -> %q: the diff\n%s\napplies to %q", a, b, d.String(), got)
		}
	}
}

func TestDiffFormat(t *testing.T) {
	var before, after strings.Builder
	for i := 1; i <= 20; i++ {
		before.WriteString("line " + strconv.Itoa(i) + "\n")
		switch i {
		case 2:
			after.WriteString("line 2 changed\n")
		case 10:
			// deleted
		case 13:
			after.WriteString("line 13\nnew after 13\n")
		default:
			after.WriteString("line " + strconv.Itoa(i) + "\n")
		}
	}
	var d bytes.Buffer
	writeUnifiedDiff(&d, "dir/f.txt", []byte(before.String()), []byte(after.String()+"tail"))
	want := `--- a/dir/f.txt
+++ b/dir/f.txt
@@ -1,5 +1,5 @@
 line 1
-line 2
+line 2 changed
 line 3
 line 4
 line 5
@@ -7,10 +7,10 @@
 line 7
 line 8
 line 9
-line 10
 line 11
 line 12
 line 13
+new after 13
 line 14
 line 15
 line 16
@@ -18,3 +18,4 @@
 line 18
 line 19
 line 20
+tail
\ No newline at end of file
`
	if d.String() != want {
		t.Errorf("diff:\n%s\nwant:\n%s", d.String(), want)
	}
	// Into an empty file and out of one.
	d.Reset()
	writeUnifiedDiff(&d, "e", nil, []byte("x\n"))
	if d.String() != "--- a/e\n+++ b/e\n@@ -0,0 +1 @@\n+x\n" {
		t.Errorf("from empty: %q", d.String())
	}
	d.Reset()
	writeUnifiedDiff(&d, "e", []byte("x\ny\n"), nil)
	if d.String() != "--- a/e\n+++ b/e\n@@ -1,2 +0,0 @@\n-x\n-y\n" {
		t.Errorf("to empty: %q", d.String())
	}
}

// TestDiffGitApply has git check the examples' diff, where git exists.
func TestDiffGitApply(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	dir := copyExamples(t)
	res := runCheck(t, dir, "--diff", "examples")
	patch := filepath.Join(t.TempDir(), "fix.patch")
	writeFile(t, filepath.Dir(patch), "fix.patch", res.stdout)
	cmd := exec.Command(git, "apply", "--check", "--unsafe-paths", patch)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("git apply --check: %v\n%s\n%s", err, out, res.stdout)
	}
}
