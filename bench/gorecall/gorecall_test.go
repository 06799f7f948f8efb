package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

const fixtureModule = "example.com/fixture@v0.0.0"

func fixtureModules() *modules {
	return &modules{dirs: map[string]string{fixtureModule: "testdata/fixture"}}
}

// fixtureFile is a result for a file of three labelled codes, built by
// hand so that the scoring is checked apart from the analysis.
func fixtureFile() *fileResult {
	src := []byte("w.WriteHeader(404)\nfor i := 0; i < 200; i++ {}\nif resp.StatusCode >= 500 {}\nassert.Equal(t, 201, rec.Code)\n")
	at := func(s string) int { return strings.Index(string(src), s) }
	r := &fileResult{Module: fixtureModule, File: "a.go", Src: src, Lines: lines.New(src)}
	r.Labels = []label{
		{Text: "404", Status: true, Role: "send", Offset: at("404")},
		{Text: "200", Offset: at("200")},
		{Text: "500", Status: true, Role: "observe", Boundary: true, Offset: at("500")},
		{Text: "201", Status: true, Role: "observe", Offset: at("201")},
	}
	r.Occs = []occ{
		{Start: at("404"), End: at("404") + 3, Role: "send"},
		{Start: at("200"), End: at("200") + 3, Role: "observe"},
		{Start: at("500"), End: at("500") + 3, Role: "send"},
		{Start: at("0;"), End: at("0;") + 1, Role: "observe"},
	}
	r.Findings = []finding{
		{Rule: "invalid-status-code", Line: 1, Col: 15},
		{Rule: "invalid-status-code", Line: 2, Col: 10},
		{Rule: "unknown-status-code", Line: 3, Col: 23},
	}
	r.Stdlib = []int{at("404"), at("201")}
	return r
}

func TestScoreSet(t *testing.T) {
	r := fixtureFile()
	judged := map[string]judgement{}
	for _, j := range []judgement{
		{Module: fixtureModule, File: "a.go", Line: 1, Col: 15, Rule: "invalid-status-code", True: true},
		{Module: fixtureModule, File: "a.go", Line: 2, Col: 10, Rule: "invalid-status-code"},
	} {
		judged[j.key()] = j
	}
	s := scoreSet("dev", []*fileResult{r}, nil, judged)
	got := fmt.Sprintf("labels %d, hovered %d/%d, boundary %d/%d, roles right %d, false %d/%d, unlabelled %d, stdlib %d/%d",
		s.Labels, s.Hovered, s.Status, s.BoundaryHovered, s.Boundary, s.RoleRight, len(s.False), s.Occs, len(s.Unlabelled), s.StdlibHovered, s.Stdlib)
	want := "labels 4, hovered 2/3, boundary 1/1, roles right 1, false 1/4, unlabelled 1, stdlib 1/2"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if len(s.Misses) != 1 || s.Misses[0].Label.Text != "201" {
		t.Errorf("misses %+v, want the 201", s.Misses)
	}
	if len(s.WrongRoles) != 1 || s.WrongRoles[0].Got != "send" {
		t.Errorf("wrong roles %+v, want the 500 found as send", s.WrongRoles)
	}
	inv, unk := s.Rules["invalid-status-code"], s.Rules["unknown-status-code"]
	if inv.True != 1 || inv.False != 1 || len(inv.Unjudged) != 0 || unk.True+unk.False != 0 || len(unk.Unjudged) != 1 {
		t.Errorf("rules: invalid %+v, unknown %+v", inv, unk)
	}

	var b strings.Builder
	printScores(&b, []*score{s}, true)
	printModules(&b, []*score{s}, judged)
	for _, want := range []string{
		"| dev | 1 | 4 | 66.7% (2/3) | 100.0% (1/1) | 25.0% (1/4) | 1 | 50.0% (1/2) | 50.0% (1/2) |",
		"| dev | invalid-status-code | 50.0% (1/2) | 0 |",
		"| dev | unknown-status-code | – | 1 |",
		"| dev | example.com/fixture@v0.0.0 | 4 | 66.7% (2/3) | 100.0% (1/1) | 25.0% (1/4) | 50.0% (1/2) |",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the table lacks %q:\n%s", want, b.String())
		}
	}
}

func TestAnalyseFixture(t *testing.T) {
	set, err := readSet("dev", "testdata/labels/dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Files) != 2 {
		t.Fatalf("%d labelled files, want 2", len(set.Files))
	}
	mods := fixtureModules()
	for _, lf := range set.Files {
		r, srcs, err := analyse(mods, lf)
		if err != nil {
			t.Fatal(err)
		}
		if want := filepath.Join("testdata/fixture", lf.File); r.Path != want || len(srcs) != 3 {
			t.Errorf("path %s and %d files of its package, want %s and 3", r.Path, len(srcs), want)
		}
		for _, l := range r.Labels {
			if got := string(r.Src[l.Offset : l.Offset+len(l.Text)]); got != l.Text {
				t.Errorf("%s:%d:%d resolves to %q, want %q", lf.File, l.Line, l.Col, got, l.Text)
			}
		}
		// Every candidate of the fixture has its label.
		if len(r.Unlabelled) > 0 {
			t.Errorf("%s: candidates without a label: %+v", lf.File, r.Unlabelled)
		}
	}
}

