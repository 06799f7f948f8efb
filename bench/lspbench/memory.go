// memory.go: the two memory budgets of issue 13. Per input byte: the
// peak RSS of a server that opens one generated JSON array of numbers,
// the densest node tree a text can make, and of `check` on it; the
// same for an OpenAPI spec, JSON and YAML, holding that array as an
// example; and for a spec of many operations of one response each, the
// most model and findings per byte a spec makes. Across
// documents: the peak RSS of a server that opens two thousand small
// generated specs, as an editor opening a repository of them does.

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
)

// memoryResult is what measureMemory measured.
type memoryResult struct {
	// numbers is the number array's; spec and yamlSpec those of the
	// specs holding it.
	numbers, spec, yamlSpec perByte
	// dense and yamlDense are those of the spec of many operations.
	dense, yamlDense perByte
	specs, specSize  int // specs opened, bytes each
	specsRSS         int64
}

// perByte is the peak RSS of a server that opened one document, and of
// check on it.
type perByte struct {
	size                int
	serverRSS, checkRSS int64
}

// numberArray returns a JSON array of one-digit numbers of about size
// bytes: a node every two bytes.
func numberArray(size int) []byte {
	b := make([]byte, 0, size+2)
	b = append(b, '[')
	for i := 0; len(b) < size; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, byte('0'+i%10))
	}
	return append(b, ']', '\n')
}

// specWithNumbers returns an OpenAPI spec whose one response holds
// numbers as its example.
func specWithNumbers(numbers []byte) []byte {
	b := []byte(`{"openapi":"3.0.3","paths":{"/a":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"example":`)
	b = append(b, numbers...)
	return append(b, "}}}}}}}}\n"...)
}

// yamlSpecWithNumbers returns a YAML spec whose one response holds
// numbers, a flow sequence in YAML, as its example.
func yamlSpecWithNumbers(numbers []byte) []byte {
	b := []byte("openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n" +
		"          content:\n            application/json:\n              example: ")
	return append(b, numbers...)
}

// denseSpec returns an OpenAPI spec, JSON or YAML, of n operations that
// each answer 200 only, described "ok": each has two findings (no 4xx
// response, no content), in 57 bytes of JSON.
func denseSpec(n int, yaml bool) []byte {
	var b strings.Builder
	if yaml {
		b.WriteString("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n")
	} else {
		b.WriteString(`{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{`)
	}
	for i := range n {
		switch {
		case yaml:
			fmt.Fprintf(&b, "  /p%d:\n    get:\n      responses:\n        '200': {description: ok}\n", i)
		case i > 0:
			b.WriteByte(',')
			fallthrough
		default:
			fmt.Fprintf(&b, `"/p%d":{"get":{"responses":{"200":{"description":"ok"}}}}`, i)
		}
	}
	if !yaml {
		b.WriteString("}}\n")
	}
	return []byte(b.String())
}

// measurePerByte writes src to path, runs check on it and opens it in a
// new server.
func measurePerByte(bin, path string, src []byte) (perByte, error) {
	m := perByte{size: len(src)}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		return m, err
	}
	var err error
	if _, m.checkRSS, err = runCommand(bin, "check", "--fail-on", "none", path); err != nil {
		return m, err
	}
	c, err := startInitialized(bin, "", nil)
	if err != nil {
		return m, err
	}
	err = openAll(c, map[string][]byte{"file://" + path: src})
	m.serverRSS = c.peakRSS()
	c.stop()
	if err != nil {
		return m, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// measureMemory measures the number array (of numbersSize bytes), the
// spec holding it and the spec of operations operations, each in a new
// server and with check, then opens specs small generated specs in
// another.
func measureMemory(bin, dir string, numbersSize, operations, specs int) (*memoryResult, error) {
	r := &memoryResult{specs: specs}
	numbers := numberArray(numbersSize)
	var err error
	if r.numbers, err = measurePerByte(bin, filepath.Join(dir, "numbers.json"), numbers); err != nil {
		return nil, err
	}
	if r.spec, err = measurePerByte(bin, filepath.Join(dir, "spec-numbers.json"), specWithNumbers(numbers)); err != nil {
		return nil, err
	}
	if r.yamlSpec, err = measurePerByte(bin, filepath.Join(dir, "spec-numbers.yaml"), yamlSpecWithNumbers(numbers)); err != nil {
		return nil, err
	}
	if r.dense, err = measurePerByte(bin, filepath.Join(dir, "spec-dense.json"), denseSpec(operations, false)); err != nil {
		return nil, err
	}
	if r.yamlDense, err = measurePerByte(bin, filepath.Join(dir, "spec-dense.yaml"), denseSpec(operations, true)); err != nil {
		return nil, err
	}

	// The specs differ in a comment, so that no two texts are the same;
	// they are never written to disk.
	spec := specgen.OpenAPI(550)
	r.specSize = len(spec)
	docs := map[string][]byte{}
	for i := 0; i < specs; i++ {
		text := append([]byte("# spec "+strconv.Itoa(i)+"\n"), spec...)
		docs["file://"+filepath.Join(dir, "specs", strconv.Itoa(i)+".yaml")] = text
	}
	c, err := startInitialized(bin, "", nil)
	if err != nil {
		return nil, err
	}
	defer c.stop()
	if err := openAll(c, docs); err != nil {
		return nil, fmt.Errorf("%d specs: %w", specs, err)
	}
	r.specsRSS = c.peakRSS()
	return r, nil
}

// openAll opens the documents (by URI) in the server and waits for the
// diagnostics of each.
func openAll(c *client, docs map[string][]byte) error {
	var waits []chan published
	for uri, text := range docs {
		lang := strings.TrimPrefix(filepath.Ext(uri), ".")
		open, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen",
			"params": map[string]any{"textDocument": map[string]any{
				"uri": uri, "languageId": lang, "version": 1, "text": string(text)}}})
		if err != nil {
			return err
		}
		waits = append(waits, c.expectDiagnostics(uri, 1))
		if err := c.writeBody(open); err != nil {
			return err
		}
	}
	for _, ch := range waits {
		if _, err := wait(ch, "diagnostics after didOpen"); err != nil {
			return err
		}
	}
	return nil
}
