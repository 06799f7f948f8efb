package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
)

// BenchmarkGoPackage gives the package of a file of a thousand files of
// about 100 lines: read from disk by a new index, and again by the same
// index, which checks each file's size and time.
func BenchmarkGoPackage(b *testing.B) {
	dir := b.TempDir()
	src := specgen.Go(100)
	for i := range 1000 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("h%04d.go", i)), src, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	path := filepath.Join(dir, "h0500.go")
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			if files, _ := New(nil, Options{}).GoPackage(path); len(files) != 1000 {
				b.Fatal(len(files))
			}
		}
	})
	b.Run("held", func(b *testing.B) {
		x := New(nil, Options{})
		x.GoPackage(path)
		for b.Loop() {
			x.GoPackage(path)
		}
	})
}
