package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files from the tests' output")

// Check fails t when got differs from the file at path, showing how with
// diff(want, got); with -update it writes got to path instead. A missing
// file fails t, saying that -update writes it.
func Check(t testing.TB, path string, got []byte, diff func(want, got string) string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the test's output (go test -update rewrites it):\n%s", path, diff(string(want), string(got)))
	}
}
