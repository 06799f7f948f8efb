package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// The protocol-fault tests drive the built binary over its real stdin and
// stdout with bytes a broken or hostile client might send. After each
// fault the server must answer as JSON-RPC 2.0 says and then answer the
// next valid request. Every document they open holds secret, which the
// logs (at the default level, info) must never show.

const secret = "SECRET-DOCUMENT-TEXT-4711"

// rawProcess is the server binary running as a subprocess.
type rawProcess struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr strings.Builder // read only once done is closed
	done   chan struct{}
	err    error
}

// startRaw starts the binary with a byte-level client. When the test ends
// the server must exit once its input is closed, and must have said
// nothing of the documents' text on stderr.
func startRaw(t *testing.T, args ...string) (*rawProcess, *lsptest.Raw) {
	t.Helper()
	return startCommand(t, binary, args...)
}

// startCommand is startRaw for a command that runs the binary.
func startCommand(t *testing.T, name string, args ...string) (*rawProcess, *lsptest.Raw) {
	t.Helper()
	p, stdout := launch(t, name, args...)
	return p, lsptest.NewRaw(t, stdout, p.stdin)
}

// launch starts a command that runs the binary, and returns it with its
// stdout. When the test ends the server must exit once its input is
// closed, and must have said nothing of the documents' text on stderr.
func launch(t *testing.T, name string, args ...string) (*rawProcess, io.ReadCloser) {
	t.Helper()
	p := &rawProcess{cmd: exec.Command(name, args...), done: make(chan struct{})}
	p.cmd.Stderr = &p.stderr
	var err error
	if p.stdin, err = p.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		p.stdin.Close()
		select {
		case <-p.done:
		case <-time.After(lsptest.Timeout):
			p.cmd.Process.Kill()
			<-p.done
			t.Error("the server did not exit when its input closed")
		}
		logs := p.stderr.String()
		if strings.Contains(logs, secret) {
			t.Errorf("the log shows document text:\n%s", logs)
		}
		if t.Failed() {
			t.Logf("server stderr:\n%s", logs)
		}
	})
	return p, stdout
}

// exitCode waits for the process to end and returns its exit code.
func (p *rawProcess) exitCode(t *testing.T) int {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(lsptest.Timeout):
		t.Fatal("the server did not exit")
	}
	var ee *exec.ExitError
	if errors.As(p.err, &ee) {
		return ee.ExitCode()
	}
	if p.err != nil {
		t.Fatal(p.err)
	}
	return 0
}

func initialized(t *testing.T, c *lsptest.Raw) {
	t.Helper()
	if f := c.Call("initialize", map[string]interface{}{"capabilities": map[string]interface{}{}}); f.Error != nil {
		t.Fatalf("initialize: %+v", f.Error)
	}
	c.Send(lsptest.NotificationOf("initialized", map[string]interface{}{}))
}

func hoverParams(uri string, line, char int) map[string]interface{} {
	return map[string]interface{}{
		"textDocument": map[string]string{"uri": uri},
		"position":     map[string]int{"line": line, "character": char},
	}
}

func openParams(uri, lang, text string) map[string]interface{} {
	return map[string]interface{}{"textDocument": map[string]interface{}{
		"uri": uri, "languageId": lang, "version": 1, "text": text,
	}}
}

// goDoc is a Go file with http.StatusNotFound at line 3, characters 9-27.
const goDoc = "package p\n\nimport \"net/http\"\nvar x = http.StatusNotFound // " + secret + "\n"

// probe checks that the server answers a valid hover after a fault.
func probe(t *testing.T, c *lsptest.Raw, uri string) {
	t.Helper()
	f := c.Call("textDocument/hover", hoverParams(uri, 3, 15))
	if f.Error != nil || !strings.Contains(string(f.Result), "404 Not Found") {
		t.Fatalf("hover after the fault: %s %+v", f.Result, f.Error)
	}
}

