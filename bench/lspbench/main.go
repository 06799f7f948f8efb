package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/httpcode-lsp/httpcode-lsp/bench/internal/proc"
	"github.com/httpcode-lsp/httpcode-lsp/internal/specgen"
)

func main() {
	bin := flag.String("bin", "", "the httpcode-lsp binary")
	dir := flag.String("dir", "bench/.cache", "where the inputs are, and the generated ones are written")
	redocly := flag.String("redocly", "", "the redocly binary; empty skips the redocly baseline")
	smoke := flag.Bool("smoke", false, "the small file only, with few requests")
	only := flag.String("only", "", "measure only the files whose name contains `TEXT`")
	contractOnly := flag.Bool("contract", false, "measure the contract rows only")
	packageOnly := flag.Bool("package", false, "measure the rows of the package of 1,000 files only")
	flag.Parse()
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "lspbench: --bin is required")
		os.Exit(2)
	}
	if *contractOnly {
		*only = "\x00" // no file
	}
	if *packageOnly {
		if err := runPackage(*bin, *dir); err != nil {
			fmt.Fprintln(os.Stderr, "lspbench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*bin, *dir, *redocly, *only, *smoke, *contractOnly); err != nil {
		fmt.Fprintln(os.Stderr, "lspbench:", err)
		os.Exit(1)
	}
}

// config is how much one run measures.
type config struct {
	rounds    int // fresh servers opening each file, alternated with the baseline
	positions int // hover and completion requests per file
	edits     int // one-character edits per file
	// numbersSize is the size of the number array opened for the peak
	// RSS per input byte; specs the number of small specs opened at once.
	numbersSize, specs int
	// operations is the number of operations of the dense spec opened
	// for the peak RSS per input byte.
	operations   int
	packageFiles int // Go files in the package whose file is opened
}

// workspaceResults are the measures shown in the first column only; nil
// when not measured.
type workspaceResults struct {
	mem    *memoryResult
	pkg    *packageResult
	module *checkResult // `check` over a real module, when fetched
	index  *indexResult
	// contract is the contract of a workspace of Go files and a spec.
	contract *contractResult
}

func run(bin, dir, redocly, only string, smoke, contractOnly bool) error {
	cfg := config{rounds: 3, positions: 1000, edits: 100, numbersSize: 10 << 20, specs: 2000, operations: 100000, packageFiles: 1000}
	if smoke {
		cfg = config{rounds: 1, positions: 50, edits: 10, numbersSize: 1 << 20, specs: 200, operations: 10000, packageFiles: 100}
	}
	files, big, err := inputs(dir, smoke)
	if err != nil {
		return err
	}
	var results []*result
	for _, f := range files {
		if !strings.Contains(f.name, only) {
			continue
		}
		fmt.Fprintf(os.Stderr, "lspbench: %s\n", f.name)
		r, err := measure(bin, f, cfg)
		if err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		if redocly != "" && f.redocly {
			r.redocly, r.redoclyRSS, err = runCommand(redocly, "lint", "--format=summary", f.path)
			if err != nil {
				return fmt.Errorf("redocly lint %s: %w", f.name, err)
			}
		}
		if f.underLoad {
			fmt.Fprintf(os.Stderr, "lspbench: %s while %s is analysed\n", f.name, big.name)
			if r.load, err = hoverUnderLoad(bin, f, big); err != nil {
				return fmt.Errorf("%s while %s is analysed: %w", f.name, big.name, err)
			}
			if smoke && r.load.hovered == 0 {
				return fmt.Errorf("%s: no hover answered while %s is analysed", f.name, big.name)
			}
		}
		if smoke && (r.hovered == 0 || r.completed == 0 || len(r.edits) != cfg.edits) {
			return fmt.Errorf("%s: %d hovers and %d completions answered", f.name, r.hovered, r.completed)
		}
		if smoke && r.typing != nil && (r.typing.sites == 0 || r.typing.answered != len(r.typing.completion) || r.typing.hovered != len(r.typing.hover)) {
			return fmt.Errorf("%s: typing keys into %d maps, %d of %d completions offered the codes, %d of %d hovers showed one",
				f.name, r.typing.sites, r.typing.answered, len(r.typing.completion), r.typing.hovered, len(r.typing.hover))
		}
		results = append(results, r)
	}
	var ws workspaceResults
	if only == "" || contractOnly {
		if !contractOnly {
			fmt.Fprintf(os.Stderr, "lspbench: memory: a %d MB number array, %d open specs\n", cfg.numbersSize>>20, cfg.specs)
			if ws.mem, err = measureMemory(bin, dir, cfg.numbersSize, cfg.operations, cfg.specs); err != nil {
				return fmt.Errorf("memory: %w", err)
			}
			fmt.Fprintf(os.Stderr, "lspbench: a package of %d files\n", cfg.packageFiles)
			if ws.pkg, err = measurePackage(bin, dir, cfg.packageFiles, cfg.rounds); err != nil {
				return fmt.Errorf("package: %w", err)
			}
		}
		spec, ext := specgen.OpenAPI(1000), ".yaml"
		if !smoke {
			if spec, err = os.ReadFile(filepath.Join(dir, "api.github.com.json")); err != nil {
				return fmt.Errorf("contract: %w (run bench/fetch.sh)", err)
			}
			ext = ".json"
		}
		fmt.Fprintf(os.Stderr, "lspbench: the contract of %d Go files and a spec of %d bytes\n", cfg.packageFiles, len(spec))
		if ws.contract, err = measureContract(bin, dir, spec, ext, cfg.packageFiles, cfg.rounds, cfg.positions); err != nil {
			return fmt.Errorf("contract: %w", err)
		}
		if !contractOnly {
			indexSpec := specgen.JSON(specgen.OpenAPI(1000))
			if !smoke {
				indexSpec = spec
			}
			fmt.Fprintf(os.Stderr, "lspbench: the index of %d Go files and a %.1f MB spec\n", cfg.packageFiles, float64(len(indexSpec))/1e6)
			if ws.index, err = measureIndex(dir, cfg.packageFiles, indexSpec, cfg.rounds); err != nil {
				return fmt.Errorf("index: %w", err)
			}
		}
		if md := moduleDir(dir); md != "" && !smoke && !contractOnly {
			fmt.Fprintf(os.Stderr, "lspbench: check %s\n", md)
			if ws.module, err = measureModuleCheck(bin, md, cfg.rounds); err != nil {
				return fmt.Errorf("check %s: %w", md, err)
			}
		}
	}
	if contractOnly {
		fmt.Print(contractTable(ws.contract))
		return nil
	}
	fmt.Print(table(results, cfg, big, ws))
	return nil
}

// result is what was measured on one file.
type result struct {
	file
	yamlParse            time.Duration
	initialize           time.Duration
	firstDiagnostics     time.Duration
	diagnostics          int
	hover, completion    []time.Duration
	roundTrip            []time.Duration // hovers on a document not open
	hovered, completed   int             // requests that returned something
	edits                []time.Duration
	rss                  int64
	check                time.Duration
	checkRSS             int64
	redocly              time.Duration
	redoclyRSS           int64
	editOffset, editLine int
	// bodyEdits are the edits in a handler's body of a Go file.
	bodyEdits []time.Duration
	bodyLine  int
	load      *loadResult   // when underLoad
	typing    *typingResult // JSON only
}

func measure(bin string, f file, cfg config) (*result, error) {
	src, err := os.ReadFile(f.path)
	if err != nil {
		return nil, err
	}
	r := &result{file: f}
	// `check`, cold start and first diagnostics (each in a new server),
	// alternated with the yaml.v3 baseline so that all see the same
	// machine; the medians are reported. The last server stays for the
	// rest.
	var parses, checks, inits, opens []time.Duration
	var c *client
	for round := 0; round < cfg.rounds; round++ {
		if f.lang == "go" {
			parses = append(parses, goParse(src))
		} else {
			parses = append(parses, yamlParse(src))
		}
		check, rss, err := runCommand(bin, "check", "--fail-on", "none", f.path)
		if err != nil {
			return nil, err
		}
		checks, r.checkRSS = append(checks, check), max(r.checkRSS, rss)
		if c != nil {
			c.stop()
		}
		var init, open time.Duration
		if c, init, open, err = openFresh(bin, f, src, r); err != nil {
			return nil, err
		}
		inits, opens = append(inits, init), append(opens, open)
	}
	defer c.stop()
	r.yamlParse, r.check = percentile(parses, 50), percentile(checks, 50)
	r.initialize, r.firstDiagnostics = percentile(inits, 50), percentile(opens, 50)
	uri := "file://" + f.path

	// This process's garbage collector must not pause the timed
	// requests.
	runtime.GC()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	idx := newLineIndex(src)
	for _, off := range spread(keyOffsets(f, src), cfg.positions) {
		pos := idx.position(src, off)
		params := map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos}
		t0 := time.Now()
		res, err := c.call("textDocument/hover", params)
		if err != nil {
			return nil, err
		}
		r.hover = append(r.hover, time.Since(t0))
		if string(res) != "null" {
			r.hovered++
		}
		// The same request for a document that is not open: the round
		// trip through the pipes and the server's dispatch, no work.
		t0 = time.Now()
		if _, err := c.call("textDocument/hover", map[string]any{
			"textDocument": map[string]any{"uri": uri + ".closed"}, "position": pos}); err != nil {
			return nil, err
		}
		r.roundTrip = append(r.roundTrip, time.Since(t0))
		t0 = time.Now()
		res, err = c.call("textDocument/completion", params)
		if err != nil {
			return nil, err
		}
		r.completion = append(r.completion, time.Since(t0))
		if strings.Contains(string(res), `"label"`) {
			r.completed++
		}
	}

	// Type a character into a value in the middle, then in Go into a
	// string in a handler's body further on, on another line: its
	// position is the same in the text typed into before.
	at := editOffset(f, src)
	r.editOffset, r.editLine = at, idx.lineOf(at)
	if r.edits, err = typeAt(c, uri, f, idx.position(src, at), 2, cfg.edits); err != nil {
		return nil, err
	}
	if f.lang == "go" {
		body := bytes.Index(src[at:], []byte(`w.Write([]byte("item`)) + at + len(`w.Write([]byte("item`)
		r.bodyLine = idx.lineOf(body)
		if r.bodyEdits, err = typeAt(c, uri, f, idx.position(src, body), cfg.edits+2, cfg.edits); err != nil {
			return nil, err
		}
	}
	r.rss = c.peakRSS()
	if f.lang == "json" {
		fmt.Fprintf(os.Stderr, "lspbench: %s: typing keys\n", f.name)
		if r.typing, err = typeKeys(c, uri, src, keyOffsets(f, src), cfg.edits+1); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// typeAt types n characters at pos, versions first on, each timed to its
// diagnostics: a character typed and deleted in turn; in Go, where the
// analysis of a package is cached by its text, the character typed first
// is replaced by the next letter each time instead, so that no edit gives
// a text analysed before.
func typeAt(c *client, uri string, f file, pos map[string]int, first, n int) ([]time.Duration, error) {
	var edits []time.Duration
	for i := 0; i < n; i++ {
		version := first + i
		change := map[string]any{"range": map[string]any{"start": pos, "end": pos}, "text": "x"}
		after := map[string]any{"line": pos["line"], "character": pos["character"] + 1}
		switch {
		case f.lang == "go" && i > 0:
			change = map[string]any{"range": map[string]any{"start": pos, "end": after}, "text": string(rune('a' + i%26))}
		case i%2 == 1:
			change = map[string]any{"range": map[string]any{"start": pos, "end": after}, "text": ""}
		}
		ch := c.expectDiagnostics(uri, version)
		t0 := time.Now()
		if err := c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": []any{change},
		}); err != nil {
			return edits, err
		}
		if _, err := wait(ch, fmt.Sprintf("diagnostics of version %d", version)); err != nil {
			return edits, err
		}
		edits = append(edits, time.Since(t0))
	}
	return edits, nil
}

