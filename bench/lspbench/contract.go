// contract.go: issue 17's speed rows. A workspace of Go files whose
// routes serve operations of a spec (GitHub's 13 MB REST description, or
// a generated one in the smoke run): from didOpen of a handler file to
// the first definition answered from the contract (the index of every
// package and the spec built), against yaml.v3's parse of the spec; then
// definition and hover on a send site, p50 and p99.

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

// contractResult is what measureContract measured.
type contractResult struct {
	files      int
	specSize   int
	specParse  time.Duration // yaml.v3, the baseline
	built      []time.Duration
	definition []time.Duration
	hover      []time.Duration
}

// filesPerPackage is how the Go files are spread: real services keep
// tens of files in a package.
const filesPerPackage = 50

// writeContractWorkspace writes dir/api/openapi<ext> and files Go files,
// each registering a route for the next operation of the spec, whose
// handler sends 200, 404 and 418 (undocumented). It returns the first
// file's path and text.
func writeContractWorkspace(dir string, spec []byte, ext string, files int) (string, []byte, error) {
	if err := os.RemoveAll(dir); err != nil {
		return "", nil, err
	}
	if err := os.MkdirAll(filepath.Join(dir, "api"), 0o755); err != nil {
		return "", nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "api", "openapi"+ext), spec, 0o644); err != nil {
		return "", nil, err
	}
	var ops []*openapi.Operation
	for _, o := range openapi.Parse(spec).Operations {
		if o.Kind == openapi.PathOperation && o.Responses != nil {
			ops = append(ops, o)
		}
	}
	if len(ops) == 0 {
		return "", nil, fmt.Errorf("the spec has no operation")
	}
	var firstPath string
	var firstSrc []byte
	for i := range files {
		pkg := fmt.Sprintf("pkg%02d", i/filesPerPackage)
		op := ops[i%len(ops)]
		var b bytes.Buffer
		fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\n", pkg)
		fmt.Fprintf(&b, "// Register%[1]d registers %[2]s.\nfunc Register%[1]d(mux *http.ServeMux) {\n\tmux.HandleFunc(%[3]q, handle%[1]d)\n}\n", i, op.Context, op.Method+" "+op.Path)
		fmt.Fprintf(&b, "\nfunc handle%d(w http.ResponseWriter, r *http.Request) {\n", i)
		b.WriteString("\tswitch r.URL.Query().Get(\"case\") {\n\tcase \"missing\":\n\t\tw.WriteHeader(http.StatusNotFound)\n")
		b.WriteString("\tcase \"teapot\":\n\t\tw.WriteHeader(http.StatusTeapot)\n\tdefault:\n\t\tw.WriteHeader(http.StatusOK)\n\t}\n}\n")
		for k := range 15 {
			fmt.Fprintf(&b, "\n// helper%[1]d_%[2]d formats item %[2]d.\nfunc helper%[1]d_%[2]d(id int) string {\n\tif id < 0 {\n\t\treturn \"\"\n\t}\n\treturn fmt.Sprint(id)\n}\n", i, k)
		}
		path := filepath.Join(dir, pkg, fmt.Sprintf("h%04d.go", i))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return "", nil, err
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			return "", nil, err
		}
		if i == 0 {
			firstPath, firstSrc = path, b.Bytes()
		}
	}
	return firstPath, firstSrc, nil
}

// measureContract measures rounds fresh servers on the workspace, and
// positions definitions and hovers in the last.
func measureContract(bin, dir string, spec []byte, ext string, files, rounds, positions int) (*contractResult, error) {
	dir, err := filepath.Abs(filepath.Join(dir, "contract"))
	if err != nil {
		return nil, err
	}
	path, src, err := writeContractWorkspace(dir, spec, ext, files)
	if err != nil {
		return nil, err
	}
	r := &contractResult{files: files, specSize: len(spec), specParse: yamlParse(spec)}
	uri := "file://" + filepath.ToSlash(path)
	site := newLineIndex(src).position(src, bytes.Index(src, []byte("http.StatusNotFound"))+5)
	at := map[string]any{"textDocument": map[string]any{"uri": uri}, "position": site}
	for round := range rounds {
		c, err := startInitialized(bin, dir, nil)
		if err != nil {
			return nil, err
		}
		t0 := time.Now()
		if err := c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": uri, "languageId": "go", "version": 1, "text": string(src)}}); err != nil {
			c.stop()
			return nil, err
		}
		for {
			res, err := c.call("textDocument/definition", at)
			if err != nil {
				c.stop()
				return nil, err
			}
			if strings.Contains(string(res), "openapi"+ext) {
				r.built = append(r.built, time.Since(t0))
				break
			}
			if time.Since(t0) > timeout {
				c.stop()
				return nil, fmt.Errorf("no definition from the contract after %v", timeout)
			}
			time.Sleep(5 * time.Millisecond)
		}
		if round == rounds-1 {
			for range positions {
				for _, m := range []struct {
					method string
					into   *[]time.Duration
				}{{"textDocument/definition", &r.definition}, {"textDocument/hover", &r.hover}} {
					t := time.Now()
					if _, err := c.call(m.method, at); err != nil {
						c.stop()
						return nil, err
					}
					*m.into = append(*m.into, time.Since(t))
				}
			}
		}
		c.stop()
	}
	return r, nil
}

// contractRows are the contract's rows: a name and a cell each.
func contractRows(c *contractResult) [][2]string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }
	pair := func(ds []time.Duration) string { return ms(percentile(ds, 50)) + " / " + ms(percentile(ds, 99)) }
	size := fmt.Sprintf("%.0f MB", float64(c.specSize)/1e6)
	if c.specSize < 1e6 {
		size = fmt.Sprintf("%.0f kB", float64(c.specSize)/1e3)
	}
	name := fmt.Sprintf("contract of %s Go files + a %s spec", groupThousands(c.files), size)
	built := percentile(c.built, 50)
	return [][2]string{
		{name + ": didOpen → first definition, index built, p50 (× yaml.v3 parse of the spec)",
			fmt.Sprintf("%s (%.2f×)", ms(built), float64(built)/float64(max(c.specParse, 1)))},
		{name + ": definition p50 / p99", pair(c.definition)},
		{name + ": hover on a send site p50 / p99", pair(c.hover)},
	}
}

// contractTable prints the contract's rows alone (lspbench --contract).
func contractTable(c *contractResult) string {
	var b strings.Builder
	b.WriteString("| measure | |\n|---|---|\n")
	for _, r := range contractRows(c) {
		b.WriteString("| " + r[0] + " | " + r[1] + " |\n")
	}
	return b.String()
}
