package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// gitignoreCases are patterns of one .gitignore, a path below it and
// whether git ignores the path.
var gitignoreCases = []struct {
	pattern string
	path    string
	dir     bool
	want    bool
}{
	{"*.log", "a.log", false, true},
	{"*.log", "deep/er/a.log", false, true},
	{"*.log", "a.logs", false, false},
	{"build/", "build", true, true},
	{"build/", "build", false, false}, // a file named build
	{"build/", "src/build", true, true},
	{"/rooted.yaml", "rooted.yaml", false, true},
	{"/rooted.yaml", "sub/rooted.yaml", false, false},
	{"docs/*.yaml", "docs/a.yaml", false, true},
	{"docs/*.yaml", "docs/sub/a.yaml", false, false},
	{"docs/*.yaml", "x/docs/a.yaml", false, false}, // an inner slash anchors
	{"**/gen", "gen", true, true},
	{"**/gen", "a/b/gen", true, true},
	{"gen/**", "gen/a/b.yaml", false, true},
	{"gen/**", "gen", true, false},
	{"a/**/b.yaml", "a/b.yaml", false, true},
	{"a/**/b.yaml", "a/x/y/b.yaml", false, true},
	{"a/**/b.yaml", "b/a/x/b.yaml", false, false},
	{"?.go", "a.go", false, true},
	{"?.go", "ab.go", false, false},
	{"[abc].go", "b.go", false, true},
	{"[a-c].go", "d.go", false, false},
	{"[!a-c].go", "d.go", false, true},
	{"[!a-c].go", "a.go", false, false},
	{`\#file.yaml`, "#file.yaml", false, true},
	{`\!bang.yaml`, "!bang.yaml", false, true},
	{"trailing.yaml   ", "trailing.yaml", false, true},
	{`space\ `, "space ", false, true},
	{"# comment", "# comment", false, false},
	{"***.yaml", "x.yaml", false, true},
	{"[unclosed", "[unclosed", false, false}, // matches nothing, as in git
}

func TestGitignorePatterns(t *testing.T) {
	for _, tc := range gitignoreCases {
		f := parseIgnore("/r", []byte(tc.pattern))
		got, _ := f.match(filepath.FromSlash("/r/"+tc.path), tc.dir)
		if got != tc.want {
			t.Errorf("%q on %q (dir %v): ignored %v, want %v", tc.pattern, tc.path, tc.dir, got, tc.want)
		}
	}
}

// TestGitignoreCasesAgreeWithGit asks git itself (check-ignore, where git
// is installed) about every case of TestGitignorePatterns: each pattern in
// the .gitignore of a directory of its own.
func TestGitignoreCasesAgreeWithGit(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	if out, err := exec.Command(git, "init", "-q", dir).CombinedOutput(); err != nil {
		t.Skipf("git init: %v %s", err, out)
	}
	var paths []string
	for i, tc := range gitignoreCases {
		sub := "c" + strconv.Itoa(i)
		writeFile(t, dir, sub+"/.gitignore", tc.pattern+"\n")
		if tc.dir {
			writeFile(t, dir, sub+"/"+tc.path+"/x", "")
		} else {
			writeFile(t, dir, sub+"/"+tc.path, "")
		}
		paths = append(paths, sub+"/"+tc.path)
	}
	cmd := exec.Command(git, "check-ignore", "--no-index", "--stdin")
	cmd.Dir, cmd.Stdin = dir, strings.NewReader(strings.Join(paths, "\n")+"\n")
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 1) {
		t.Fatalf("git check-ignore: %v", err)
	}
	ignored := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		ignored[l] = true
	}
	for i, tc := range gitignoreCases {
		if ignored[paths[i]] != tc.want {
			t.Errorf("git: %q on %q (dir %v): ignored %v, the case says %v", tc.pattern, tc.path, tc.dir, ignored[paths[i]], tc.want)
		}
	}
}

func TestGitignoreOrder(t *testing.T) {
	f := parseIgnore("/r", []byte("*.yaml\n!keep.yaml\n"))
	if ig, _ := f.match("/r/x.yaml", false); !ig {
		t.Error("x.yaml not ignored")
	}
	if ig, decided := f.match("/r/keep.yaml", false); ig || !decided {
		t.Error("keep.yaml not re-included by the negation")
	}
	inner := parseIgnore("/r/sub", []byte("!x.yaml\n"))
	if ignoredBy([]*ignoreFile{f, inner}, "/r/sub/x.yaml", false) {
		t.Error("a deeper .gitignore's negation does not win")
	}
	if !ignoredBy([]*ignoreFile{f, inner}, "/r/other/x.yaml", false) {
		t.Error("the deeper file applies outside its directory")
	}
}

// tree writes files (name -> content) under a new directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		writeFile(t, dir, name, content)
	}
	return dir
}

func walked(t *testing.T, cwd string, excludes []string, args ...string) []string {
	t.Helper()
	w := newWalker(cwd, walkOptions{excludes: excludes, gitignore: true})
	for _, a := range args {
		w.add(a)
	}
	if len(w.errs) > 0 {
		t.Errorf("walk errors: %v", w.errs)
	}
	var out []string
	for _, f := range w.files {
		out = append(out, filepath.ToSlash(f.display))
	}
	sort.Strings(out)
	return out
}