// openFresh starts a server, initializes it and opens the file, and
// returns the server with the time each took; it records the number of
// diagnostics in r.
func openFresh(bin string, f file, src []byte, r *result) (*client, time.Duration, time.Duration, error) {
	t0 := time.Now()
	c, err := startInitialized(bin, "", nil)
	if err != nil {
		return nil, 0, 0, err
	}
	init := time.Since(t0)
	fail := func(err error) (*client, time.Duration, time.Duration, error) {
		c.stop()
		return nil, 0, 0, err
	}
	uri := "file://" + f.path
	// The message is encoded before the clock starts, as an editor has
	// its text at hand: encoding 13 MB is the client's time, not the
	// server's.
	open, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen",
		"params": map[string]any{"textDocument": map[string]any{
			"uri": uri, "languageId": f.lang, "version": 1, "text": string(src)}}})
	if err != nil {
		return fail(err)
	}
	ch := c.expectDiagnostics(uri, 1)
	t0 = time.Now()
	if err := c.writeBody(open); err != nil {
		return fail(err)
	}
	p, err := wait(ch, "diagnostics after didOpen")
	if err != nil {
		return fail(err)
	}
	r.diagnostics = len(p.Diagnostics)
	return c, init, time.Since(t0), nil
}

// startInitialized starts a server with no debounce and initializes it
// as VS Code does, on the workspace folder root ("" for none), with
// options (when not nil) as its initializationOptions.
func startInitialized(bin, root string, options any) (*client, error) {
	c, err := start(bin, "--debounce", "0", "--log-level", "warn")
	if err != nil {
		return nil, err
	}
	// The completion capabilities VS Code announces: snippets, and the
	// documentation of an item resolved when it is shown.
	capabilities := map[string]any{"textDocument": map[string]any{"completion": map[string]any{"completionItem": map[string]any{
		"snippetSupport": true,
		"resolveSupport": map[string]any{"properties": []string{"documentation", "detail", "additionalTextEdits"}},
	}}}}
	params := map[string]any{"processId": os.Getpid(), "rootUri": nil, "capabilities": capabilities}
	if root != "" {
		params["rootUri"] = "file://" + filepath.ToSlash(root)
	}
	if options != nil {
		params["initializationOptions"] = options
	}
	if _, err := c.call("initialize", params); err != nil {
		c.stop()
		return nil, err
	}
	if err := c.notify("initialized", map[string]any{}); err != nil {
		c.stop()
		return nil, err
	}
	return c, nil
}