func TestFaultsMalformedMessages(t *testing.T) {
	_, c := startRaw(t)
	initialized(t, c)
	const uri = "file:///work/probe.go"
	c.Send(lsptest.NotificationOf("textDocument/didOpen", openParams(uri, "go", goDoc)))
	probe(t, c, uri)

	type answer struct {
		id   string // the id answered, as JSON
		code int64
	}
	for _, tc := range []struct {
		name string
		send string
		want []answer // nothing for a fault the spec says to ignore
	}{
		{"body that is not JSON", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 1, "method": ` + secret)), []answer{{"null", -32700}}},
		{"JSON array", string(lsptest.FrameOf(`[1, 2]`)), []answer{{"null", -32600}}},
		{"empty JSON array", string(lsptest.FrameOf(`[]`)), []answer{{"null", -32600}}},
		{"JSON string", string(lsptest.FrameOf(`"` + secret + `"`)), []answer{{"null", -32600}}},
		{"JSON null", string(lsptest.FrameOf(`null`)), []answer{{"null", -32600}}},
		{"jsonrpc 1.0", string(lsptest.FrameOf(`{"jsonrpc": "1.0", "id": 5, "method": "shutdown"}`)), []answer{{"5", -32600}}},
		{"jsonrpc as a number", string(lsptest.FrameOf(`{"jsonrpc": 2, "id": "v", "method": "shutdown"}`)), []answer{{`"v"`, -32600}}},
		{"request without method", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 6}`)), []answer{{"6", -32600}}},
		{"notification without method", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "params": {}}`)), []answer{{"null", -32600}}},
		{"method that is not a string", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 7, "method": 7}`)), []answer{{"7", -32600}}},
		{"empty method", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 8, "method": ""}`)), []answer{{"8", -32600}}},
		{"fractional id", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 1.5, "method": "shutdown"}`)), []answer{{"1.5", -32600}}},
		{"id beyond 32 bits", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 2147483648, "method": "shutdown"}`)), []answer{{"2147483648", -32600}}},
		{"object id", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": {}, "method": "shutdown"}`)), []answer{{"null", -32600}}},
		{"params of the wrong type", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 9, "method": "textDocument/hover", "params": {"textDocument": "x", "position": [1]}}`)), []answer{{"9", -32602}}},
		{"params that are not structured", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 10, "method": "textDocument/completion", "params": 5}`)), []answer{{"10", -32602}}},
		{"missing params", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 11, "method": "textDocument/hover"}`)), []answer{{"11", -32602}}},
		{"unknown method", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 16, "method": "custom/unknown", "params": {}}`)), []answer{{"16", -32601}}},
		{"unknown method without params", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 17, "method": "custom/unknown"}`)), []answer{{"17", -32601}}},
		{"params nested 2,000,000 deep", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 18, "method": "custom/unknown", "params": {"a": ` + strings.Repeat("[", 2000000) + strings.Repeat("]", 2000000) + `}}`)), []answer{{"18", -32602}}},
		{"settings nested 20,000 deep", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": ` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}}`)), nil},
		{"shutdown with params", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 12, "method": "shutdown", "params": {"now": true}}`)), []answer{{"12", -32602}}},
		{"notification with params of the wrong type", string(lsptest.NotificationOf("textDocument/didOpen", map[string]interface{}{"textDocument": secret})), nil},
		{"notification with unstructured params", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": "` + secret + `"}`)), nil},
		{"didChange with params of the wrong type", string(lsptest.NotificationOf("textDocument/didChange", map[string]interface{}{"contentChanges": secret})), nil},
		{"unknown notification", string(lsptest.NotificationOf("custom/unknown", map[string]interface{}{})), nil},
		{"unexpected response", string(lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 99, "result": null}`)), nil},
		{"Content-Length not a number", "Content-Length: abc\r\n\r\n{}", []answer{{"null", -32700}}},
		{"Content-Length zero", "Content-Length: 0\r\n\r\n", []answer{{"null", -32700}}},
		{"Content-Length negative", "Content-Length: -5\r\n\r\n{}", []answer{{"null", -32700}}},
		{"missing Content-Length", "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 13, \"method\": \"shutdown\"}", []answer{{"null", -32700}}},
		{"malformed header line", "this is no header\r\n" + secret + "\r\n\r\n{}", []answer{{"null", -32700}}},
		{"Content-Length too small", "Content-Length: 10\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 14, \"method\": \"shutdown\"}", []answer{{"null", -32700}}},
		{"body without a header", `{"jsonrpc": "2.0", "id": 15, "method": "shutdown"}`, nil},
		{"blank lines between frames", "\r\n\r\n\n", nil},
		{"lower-case header and Content-Type", "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[]", []answer{{"null", -32600}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c.Send([]byte(tc.send))
			for _, want := range tc.want {
				f := c.Response()
				if string(f.ID) != want.id || f.Error == nil || f.Error.Code != want.code {
					t.Errorf("answered id %s with %s %+v, want id %s with error %d", f.ID, f.Result, f.Error, want.id, want.code)
				}
			}
			probe(t, c, uri)
		})
	}
}

// Every legal kind of id is answered with the id as sent.
func TestFaultsIDs(t *testing.T) {
	_, c := startRaw(t)
	initialized(t, c)
	const uri = "file:///work/ids.go"
	c.Send(lsptest.NotificationOf("textDocument/didOpen", openParams(uri, "go", goDoc)))
	for _, id := range []string{`0`, `-1`, `2147483647`, `-2147483648`, `"abc"`, `"1"`, `"😀 id"`, `""`, `"\u0041"`} {
		c.Send(lsptest.FrameOf(fmt.Sprintf(`{"jsonrpc": "2.0", "id": %s, "method": "textDocument/hover", "params": {"textDocument": {"uri": %q}, "position": {"line": 3, "character": 15}}}`, id, uri)))
		f := c.Response()
		var got, want interface{}
		json.Unmarshal(f.ID, &got)
		json.Unmarshal([]byte(id), &want)
		if got != want || f.Error != nil || !strings.Contains(string(f.Result), "404") {
			t.Errorf("id %s: answered id %s with %s %+v", id, f.ID, f.Result, f.Error)
		}
	}
}

func TestFaultsLifecycle(t *testing.T) {
	p, c := startRaw(t)
	if f := c.Call("textDocument/hover", hoverParams("file:///x.go", 0, 0)); f.Error == nil || f.Error.Code != -32002 {
		t.Errorf("hover before initialize: %+v, want ServerNotInitialized", f.Error)
	}
	if f := c.Call("shutdown", nil); f.Error == nil || f.Error.Code != -32002 {
		t.Errorf("shutdown before initialize: %+v, want ServerNotInitialized", f.Error)
	}
	// A notification before initialize is dropped.
	c.Send(lsptest.NotificationOf("textDocument/didOpen", openParams("file:///early.go", "go", goDoc)))
	initialized(t, c)
	if f := c.Call("textDocument/hover", hoverParams("file:///early.go", 3, 15)); f.Error != nil || string(f.Result) != "null" {
		t.Errorf("hover in a document opened before initialize: %s %+v, want null", f.Result, f.Error)
	}
	if f := c.Call("initialize", map[string]interface{}{"capabilities": map[string]interface{}{}}); f.Error == nil || f.Error.Code != -32600 {
		t.Errorf("second initialize: %+v, want InvalidRequest", f.Error)
	}
	if f := c.Call("shutdown", nil); f.Error != nil {
		t.Fatalf("shutdown: %+v", f.Error)
	}
	for _, m := range []string{"textDocument/hover", "textDocument/completion", "shutdown", "initialize"} {
		if f := c.Call(m, hoverParams("file:///x.go", 0, 0)); f.Error == nil || f.Error.Code != -32600 {
			t.Errorf("%s after shutdown: %+v, want InvalidRequest", m, f.Error)
		}
	}
	c.Send(lsptest.NotificationOf("exit", nil))
	if code := p.exitCode(t); code != 0 {
		t.Errorf("exit after shutdown: code %d, want 0", code)
	}
}

func TestFaultsExitWithoutShutdown(t *testing.T) {
	for _, tc := range []struct {
		name string
		init bool
	}{{"before initialize", false}, {"after initialize", true}} {
		t.Run(tc.name, func(t *testing.T) {
			p, c := startRaw(t)
			if tc.init {
				initialized(t, c)
			}
			c.Send(lsptest.NotificationOf("exit", nil))
			if code := p.exitCode(t); code != 1 {
				t.Errorf("exit without shutdown: code %d, want 1", code)
			}
		})
	}
}

// A client that writes shutdown and exit and closes its end at once gets
// exit code 0: the messages read before the end are handled.
func TestFaultsShutdownExitAndClose(t *testing.T) {
	p, c := startRaw(t)
	initialized(t, c)
	_, shutdown := c.Request("shutdown", nil)
	c.Send(append(shutdown, lsptest.NotificationOf("exit", nil)...))
	p.stdin.Close()
	if code := p.exitCode(t); code != 0 {
		t.Errorf("shutdown, exit and close: code %d, want 0", code)
	}
}

// However the input ends — between frames, inside a header, inside a
// body, while an analysis runs — the process exits, with code 1.
func TestFaultsInputClosedAbruptly(t *testing.T) {
	big := openAPIDoc(200000)
	for _, tc := range []struct {
		name, send string
	}{
		{"between frames", ""},
		{"inside a header", "Content-Len"},
		{"inside a body", "Content-Length: 100\r\n\r\n{\"jsonrpc\": \"2.0\""},
		{"while a large document is analysed", string(lsptest.NotificationOf("textDocument/didOpen", openParams("file:///big.yaml", "yaml", big))) +
			string(lsptest.MessageOf(map[string]interface{}{"jsonrpc": "2.0", "id": 50, "method": "textDocument/hover", "params": hoverParams("file:///big.yaml", 5, 9)}))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, c := startRaw(t)
			initialized(t, c)
			c.Send([]byte(tc.send))
			p.stdin.Close()
			if code := p.exitCode(t); code != 1 {
				t.Errorf("input closed: code %d, want 1", code)
			}
		})
	}
}

// openAPIDoc is an OpenAPI document with n operations, whose first 404
// key is at line 5, characters 8-13.
func openAPIDoc(n int) string {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\npaths:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  /items%d/{id}:\n    get:\n      responses:\n        '404': {description: %s}\n        '200': {description: ok}\n", i, secret)
	}
	return b.String()
}

// A cancelled request is answered RequestCancelled, for numeric and string
// ids alike, while it waits for an analysis; the server goes on.
func TestFaultsCancelRequest(t *testing.T) {
	_, c := startRaw(t)
	initialized(t, c)
	const big = "file:///work/big.yaml"
	c.Send(lsptest.NotificationOf("textDocument/didOpen", openParams(big, "yaml", openAPIDoc(40000))))
	// One write: a hover that waits for the analysis of 6 MB, a
	// completion queued behind it, and the cancellation of both.
	var batch []byte
	batch = append(batch, lsptest.FrameOf(`{"jsonrpc": "2.0", "id": 1000, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///work/big.yaml"}, "position": {"line": 5, "character": 9}}}`)...)
	batch = append(batch, lsptest.FrameOf(`{"jsonrpc": "2.0", "id": "str", "method": "textDocument/completion", "params": {"textDocument": {"uri": "file:///work/big.yaml"}, "position": {"line": 5, "character": 9}}}`)...)
	batch = append(batch, lsptest.NotificationOf("$/cancelRequest", map[string]interface{}{"id": 1000})...)
	batch = append(batch, lsptest.NotificationOf("$/cancelRequest", map[string]interface{}{"id": "str"})...)
	// Cancelling what is unknown, done or not an id is ignored.
	batch = append(batch, lsptest.NotificationOf("$/cancelRequest", map[string]interface{}{"id": 424242})...)
	batch = append(batch, lsptest.NotificationOf("$/cancelRequest", map[string]interface{}{"id": 1.5})...)
	batch = append(batch, lsptest.NotificationOf("$/cancelRequest", map[string]interface{}{})...)
	c.Send(batch)

	// Both wait for the same analysis; they are answered in either order.
	cancelled := map[string]bool{}
	for range 2 {
		f := c.Response()
		if f.Error == nil || f.Error.Code != -32800 {
			t.Errorf("cancelled request: id %s, %.100s %+v, want RequestCancelled", f.ID, f.Result, f.Error)
		}
		cancelled[string(f.ID)] = true
	}
	if !cancelled["1000"] || !cancelled[`"str"`] {
		t.Errorf("answered %v, want ids 1000 and \"str\"", cancelled)
	}
	f := c.Call("textDocument/hover", hoverParams(big, 5, 9))
	if f.Error != nil || !strings.Contains(string(f.Result), "404 Not Found") {
		t.Errorf("hover after cancellations: %.100s %+v", f.Result, f.Error)
	}
}

// peakMemory returns the process's peak resident memory in bytes, or -1
// where /proc does not tell.
func peakMemory(p *rawProcess) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return -1
}

