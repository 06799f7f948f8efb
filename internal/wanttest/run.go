// run.go: a test over every fixture of a directory, with golden files
// for the text after the fixes.

package wanttest

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	goldenfile "github.com/httpcode-lsp/httpcode-lsp/internal/golden"
)

// Result is what a test found in a fixture.
type Result struct {
	// Messages are matched against the fixture's wants (MatchMessages).
	Messages []Message
	// Fixed is the fixture's text after every fix, nil when nothing was
	// fixed. It is compared with name.golden beside the fixture, which
	// must not exist when Fixed is nil.
	Fixed []byte
}

// Fixtures returns the fixtures of dir: its files ending in one of exts
// (".go", ".yaml"), which must be at least one.
func Fixtures(t testing.TB, dir string, exts ...string) []string {
	t.Helper()
	var out []string
	for _, ext := range exts {
		m, err := filepath.Glob(filepath.Join(dir, "*"+ext))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	if len(out) == 0 {
		t.Fatalf("no fixtures (%s) in %s", strings.Join(exts, ", "), dir)
	}
	return out
}

// Run runs check over each fixture of dir with one of exts, in a subtest
// named for the file, and checks its result: messages against the wants,
// the fixed text against the golden file.
func Run(t *testing.T, dir string, exts []string, check func(t *testing.T, f *Fixture) Result) {
	t.Helper()
	for _, path := range Fixtures(t, dir, exts...) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f := Load(t, path)
			res := check(t, f)
			MatchMessages(t, f, res.Messages)
			f.Golden(t, res.Fixed)
		})
	}
}

// Golden compares fixed, the fixture's text after its fixes, with
// name.golden beside it (go test -update rewrites it); when fixed is
// nil, there must be no such file.
func (f *Fixture) Golden(t testing.TB, fixed []byte) {
	t.Helper()
	golden := f.Path + ".golden"
	if fixed == nil {
		if _, err := os.Stat(golden); err == nil {
			t.Errorf("%s exists but the fixture has no fixes", golden)
		}
		return
	}
	goldenfile.Check(t, golden, fixed, Diff)
}

// Diff shows the first differing lines of two texts.
func Diff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(wl), len(gl)) && shown < 12; i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			b.WriteString(strconv.Itoa(i+1) + ":\n  want " + strconv.Quote(w) + "\n  got  " + strconv.Quote(g) + "\n")
			shown++
		}
	}
	return b.String()
}