// yamlParse returns the time yaml.v3 takes to read src into a node tree:
// the floor of a design that works on yaml.v3 nodes.
func yamlParse(src []byte) time.Duration {
	runtime.GC()
	t0 := time.Now()
	var n yaml.Node
	if err := yaml.Unmarshal(src, &n); err != nil {
		fmt.Fprintln(os.Stderr, "lspbench: yaml.v3:", err)
	}
	return time.Since(t0)
}

// goParse returns the time go/parser takes to read src, comments
// included: the floor of a scan that parses the whole file.
func goParse(src []byte) time.Duration {
	runtime.GC()
	t0 := time.Now()
	if _, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ParseComments|parser.SkipObjectResolution); err != nil {
		fmt.Fprintln(os.Stderr, "lspbench: go/parser:", err)
	}
	return time.Since(t0)
}

// runCommand runs a command to its end and returns its wall time and peak
// RSS (proc.Run). An exit status is not an error: linters exit 1 on
// findings.
func runCommand(name string, args ...string) (time.Duration, int64, error) {
	return proc.Run(exec.Command(name, args...))
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, (len(s)*p+99)/100-1)]
}

// spread picks n of the offsets, evenly through the list.
func spread(offs []int, n int) []int {
	if len(offs) <= n {
		return offs
	}
	out := make([]int, n)
	for i := range out {
		out[i] = offs[i*len(offs)/n]
	}
	return out
}