// diagnosticsOf waits for the next diagnostics of uri.
func diagnosticsOf(t *testing.T, c *lsptest.Raw, uri string) []struct {
	Message string `json:"message"`
} {
	t.Helper()
	f := c.Notification(func(f lsptest.Frame) bool {
		return f.Method == "textDocument/publishDiagnostics" && strings.Contains(string(f.Params), `"uri":"`+uri+`"`)
	})
	var p struct {
		Diagnostics []struct {
			Message string `json:"message"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(f.Params, &p); err != nil {
		t.Fatal(err)
	}
	return p.Diagnostics
}

func change(uri string, version int, changes ...map[string]interface{}) []byte {
	return lsptest.NotificationOf("textDocument/didChange", map[string]interface{}{
		"textDocument":   map[string]interface{}{"uri": uri, "version": version},
		"contentChanges": changes,
	})
}

func edit(sl, sc, el, ec int, text string) map[string]interface{} {
	return map[string]interface{}{"text": text, "range": map[string]interface{}{
		"start": map[string]int{"line": sl, "character": sc}, "end": map[string]int{"line": el, "character": ec},
	}}
}

// Documents a client should not send, and documents no one should write:
// each gets a sane answer in bounded time and memory, and the server goes
// on answering.
func TestFaultsDocuments(t *testing.T) {
	p, c := startRaw(t, "--debounce", "0")
	initialized(t, c)
	const uri = "file:///work/doc.go"
	c.Send(lsptest.NotificationOf("textDocument/didOpen", openParams(uri, "go", goDoc)))
	probe(t, c, uri)

	t.Run("a document never opened", func(t *testing.T) {
		const never = "file:///work/never.go"
		c.Send(change(never, 2, map[string]interface{}{"text": goDoc}))
		c.Send(lsptest.NotificationOf("textDocument/didClose", map[string]interface{}{"textDocument": map[string]string{"uri": never}}))
		if f := c.Call("textDocument/hover", hoverParams(never, 3, 15)); f.Error != nil || string(f.Result) != "null" {
			t.Errorf("hover: %s %+v, want null", f.Result, f.Error)
		}
		if f := c.Call("textDocument/completion", hoverParams(never, 3, 15)); f.Error != nil || !strings.Contains(string(f.Result), `"items":[]`) {
			t.Errorf("completion: %s %+v, want no items", f.Result, f.Error)
		}
		action := map[string]interface{}{"textDocument": map[string]string{"uri": never},
			"range": edit(0, 0, 9, 9, "")["range"], "context": map[string]interface{}{"diagnostics": []interface{}{}}}
		if f := c.Call("textDocument/codeAction", action); f.Error != nil || string(f.Result) != "[]" {
			t.Errorf("codeAction: %s %+v, want []", f.Result, f.Error)
		}
	})

	t.Run("positions out of range", func(t *testing.T) {
		for _, pos := range [][2]int{{3, 4000}, {4000, 0}, {4294967295, 4294967295}} {
			if f := c.Call("textDocument/hover", hoverParams(uri, pos[0], pos[1])); f.Error != nil || string(f.Result) != "null" {
				t.Errorf("hover at %v: %s %+v, want null", pos, f.Result, f.Error)
			}
			if f := c.Call("textDocument/completion", hoverParams(uri, pos[0], pos[1])); f.Error != nil {
				t.Errorf("completion at %v: %+v", pos, f.Error)
			}
		}
		if f := c.Call("textDocument/hover", hoverParams(uri, -1, 0)); f.Error == nil || f.Error.Code != -32602 {
			t.Errorf("hover at line -1: %s %+v, want InvalidParams", f.Result, f.Error)
		}
		action := map[string]interface{}{"textDocument": map[string]string{"uri": uri},
			"range": edit(400, 0, 0, 0, "")["range"], "context": map[string]interface{}{"diagnostics": []interface{}{}}}
		if f := c.Call("textDocument/codeAction", action); f.Error != nil {
			t.Errorf("codeAction over a reversed range past the end: %+v", f.Error)
		}
	})

	t.Run("edits past the end, reversed and out of order", func(t *testing.T) {
		const doc = "file:///work/edits.go"
		c.Send(lsptest.NotificationOf("textDocument/didOpen", openParams(doc, "go", "package p\n")))
		// Past the end: clamped to the end of the text.
		c.Send(change(doc, 2, edit(50, 0, 60, 9, "\nimport \"net/http\"\nvar x = http.StatusNotFound\n")))
		// Stale versions and a reversed range change nothing.
		c.Send(change(doc, 2, map[string]interface{}{"text": "package stale\n"}))
		c.Send(change(doc, 1, map[string]interface{}{"text": "package stale\n"}))
		c.Send(change(doc, 3, edit(3, 0, 1, 0, "reversed")))
		c.Send(change(doc, 4, edit(0, 4000, 0, 5000, "")))
		probe(t, c, doc)
	})

	t.Run("URIs that are not files", func(t *testing.T) {
		for _, u := range []string{"untitled:Untitled-1", "http://example.com/x.go", "vscode-notebook-cell:/n.ipynb#W0sZmlsZQ%3D%3D", "not a uri", "", "file:", "file:///a%20b/%ZZ.go", "file://server/share/x.go"} {
			c.Send(lsptest.NotificationOf("textDocument/didOpen", openParams(u, "go", goDoc)))
			probe(t, c, u)
		}
	})

	t.Run("invalid UTF-8, NUL, lone surrogates", func(t *testing.T) {
		const doc = "file:///work/bytes.go"
		body := `{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "` + doc + `", "languageId": "go", "version": 1, "text": ` +
			`"package p\n\nimport \"net/http\"\nvar x = http.StatusNotFound // \u0000 \ud800 ` + "\xff\xfe\xc3" + ` ` + secret + `\n\u0000` + "\xff" + `"}}}`
		c.Send(lsptest.FrameOf(body))
		probe(t, c, doc)
		diagnosticsOf(t, c, doc)
	})

	t.Run("deep nesting and an alias bomb", func(t *testing.T) {
		docs := map[string]string{
			"file:///work/deep-flow.yaml": "status: 404\na: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n",
			"file:///work/deep-map.yaml":  "status: 404\na: " + strings.Repeat("{b: ", 10000) + "1" + strings.Repeat("}", 10000) + "\n",
			"file:///work/deep.json":      `{"openapi": "3.0.0", "x": ` + strings.Repeat(`{"a": `, 10000) + "1" + strings.Repeat("}", 10000) + "}",
			"file:///work/unclosed.yaml":  "status: 404\na: " + strings.Repeat("[", 10000) + "\n",
			"file:///work/bomb.yaml": "status: 404\n" + `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n" +
				func() string {
					var b strings.Builder
					for i, n := range "bcdefghi" {
						prev := string("abcdefghi"[i])
						fmt.Fprintf(&b, "%c: &%c [%s]\n", n, n, strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ","))
					}
					return b.String()
				}() + "# " + secret + "\n",
		}
		for u, text := range docs {
			c.Send(lsptest.NotificationOf("textDocument/didOpen", openParams(u, "yaml", text)))
			f := c.Call("textDocument/hover", hoverParams(u, 0, 9))
			if f.Error != nil {
				t.Errorf("%s: hover: %+v", u, f.Error)
			}
			if strings.HasSuffix(u, ".yaml") && !strings.Contains(string(f.Result), "404 Not Found") {
				t.Errorf("%s: no hover on status: 404: %.200s", u, f.Result)
			}
			diagnosticsOf(t, c, u)
		}
	})

	t.Run("a 50 MB document", func(t *testing.T) {
		const doc = "file:///work/huge.yaml"
		c.Send(lsptest.NotificationOf("textDocument/didOpen", openParams(doc, "yaml", openAPIDoc(50<<20/110))))
		diags := diagnosticsOf(t, c, doc)
		if len(diags) != 1 || !strings.Contains(diags[0].Message, "limits.maxDocumentSize") {
			t.Errorf("diagnostics of a 50 MB document: %+v, want one naming limits.maxDocumentSize", diags)
		}
		if f := c.Call("textDocument/hover", hoverParams(doc, 5, 9)); f.Error != nil || string(f.Result) != "null" {
			t.Errorf("hover in a document too large to analyse: %.100s %+v", f.Result, f.Error)
		}
		c.Send(change(doc, 2, edit(0, 0, 0, 0, "# edited\n")))
		if diags := diagnosticsOf(t, c, doc); len(diags) != 1 {
			t.Errorf("diagnostics after an edit: %+v", diags)
		}
		c.Send(lsptest.NotificationOf("textDocument/didClose", map[string]interface{}{"textDocument": map[string]string{"uri": doc}}))
	})

	probe(t, c, uri)
	// A hang detector, not a benchmark: the 50 MB document passes through
	// the server two or three times over.
	peak := peakMemory(p)
	if peak > 1<<30 {
		t.Errorf("peak memory %d MB", peak>>20)
	}
	t.Logf("peak memory of the server: %d MB", peak>>20)
}