func TestWalkSkips(t *testing.T) {
	dir := tree(t, map[string]string{
		".gitignore":                  "build/\n*.gen.yaml\n!keep.gen.yaml\n/rooted.yaml\ndeep/**/x.yaml\n",
		"a.yaml":                      "",
		"b.yml":                       "",
		"c.json":                      "",
		"d.go":                        "",
		"notes.txt":                   "",
		".httpcode-lsp.yaml":          "",
		".git/hooks/x.yaml":           "",
		"vendor/v/v.go":               "",
		"node_modules/m/package.json": "",
		"src/vendor/v.go":             "",
		"build/b.yaml":                "",
		"x.gen.yaml":                  "",
		"keep.gen.yaml":               "",
		"rooted.yaml":                 "",
		"sub/rooted.yaml":             "",
		"deep/x.yaml":                 "",
		"deep/a/b/x.yaml":             "",
		"deep/a/y.yaml":               "",
		"sub/.gitignore":              "local.yaml\n!z.gen.yaml\n",
		"sub/local.yaml":              "",
		"sub/z.gen.yaml":              "",
		".github/workflows/ci.yml":    "",
	})
	if err := os.Symlink("a.yaml", filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("sub", filepath.Join(dir, "linkdir")); err != nil {
		t.Fatal(err)
	}
	want := []string{
		".github/workflows/ci.yml", "a.yaml", "b.yml", "c.json", "d.go", "deep/a/y.yaml",
		"keep.gen.yaml", "link.yaml", "sub/rooted.yaml", "sub/z.gen.yaml",
	}
	if got := walked(t, dir, nil, "."); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("walked\n%v\nwant\n%v", got, want)
	}

	// --exclude, relative to the working directory, after .gitignore.
	got := walked(t, dir, []string{"sub/", "*.json", "!c.json", ".github"}, ".")
	want = []string{"a.yaml", "b.yml", "c.json", "d.go", "deep/a/y.yaml", "keep.gen.yaml", "link.yaml"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("with --exclude: %v, want %v", got, want)
	}

	// Without .gitignore.
	w := newWalker(dir, walkOptions{})
	w.add(".")
	if len(w.files) != 16 {
		var names []string
		for _, f := range w.files {
			names = append(names, f.display)
		}
		t.Errorf("--no-gitignore walked %d files: %v", len(w.files), names)
	}
}

func TestWalkArguments(t *testing.T) {
	dir := tree(t, map[string]string{
		".gitignore":         "*.tmp.yaml\nignored/\n",
		"api/a.yaml":         "",
		"api/b.tmp.yaml":     "",
		"api/sub/c.yaml":     "",
		"ignored/d.yaml":     "",
		"ignored/e.tmp.yaml": "",
		"readme.md":          "",
	})
	// The parent's .gitignore applies below a directory argument.
	if got := walked(t, dir, nil, "api"); strings.Join(got, " ") != "api/a.yaml api/sub/c.yaml" {
		t.Errorf("api: %v", got)
	}
	// A file named explicitly is checked whatever .gitignore says; a
	// directory named explicitly is walked; the same file twice counts
	// once.
	got := walked(t, dir, nil, "api/b.tmp.yaml", "ignored", "api/a.yaml", "./api/a.yaml", "readme.md")
	if want := "api/a.yaml api/b.tmp.yaml ignored/d.yaml"; strings.Join(got, " ") != want {
		t.Errorf("explicit: %v, want %v", got, want)
	}
	// Absolute arguments give absolute paths.
	if got := walked(t, "/", nil, filepath.Join(dir, "api", "sub")); len(got) != 1 || got[0] != filepath.ToSlash(filepath.Join(dir, "api", "sub", "c.yaml")) {
		t.Errorf("absolute: %v", got)
	}
}

func TestWalkStopsAtTheRepository(t *testing.T) {
	dir := tree(t, map[string]string{
		".gitignore":          "*.yaml\n", // outside the repository below
		"repo/.git/HEAD":      "",
		"repo/.gitignore":     "gen/\n",
		"repo/api/a.yaml":     "",
		"repo/api/gen/b.yaml": "",
	})
	got := walked(t, dir, nil, "repo/api")
	if strings.Join(got, " ") != "repo/api/a.yaml" {
		t.Errorf("walked %v; want the repository's .gitignore only", got)
	}
}

// TestWalkSkipsTestdata: as Go tools do, testdata directories met in a
// walk are left out unless --include-testdata; one named is walked.
func TestWalkSkipsTestdata(t *testing.T) {
	dir := tree(t, map[string]string{
		"api.yaml":                 "",
		"testdata/bad.yaml":        "",
		"pkg/testdata/fixture.go":  "",
		"pkg/testdata/deep/x.json": "",
		"pkg/p.go":                 "",
		"pkg/testdatum/y.yaml":     "",
	})
	if got := walked(t, dir, nil, "."); strings.Join(got, " ") != "api.yaml pkg/p.go pkg/testdatum/y.yaml" {
		t.Errorf("walked %v", got)
	}
	if got := walked(t, dir, nil, "pkg/testdata"); strings.Join(got, " ") != "pkg/testdata/deep/x.json pkg/testdata/fixture.go" {
		t.Errorf("named testdata: walked %v", got)
	}
	w := newWalker(dir, walkOptions{testdata: true})
	w.add(".")
	if len(w.files) != 6 {
		t.Errorf("--include-testdata walked %v", w.files)
	}

	// What a user sees.
	writeFile(t, dir, "testdata/bad.yaml", "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        200:\n          description: OK\n")
	if res := runCheck(t, dir, "--color", "never"); res.code != ExitOK || res.stdout != "" {
		t.Errorf("check: exit %d, stdout %q; want 0 and nothing", res.code, res.stdout)
	}
	res := runCheck(t, dir, "--color", "never", "--include-testdata")
	if want := "\n" + filepath.Join("testdata", "bad.yaml") + ":6:9: warning unquoted-status-code: response key 200 is a YAML integer; quote it: '200'\n"; !strings.Contains(res.stdout, want) {
		t.Errorf("check --include-testdata: %q, want %q", res.stdout, want)
	}
}