// table prints the results: one column per file, one row per measure.
// ws's measures, where made, are shown in the first column.
func table(rs []*result, cfg config, big file, ws workspaceResults) string {
	mem := ws.mem
	var b strings.Builder
	row := func(name string, cell func(r *result) string) {
		b.WriteString("| " + name + " |")
		for _, r := range rs {
			b.WriteString(" " + cell(r) + " |")
		}
		b.WriteString("\n")
	}
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }
	ratio := func(d, base time.Duration) string {
		if base == 0 {
			return ms(d)
		}
		return fmt.Sprintf("%s (%.2f×)", ms(d), float64(d)/float64(base))
	}
	mb := func(n int64) string { return fmt.Sprintf("%d MB", n>>20) }
	pair := func(ds []time.Duration) string {
		return ms(percentile(ds, 50)) + " / " + ms(percentile(ds, 99))
	}
	row("file", func(r *result) string { return r.name })
	b.WriteString("|---|" + strings.Repeat("---|", len(rs)) + "\n")
	row("size, lines", func(r *result) string { return fmt.Sprintf("%.1f MB, %d", float64(r.size)/1e6, r.lines) })
	row("parse (baseline: yaml.v3, go/parser for Go)", func(r *result) string {
		if r.yamlParse == 0 {
			return "—"
		}
		return ms(r.yamlParse)
	})
	row("start → initialize", func(r *result) string { return ms(r.initialize) })
	row("didOpen → diagnostics (× parse)", func(r *result) string { return ratio(r.firstDiagnostics, r.yamlParse) })
	row("diagnostics", func(r *result) string { return fmt.Sprint(r.diagnostics) })
	row(fmt.Sprintf("hover p50 / p99 (%d keys)", cfg.positions), func(r *result) string {
		return fmt.Sprintf("%s (%d answered)", pair(r.hover), r.hovered)
	})
	row("round trip p50 / p99 (hover, document not open)", func(r *result) string { return pair(r.roundTrip) })
	row("completion p50 / p99", func(r *result) string {
		return fmt.Sprintf("%s (%d answered)", pair(r.completion), r.completed)
	})
	row(fmt.Sprintf("completion p50 / p99 typing a key into %d responses maps (JSON: `\"`, `4`, `0`)", typingSites), func(r *result) string {
		if r.typing == nil {
			return "—"
		}
		return fmt.Sprintf("%s (%d of %d offered the codes; round trip meanwhile %s)", pair(r.typing.completion), r.typing.answered, len(r.typing.completion), pair(r.typing.roundTrip))
	})
	row("hover p50 / p99 while typing those keys (on the keys before and after)", func(r *result) string {
		if r.typing == nil {
			return "—"
		}
		return fmt.Sprintf("%s (%d of %d showed the code)", pair(r.typing.hover), r.typing.hovered, len(r.typing.hover))
	})
	row(fmt.Sprintf("1-char edit → diagnostics p50 / p99 (%d edits)", cfg.edits), func(r *result) string {
		return fmt.Sprintf("%s (p50 %.2f× parse; line %d)", pair(r.edits), float64(percentile(r.edits, 50))/float64(max(r.yamlParse, 1)), r.editLine+1)
	})
	row(fmt.Sprintf("1-char edit in a function's body → diagnostics p50 / p99 (Go, %d edits)", cfg.edits), func(r *result) string {
		if r.bodyEdits == nil {
			return "—"
		}
		return fmt.Sprintf("%s (p50 %.2f× parse; line %d)", pair(r.bodyEdits), float64(percentile(r.bodyEdits, 50))/float64(max(r.yamlParse, 1)), r.bodyLine+1)
	})
	row("server peak RSS after the edits", func(r *result) string { return mb(r.rss) })
	row(fmt.Sprintf("hover p50 / p99 while a %.0f MB spec is analysed (one every %v)", float64(big.size)/1e6, hoverInterval), func(r *result) string {
		if r.load == nil {
			return "—"
		}
		return fmt.Sprintf("%s (%d during the analysis, %d answered)", pair(r.load.hovers), len(r.load.hovers), r.load.hovered)
	})
	firstIf := func(measured bool, cell func() string) func(r *result) string {
		return func(r *result) string {
			if !measured || r != rs[0] {
				return "—"
			}
			return cell()
		}
	}
	first := func(cell func() string) func(r *result) string { return firstIf(mem != nil, cell) }
	per := func(m perByte) string {
		cell := func(rss int64) string {
			return fmt.Sprintf("%.1f B (%s)", float64(rss)/float64(m.size), mb(rss))
		}
		return cell(m.serverRSS) + " / " + cell(m.checkRSS)
	}
	row(fmt.Sprintf("peak RSS per input byte, number-array document (%d MB JSON; server / `check`)", cfg.numbersSize>>20), first(func() string {
		return per(mem.numbers)
	}))
	row(fmt.Sprintf("peak RSS per input byte, OpenAPI JSON with the %d MB number array as an example (server / `check`)", cfg.numbersSize>>20), first(func() string {
		return per(mem.spec)
	}))
	row(fmt.Sprintf("peak RSS per input byte, OpenAPI YAML with the %d MB number array as an example (server / `check`)", cfg.numbersSize>>20), first(func() string {
		return per(mem.yamlSpec)
	}))
	row(fmt.Sprintf("peak RSS per input byte, OpenAPI JSON of %s operations with two findings each (server / `check`)", groupThousands(cfg.operations)), first(func() string {
		return per(mem.dense)
	}))
	row("peak RSS per input byte, the same in YAML (server / `check`)", first(func() string {
		return per(mem.yamlDense)
	}))
	row(fmt.Sprintf("%s open specs, peak RSS", groupThousands(cfg.specs)), first(func() string {
		return fmt.Sprintf("%s (%d × %.1f kB)", mb(mem.specsRSS), mem.specs, float64(mem.specSize)/1e3)
	}))
	if p := ws.pkg; p != nil {
		name := fmt.Sprintf("package of %s files (%d lines each)", groupThousands(p.files), p.linesPerFile)
		row(name+": didOpen → first hover p50 (× package of 2)", firstIf(true, func() string {
			return ratio(percentile(p.packageFirst, 50), percentile(p.pairFirst, 50))
		}))
		row(name+": didOpen → hover with the package in view p50 (× package of 2)", firstIf(true, func() string {
			return ratio(percentile(p.packagePackage, 50), percentile(p.pairPackage, 50))
		}))
	}
	if x := ws.index; x != nil {
		row(fmt.Sprintf("workspace index of %s Go files and a %.1f MB spec: built p50 (× reading them)", groupThousands(x.goFiles), float64(x.specSize)/1e6), firstIf(true, func() string {
			return ratio(percentile(x.build, 50), percentile(x.read, 50))
		}))
	}
	if m := ws.module; m != nil {
		row(fmt.Sprintf("`check` %s (%s Go files): wall p50 (× `gofmt -l`), peak RSS", m.name, groupThousands(m.files)), firstIf(true, func() string {
			return ratio(percentile(m.check, 50), percentile(m.gofmt, 50)) + ", " + mb(m.checkRSS)
		}))
	}
	if c := ws.contract; c != nil {
		for _, cr := range contractRows(c) {
			row(cr[0], firstIf(true, func() string { return cr[1] }))
		}
	}
	row("`check`: wall (× parse), peak RSS", func(r *result) string {
		return ratio(r.check, r.yamlParse) + ", " + mb(r.checkRSS)
	})
	row("`redocly lint`: wall, peak RSS (× didOpen → diagnostics)", func(r *result) string {
		if r.redocly == 0 {
			return "—"
		}
		return fmt.Sprintf("%s, %s (%.1f×)", ms(r.redocly), mb(r.redoclyRSS), float64(r.redocly)/float64(r.firstDiagnostics))
	})
	return b.String()
}