func TestRunFixture(t *testing.T) {
	var b strings.Builder
	o := options{labels: "testdata/labels", findings: "testdata/none.tsv", listMisses: true, listUnlabelled: true, listFindings: true, byModule: true}
	if err := run(&b, o, fixtureModules()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| dev | 2 | 5 | ",
		"| held-out | 0 | 0 | – | – | – | 0 | – | not run |",
		"| fresh | 0 | 0 | – | – | – | 0 | – | not run |",
		"## dev: candidate positions without a label (0)",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the output lacks %q:\n%s", want, b.String())
		}
	}
	for _, set := range []string{"held-out", "fresh"} {
		if strings.Contains(b.String(), "## "+set+": labelled status positions not hovered") {
			t.Errorf("the %s set's misses are listed without their flag:\n%s", set, b.String())
		}
	}
	b.Reset()
	o.freshMisses = true
	if err := run(&b, o, fixtureModules()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "## fresh: labelled status positions not hovered (0)") || strings.Contains(b.String(), "## held-out: labelled status positions not hovered") {
		t.Errorf("--fresh-misses lists the fresh set's misses alone:\n%s", b.String())
	}
}

func TestAnalyseWrongText(t *testing.T) {
	lf := &labelledFile{Module: fixtureModule, File: "handler.go", Labels: []label{{Line: 15, Col: 16, Text: "405"}}}
	_, _, err := analyse(fixtureModules(), lf)
	if err == nil || !strings.Contains(err.Error(), `handler.go:15:16: the text there is not "405"`) {
		t.Errorf("got %v, want the position and the text that is not there", err)
	}
}

func TestPackageOf(t *testing.T) {
	srcs, i, err := packageOf(filepath.Join("testdata", "fixture", "handler_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range srcs {
		names = append(names, filepath.Base(s.Path))
	}
	if got := strings.Join(names, " "); got != "handler.go handler_test.go routes.go" || i != 1 {
		t.Errorf("got %s, index %d; want the package and its external test package, index 1", got, i)
	}
	r := otherFile(fixtureModule, filepath.Join("testdata", "fixture")+string(filepath.Separator), srcs, 2)
	if r.File != "routes.go" || r.Path != srcs[2].Path || string(r.Src) != string(srcs[2].Src) || len(r.Labels) != 0 {
		t.Errorf("got %s at %s with %d labels, want routes.go at %s with none", r.File, r.Path, len(r.Labels), srcs[2].Path)
	}
}

func TestCandidates(t *testing.T) {
	src := []byte(`package p

import "net/http"

const StatusMine = 299

// @Success 200,404 {object} T
func f(w http.ResponseWriter) {
	w.WriteHeader(42)
	_ = 0644
	_ = 1000
	_ = http.StatusOK
	_ = StatusMine
	_ = map[int]int{100: 7}
}
`)
	var got []string
	for _, c := range candidates(src, packageConsts([][]byte{src})) {
		got = append(got, c.Why+":"+c.Text)
	}
	want := "const:StatusMine int:299 annotation:200 annotation:404 near:42 const:http.StatusOK const:StatusMine int:100"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestPrintCandidates(t *testing.T) {
	var b strings.Builder
	if err := printCandidates(&b, fixtureModules(), fixtureModule, []string{"handler.go"}); err != nil {
		t.Fatal(err)
	}
	want := labelColumns + `
example.com/fixture@v0.0.0	handler.go	5	20	299	?	?	no	int: const statusGone = 299
example.com/fixture@v0.0.0	handler.go	8	18	200	?	?	no	int: for i := 0; i < 200; i++ {
example.com/fixture@v0.0.0	handler.go	15	16	404	?	?	no	int: w.WriteHeader(404)
example.com/fixture@v0.0.0	handler.go	16	22	http.StatusTeapot	?	?	no	const: _ = http.StatusText(http.StatusTeapot)
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestReadLabelsErrors(t *testing.T) {
	for _, tc := range []struct{ row, want string }{
		{"m@v\tf.go\t1\t1\t200\tmaybe\tsend\tno\t", `verdict "maybe"`},
		{"m@v\tf.go\t1\t1\t200\tstatus\tsent\tno\t", `role "sent"`},
		{"m@v\tf.go\t1\t1\t200\tnot-status\tsend\tno\t", `has role "send"`},
		{"m@v\tf.go\t1\t1\t200\tnot-status\t-\tyes\t", "cannot be a boundary"},
		{"m@v\tf.go\t0\t1\t200\tstatus\tsend\tno\t", "want positive numbers"},
		{"m@v\tf.go\t1\t1\t200\tstatus\tsend\tno", "8 columns, want 9"},
	} {
		path := filepath.Join(t.TempDir(), "x.tsv")
		if err := os.WriteFile(path, []byte("# c\n"+labelColumns+"\n"+tc.row+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readLabels(path); err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "x.tsv:3") {
			t.Errorf("%q: got %v, want an error at line 3 with %q", tc.row, err, tc.want)
		}
	}
}
