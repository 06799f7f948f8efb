package golang

import (
	"fmt"
	"testing"
)

// TestCachesKeepTwoVersions edits a file of a package of two ten times:
// the caches keep the last two versions of the file and of the package,
// and the file beside it, and a version scanned again is still answered.
func TestCachesKeepTwoVersions(t *testing.T) {
	resetCaches()
	files := []Source{
		{Path: "a.go", Src: []byte("package api\n\nconst gone = 410\n")},
		{Path: "b.go", Src: []byte("package api\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(gone) }\n")},
	}
	var prev *File
	for i := range 10 {
		files[0].Src = fmt.Appendf(nil, "package api\n\nconst gone = 410 // %d\n", i)
		f, _ := ScanPackage(files, 1)
		if len(f.Occurrences) != 1 || f.Occurrences[0].Code != 410 {
			t.Fatalf("edit %d: %+v", i, f.Occurrences)
		}
		if again, _ := ScanPackage(files, 1); again != f {
			t.Fatalf("edit %d: the package scanned again was analysed again", i)
		}
		prev = f
	}
	parses.mu.Lock()
	versions := map[string]int{}
	for k := range parses.byKey {
		versions[k.path]++
	}
	parses.mu.Unlock()
	if versions["a.go"] != maxVersions || versions["b.go"] != 1 {
		t.Errorf("parsed versions by path: %v, want %d of a.go and 1 of b.go", versions, maxVersions)
	}
	packages.mu.Lock()
	results := len(packages.results)
	packages.mu.Unlock()
	if results != maxVersions {
		t.Errorf("%d package results kept, want %d", results, maxVersions)
	}
	if f, _ := ScanPackage(files, 1); f != prev {
		t.Error("the last version was analysed again")
	}
}