// groupThousands writes n with a comma between thousands: 2,000.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// file is one input.
type file struct {
	name, path, lang string
	size, lines      int
	redocly          bool // an OpenAPI file redocly lints as a baseline
	underLoad        bool // hovered again while a big spec is analysed
}

func newFile(name, path, lang string, redocly bool) (file, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return file{}, err
	}
	return file{name: name, path: path, lang: lang, size: len(b), lines: strings.Count(string(b), "\n") + 1, redocly: redocly}, nil
}

// inputs returns the files to measure, generating those that are
// generated (with smoke, a small JSON spec too), and the big spec analysed
// while the underLoad file is hovered: specgen's path items, 39 MB of them (3 MB if smoke), three
// times GitHub's description and more than twice the default
// limits.maxDocumentSize. The GitHub description and its YAML form must
// be in dir (bench/fetch.sh) unless smoke.
func inputs(dir string, smoke bool) ([]file, file, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, file{}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, file{}, err
	}
	bigLines := 1_700_000
	if smoke {
		bigLines = 130_000
	}
	gen := []struct {
		name      string
		src       func() []byte
		lang      string
		underLoad bool
	}{
		{"big.yaml", func() []byte { return specgen.OpenAPI(bigLines) }, "yaml", false},
		{"small.yaml", func() []byte { return specgen.OpenAPI(1000) }, "yaml", true},
		{"medium.yaml", func() []byte { return specgen.OpenAPI(50000) }, "yaml", false},
		{"large.go", func() []byte { return specgen.Go(20000) }, "go", false},
	}
	if smoke {
		// A small JSON spec too, for the typing of keys.
		gen = append(gen[:2:2], struct {
			name      string
			src       func() []byte
			lang      string
			underLoad bool
		}{"small.json", func() []byte { return specgen.JSON(specgen.OpenAPI(1000)) }, "json", false})
	}
	var out []file
	for _, g := range gen {
		path := filepath.Join(dir, g.name)
		if err := os.WriteFile(path, g.src(), 0o644); err != nil {
			return nil, file{}, err
		}
		f, err := newFile(g.name, path, g.lang, false)
		if err != nil {
			return nil, file{}, err
		}
		f.underLoad = g.underLoad
		out = append(out, f)
	}
	big, out := out[0], out[1:]
	if smoke {
		return out, big, nil
	}
	jsonPath, yamlPath := filepath.Join(dir, "api.github.com.json"), filepath.Join(dir, "api.github.com.yaml")
	if _, err := os.Stat(yamlPath); err != nil {
		if err := toYAML(jsonPath, yamlPath); err != nil {
			return nil, file{}, fmt.Errorf("convert the GitHub description to YAML: %w (run bench/fetch.sh)", err)
		}
	}
	for _, name := range []string{"api.github.com.json", "api.github.com.yaml"} {
		lang := strings.TrimPrefix(filepath.Ext(name), ".")
		f, err := newFile(name, filepath.Join(dir, name), lang, lang == "json")
		if err != nil {
			return nil, file{}, fmt.Errorf("%w (run bench/fetch.sh)", err)
		}
		out = append(out, f)
	}
	return out, big, nil
}