// straceOrSkip returns the path of strace, skipping the test where it is
// not installed or cannot trace (a sandbox without ptrace).
func straceOrSkip(t *testing.T) string {
	t.Helper()
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed; install it to trace the binary's system calls")
	}
	if err := exec.Command(strace, "-qq", "-o", os.DevNull, "true").Run(); err != nil {
		t.Skipf("strace cannot trace here (%v)", err)
	}
	return strace
}

// TestServerWritesNoFilesAndOpensNoConnections traces the system calls of
// a whole session: in server mode the binary opens no file for writing,
// creates, renames or removes none, makes no network connection, and of
// the workspace reads only its configuration file, and the directory and
// the Go files of an open Go file's package.
func TestServerWritesNoFilesAndOpensNoConnections(t *testing.T) {
	strace := straceOrSkip(t)
	workspace := t.TempDir()
	if err := os.WriteFile(workspace+"/.httpcode-lsp.yaml", []byte("rules:\n  use-status-constant: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(workspace+"/other.go", []byte(goDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	trace := t.TempDir() + "/trace"
	p, c := startCommand(t, strace, "-f", "-qq", "-o", trace, "-e", "trace=%file,%network,%desc", binary)

	root := "file://" + workspace
	c.Call("initialize", map[string]interface{}{"capabilities": map[string]interface{}{}, "rootUri": root,
		"workspaceFolders": []map[string]string{{"uri": root, "name": "w"}}})
	c.Send(lsptest.NotificationOf("initialized", map[string]interface{}{}))
	for _, doc := range []struct{ uri, lang, text string }{
		{root + "/other.go", "go", goDoc},
		{root + "/api.yaml", "yaml", openAPIDoc(3)},
		{root + "/.httpcode-lsp.yaml", "yaml", "rules:\n  missing-header: off\n"},
	} {
		c.Send(lsptest.NotificationOf("textDocument/didOpen", openParams(doc.uri, doc.lang, doc.text)))
		c.Call("textDocument/hover", hoverParams(doc.uri, 3, 15))
		c.Call("textDocument/completion", hoverParams(doc.uri, 5, 9))
		c.Call("textDocument/codeAction", map[string]interface{}{"textDocument": map[string]string{"uri": doc.uri},
			"range": edit(0, 0, 9, 0, "")["range"], "context": map[string]interface{}{"diagnostics": []interface{}{}}})
		c.Send(change(doc.uri, 2, edit(0, 0, 0, 0, "# x\n")))
		c.Send(lsptest.NotificationOf("textDocument/didSave", map[string]interface{}{"textDocument": map[string]string{"uri": doc.uri}}))
	}
	c.Send(lsptest.NotificationOf("workspace/didChangeConfiguration", map[string]interface{}{"settings": map[string]interface{}{"rules": map[string]string{"missing-header": "error"}}}))
	c.Call("shutdown", nil)
	c.Send(lsptest.NotificationOf("exit", nil))
	if code := p.exitCode(t); code != 0 {
		t.Fatalf("exit code %d", code)
	}

	checkTrace(t, trace, func(path string) bool {
		return !strings.HasPrefix(path, workspace) || path == workspace || path == workspace+"/.httpcode-lsp.yaml" || strings.HasSuffix(path, ".go")
	})
}

// checkTrace fails the test on a network call, a call that changes a
// file, a file opened for writing, or a file opened that may not be read,
// in an strace log; it checks that the log holds opens at all.
func checkTrace(t *testing.T, trace string, mayRead func(path string) bool) {
	t.Helper()
	b, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	opened := 0
	for _, line := range strings.Split(string(b), "\n") {
		call, args, _ := strings.Cut(strings.TrimLeft(strings.TrimLeft(line, "0123456789"), " "), "(")
		switch call {
		case "socket", "connect", "bind", "listen", "accept", "accept4", "sendto", "sendmsg":
			t.Errorf("a network call: %s", line)
		case "creat", "mkdir", "mkdirat", "unlink", "unlinkat", "rename", "renameat", "renameat2", "truncate", "link", "linkat", "symlink", "symlinkat", "rmdir", "chmod", "fchmodat", "chown", "fchownat", "mknod", "mknodat":
			t.Errorf("a call that changes files: %s", line)
		case "open", "openat", "openat2":
			opened++
			if strings.Contains(line, "O_WRONLY") || strings.Contains(line, "O_RDWR") || strings.Contains(line, "O_CREAT") || strings.Contains(line, "O_TRUNC") {
				t.Errorf("a file opened for writing: %s", line)
			}
			if _, rest, ok := strings.Cut(args, `"`); ok {
				if path, _, ok := strings.Cut(rest, `"`); ok && !mayRead(path) {
					t.Errorf("a file opened that may not be read: %s", line)
				}
			}
		}
	}
	if opened == 0 {
		t.Errorf("the trace shows no open at all; is it complete?\n%s", b)
	}
}

// check reads the paths it is given (walking the directories among them)
// and the configuration file, writes nothing and opens no connection.
func TestCheckReadsOnlyItsPaths(t *testing.T) {
	strace := straceOrSkip(t)
	dir := t.TempDir()
	for name, text := range map[string]string{
		"handler.go": goDoc, "api/spec.yaml": openAPIDoc(2), "api/more/x.json": `{"openapi": "3.0.0"}`,
		"other.yaml": openAPIDoc(1), "notes/n.go": goDoc,
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	trace := t.TempDir() + "/trace"
	cmd := exec.Command(strace, "-f", "-qq", "-o", trace, "-e", "trace=%file,%network,%desc", binary, "check", "handler.go", "api")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState.ExitCode() > 1 {
		t.Fatalf("check: %v\n%s", err, out)
	}
	checkTrace(t, trace, func(path string) bool {
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil || strings.HasPrefix(rel, "..") {
			return true // the system's files, such as the dynamic loader's
		}
		return rel == "." || rel == "handler.go" || rel == config.FileName || rel == ".gitignore" || rel == "api" || strings.HasPrefix(rel, "api/")
	})
}
