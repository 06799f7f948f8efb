package jsonrpc

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lsptest"
)

// fakeConn is a client's byte stream: what the client sent, and what the
// server writes back.
type fakeConn struct {
	io.Reader
	out bytes.Buffer
}

func (c *fakeConn) Write(b []byte) (int, error) { return c.out.Write(b) }
func (c *fakeConn) Close() error                { return nil }

// readAll reads every message of input through a stream and returns them
// with the error frames the stream wrote back, which must be well formed.
func readAll(t *testing.T, input []byte, maxBody int64) ([]*Request, []lsptest.Frame) {
	t.Helper()
	conn := &fakeConn{Reader: bytes.NewReader(input)}
	s := newStream(conn, zap.NewNop())
	s.maxBody = maxBody
	var msgs []*Request
	for {
		req, _, err := s.Read()
		if err != nil {
			if err != io.EOF && err != io.ErrUnexpectedEOF {
				t.Fatalf("Read: %v", err)
			}
			break
		}
		if req != nil {
			msgs = append(msgs, req)
		}
	}
	var answers []lsptest.Frame
	out := bufio.NewReader(&conn.out)
	for {
		body, err := lsptest.ReadFrame(out)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the stream wrote a bad frame: %v", err)
		}
		var f lsptest.Frame
		if err := json.Unmarshal(body, &f); err != nil || f.JSONRPC != "2.0" || f.Error == nil || len(f.ID) == 0 {
			t.Fatalf("the stream wrote %s", body)
		}
		switch f.Error.Code {
		case int64(jsonrpc2.ParseError), int64(jsonrpc2.InvalidRequest), int64(jsonrpc2.InvalidParams):
		default:
			t.Fatalf("the stream answered with code %d: %s", f.Error.Code, body)
		}
		answers = append(answers, f)
	}
	return msgs, answers
}

// trailer is a valid frame that must be read after any garbage that holds
// no Content-Length header of its own.
var trailer = lsptest.FrameOf(`{"jsonrpc":"2.0","id":"trailer","method":"textDocument/hover","params":{}}`)

func isTrailer(r *Request) bool { return string(r.id) == `"trailer"` }

// FuzzStream: no input makes the frame reader panic or loop; everything it
// writes is a well-formed JSON-RPC error; and after garbage without a
// Content-Length header of its own, the next valid frame is read.
func FuzzStream(f *testing.F) {
	f.Add([]byte("Content-Length: 2\r\n\r\n{}"))
	f.Add([]byte("Content-Length: abc\r\n\r\n{}"))
	f.Add([]byte("garbage\r\n\r\n"))
	f.Fuzz(func(t *testing.T, input []byte) {
		msgs, _ := readAll(t, append(append(input[:len(input):len(input)], "\r\n"...), trailer...), 1<<16)
		if indexFold(string(input), contentLength) >= 0 {
			return
		}
		if len(msgs) == 0 || !isTrailer(msgs[len(msgs)-1]) {
			t.Fatalf("the valid frame after %q was not read; got %d messages", input, len(msgs))
		}
	})
}

func TestStreamSkipsWhatItCannotRead(t *testing.T) {
	for _, tc := range []struct {
		name, input string
		answers     int
	}{
		{"a body larger than the limit", "Content-Length: 5000\r\n\r\n" + strings.Repeat("x", 5000), 1},
		{"a header line longer than any buffer", strings.Repeat("y", 3*maxHeaderLine+7) + "\r\n", 1},
		{"a line longer than any buffer before a frame", strings.Repeat("z", 3*maxHeaderLine+7), 1},
		{"a Content-Length cut by the end of a buffer", strings.Repeat("w", maxHeaderLine-6), 1},
		{"a second Content-Length in the same header", "Content-Length: 99\r\n", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			msgs, answers := readAll(t, append([]byte(tc.input), trailer...), 4096)
			if len(msgs) != 1 || !isTrailer(msgs[0]) {
				t.Errorf("read %d messages, want the valid frame after the fault", len(msgs))
			}
			if len(answers) != tc.answers {
				t.Errorf("%d answers, want %d: %+v", len(answers), tc.answers, answers)
			}
		})
	}
}

// TestLongBodiesAreReadWhole: a body of several chunks arrives whole and
// unchanged, and one cut short is an unexpected end of input.
func TestLongBodiesAreReadWhole(t *testing.T) {
	want := bytes.Repeat([]byte("0123456789abcdef"), (2*bodyChunk+3)/16)
	got, err := readBody(bytes.NewReader(want), int64(len(want)))
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("read %d of %d bytes, equal %t, err %v", len(got), len(want), bytes.Equal(got, want), err)
	}
	if _, err := readBody(bytes.NewReader(want[:bodyChunk+5]), int64(len(want))); err != io.ErrUnexpectedEOF {
		t.Errorf("a body cut short: got %v, want %v", err, io.ErrUnexpectedEOF)
	}
	if _, err := readBody(bytes.NewReader(nil), int64(len(want))); err != io.ErrUnexpectedEOF {
		t.Errorf("no body at all: got %v, want %v", err, io.ErrUnexpectedEOF)
	}
}

// TestBodyMemoryFollowsWhatArrives: a Content-Length that promises far
// more than is sent takes memory of the size sent, not of the promise.
func TestBodyMemoryFollowsWhatArrives(t *testing.T) {
	const promised, sent = 64 << 20, 3 * bodyChunk
	in := bytes.NewReader(make([]byte, sent))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := readBody(in, promised); err != io.ErrUnexpectedEOF {
		t.Fatalf("got %v, want %v", err, io.ErrUnexpectedEOF)
	}
	runtime.ReadMemStats(&after)
	if took := after.TotalAlloc - before.TotalAlloc; took > 2*sent {
		t.Errorf("reading %d bytes of a promised %d took %d bytes", sent, promised, took)
	}
}

// TestEncodedMessagesMatchJSONRPC: the messages the stream writes say what
// jsonrpc2's own encoding of them says.
func TestEncodedMessagesMatchJSONRPC(t *testing.T) {
	result := map[string]interface{}{"items": []string{"<a>", "é\u2028"}}
	rpcErr := jsonrpc2.Errorf(jsonrpc2.InvalidParams, "bad <%s>", "x")
	response, _ := jsonrpc2.NewResponse(jsonrpc2.NewNumberID(7), result, nil)
	null, _ := jsonrpc2.NewResponse(jsonrpc2.NewStringID("s\"1"), nil, nil)
	failed, _ := jsonrpc2.NewResponse(jsonrpc2.NewNumberID(8), nil, rpcErr)
	published, _ := jsonrpc2.NewNotification("textDocument/publishDiagnostics", map[string]interface{}{"uri": "file:///a b.json", "diagnostics": []int{}})
	call, _ := jsonrpc2.NewCall(jsonrpc2.NewNumberID(9), "workspace/configuration", map[string]interface{}{"items": []int{1}})
	encode := func(pieces [][]byte, err error) []byte {
		if err != nil {
			t.Fatal(err)
		}
		return bytes.Join(pieces, nil)
	}
	for _, tc := range []struct {
		got  []byte
		want jsonrpc2.Message
	}{
		{encode(encodeResponse(json.RawMessage("7"), result, nil)), response},
		{encode(encodeResponse(json.RawMessage(`"s\"1"`), nil, nil)), null},
		{encode(encodeResponse(json.RawMessage("8"), nil, rpcErr)), failed},
		{encode(encodeMessage(published)), published},
		{encode(encodeMessage(call)), call},
	} {
		want, err := tc.want.(json.Marshaler).MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var g, w interface{}
		if err := json.Unmarshal(tc.got, &g); err != nil {
			t.Fatalf("%s: %v", tc.got, err)
		}
		json.Unmarshal(want, &w)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("got %s, want %s", tc.got, want)
		}
	}
}

// TestDecodedMessagesMatchJSONRPC: the requests the stream builds from the
// members it read are the ones jsonrpc2 decodes from the same bodies.
func TestDecodedMessagesMatchJSONRPC(t *testing.T) {
	for _, body := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.yaml"},"position":{"line":1,"character":2}}}`,
		`{"jsonrpc":"2.0","id":"x\"1","method":"text\u0044ocument/completion","params":[1,"<b>"]}`,
		`{"method":"shutdown","id":-7,"jsonrpc":"2.0"}`,
		`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.json","text":"{\"a\": \"\\u00e9\"}"}}}`,
		`{"params":{"contentChanges":[{"text":"a\nb"},{"range":{"start":{"line":0,"character":1},"end":{"line":0,"character":1}},"text":"é"}],"textDocument":{"uri":"file:///a.yaml","version":2}},"method":"textDocument/didChange"}`,
		`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.yaml","version":"2"}}}`,
		`{"jsonrpc":"2.0","method":"initialized"}`,
	} {
		got, _, bad := decodeMessage([]byte(body))
		if bad != nil {
			t.Fatalf("%s: %s", body, bad.message)
		}
		want, err := jsonrpc2.DecodeMessage([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		w := want.(jsonrpc2.Request)
		if got.Method != w.Method() || !sameJSON(got.Params, w.Params()) {
			t.Errorf("%s: got %s %s, want %s %s", body, got.Method, got.Params, w.Method(), w.Params())
		}
		if call, isCall := want.(*jsonrpc2.Call); isCall != got.IsCall() {
			t.Errorf("%s: IsCall %t", body, got.IsCall())
		} else if isCall {
			var id jsonrpc2.ID
			if err := id.UnmarshalJSON(got.id); err != nil || id != call.ID() {
				t.Errorf("%s: id %s, want %+v", body, got.id, call.ID())
			}
		}
	}
	_, resp, bad := decodeMessage([]byte(`{"jsonrpc":"2.0","id":3,"result":{"ok":true}}`))
	if bad != nil || resp == nil || resp.ID() != jsonrpc2.NewNumberID(3) || !sameJSON(resp.Result(), json.RawMessage(`{"ok":true}`)) {
		t.Errorf("a response: %+v %+v", resp, bad)
	}
}

// TestDeepParamsAreRefused: params that nest deeper than MaxDepth are
// InvalidParams for a call, answered with its id, and dropped for a
// notification, before any decoder recurses into them (two million
// levels overflow segmentio's stack); brackets inside strings do not
// count.
func TestDeepParamsAreRefused(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	for _, tc := range []struct {
		body string
		code jsonrpc2.Code // 0: accepted
	}{
		{`{"jsonrpc":"2.0","id":1,"method":"x","params":` + deep(MaxDepth) + `}`, 0},
		{`{"jsonrpc":"2.0","id":1,"method":"x","params":` + deep(MaxDepth+1) + `}`, jsonrpc2.InvalidParams},
		{`{"jsonrpc":"2.0","id":1,"method":"x","params":{"s":"` + strings.Repeat("[{", 5000) + `\"[\\"}}`, 0},
		{`{"jsonrpc":"2.0","id":1,"method":"x","params":{"a":` + deep(200000) + `}}`, jsonrpc2.InvalidParams},
		{`{"jsonrpc":"2.0","method":"x","params":{"a":` + deep(200000) + `}}`, 0},
		{`{"params":` + deep(2000000) + `,"method":"x","id" : "deep"}`, jsonrpc2.InvalidParams},
	} {
		req, _, bad := decodeMessage([]byte(tc.body))
		switch {
		case tc.code == 0 && bad != nil && bad.code != 0:
			t.Errorf("%.60s…: refused %d %s", tc.body, bad.code, bad.message)
		case tc.code == 0 && bad == nil && req == nil:
			t.Errorf("%.60s…: no request", tc.body)
		case tc.code != 0 && (bad == nil || bad.code != tc.code):
			t.Errorf("%.60s…: %+v, want code %d", tc.body, bad, tc.code)
		case tc.code != 0 && string(bad.id) != "1" && string(bad.id) != `"deep"`:
			t.Errorf("%.60s…: answered id %s", tc.body, bad.id)
		}
	}
}

// sameJSON reports whether a and b are the same JSON value, or both absent.
func sameJSON(a, b json.RawMessage) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	var x, y interface{}
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
}

// TestDecodingADidOpenDoesNotCopyIt: the stream checks and decodes a
// message of megabytes without copying it; the text is copied once, when
// the handler decodes the params.
func TestDecodingADidOpenDoesNotCopyIt(t *testing.T) {
	text := strings.Repeat("paths:\n  /a:\n    get:\n      responses:\n        '200': {description: OK}\n", 50000)
	body, err := json.Marshal(map[string]interface{}{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": map[string]interface{}{
		"textDocument": map[string]interface{}{"uri": "file:///a.yaml", "languageId": "yaml", "version": 1, "text": text}}})
	if err != nil {
		t.Fatal(err)
	}
	var req *Request
	decoded := allocated(func() {
		var bad *badMessage
		if req, _, bad = decodeMessage(body); bad != nil {
			t.Fatal(bad.message)
		}
	})
	var p protocol.DidOpenTextDocumentParams
	params := allocated(func() {
		if err := DecodeTyped(req.Params, &p); err != nil || p.TextDocument.Text != text {
			t.Fatal("the params did not decode to the text", err)
		}
	})
	if decoded > uint64(len(body))/10 || params > 2*uint64(len(body)) {
		t.Errorf("a didOpen of %d bytes: %d bytes allocated to decode it, %d to decode its params", len(body), decoded, params)
	}
}

// allocated returns how many bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestMember: Member finds a member of the outermost object as
// encoding/json does, skipping strings, nesting and values that look like
// keys.
func TestMember(t *testing.T) {
	for _, tc := range []struct {
		v, key, want string
	}{
		{`{"a":1,"b":2}`, "b", `2`},
		{`{ "a" : "b" , "b" : [1, {"b": 3}] }`, "b", `[1, {"b": 3}]`},
		{`{"x":{"uri":"inner"},"uri":"outer"}`, "uri", `"outer"`},
		{`{"text":"\"uri\": \\\"no\\\" ]}{","uri":"file:///a b"}`, "uri", `"file:///a b"`},
		{`{"s":"uri","uri":null}`, "uri", `null`},
		{`{"a":{"b":{"c":"d"}}}`, "a", `{"b":{"c":"d"}}`},
		{`{"a":1}`, "b", ``},
		{`[{"a":1}]`, "a", ``},
		{`{"a":-1.5e3}`, "a", `-1.5e3`},
	} {
		if got := string(Member(json.RawMessage(tc.v), tc.key)); got != tc.want {
			t.Errorf("Member(%s, %q) = %s, want %s", tc.v, tc.key, got, tc.want)
		}
	}
}

// TestLargeParamsAreCheckedWhenDecoded: params over largeParams are set
// aside as read, and what they hold (JSON, UTF-8) is checked by
// DecodeParams and DecodeTyped; the rest of the message is checked when
// it is read.
func TestLargeParamsAreCheckedWhenDecoded(t *testing.T) {
	pad := strings.Repeat("x", largeParams)
	message := func(params string) []byte {
		return []byte(`{"jsonrpc":"2.0","id":1,"method":"m","params":` + params + `}`)
	}
	var p struct{ A, B string }

	for name, decode := range map[string]func(json.RawMessage, ...any) error{"DecodeParams": DecodeParams, "DecodeTyped": DecodeTyped} {
		req, _, bad := decodeMessage(message(`{"a":"` + pad + `","b":"é"}`))
		if bad != nil || decode(req.Params, &p) != nil || p.A != pad || p.B != "é" {
			t.Errorf("%s: valid large params: %v, %q", name, bad, p.B)
		}
		req, _, bad = decodeMessage(message(`{"a":"` + pad + "\xff" + `"}`))
		if bad != nil || decode(req.Params, &p) != nil || p.A != pad+"\uFFFD" {
			t.Errorf("%s: large params with invalid UTF-8: %v, %q", name, bad, p.A[len(pad):])
		}
		req, _, bad = decodeMessage(message(`{"a":"` + pad + `",}`))
		if bad != nil {
			t.Fatalf("invalid large params were refused when read: %+v", bad)
		}
		if err := decode(req.Params, &p); lsptest.ErrorCode(err) != jsonrpc2.InvalidParams {
			t.Errorf("%s: invalid large params decoded: %v", name, err)
		}
	}
	if _, _, bad := decodeMessage(append(message(`{"a":"`+pad+`"}`), ",}"...)); bad == nil || bad.code != jsonrpc2.ParseError {
		t.Errorf("a message broken after its large params: %+v", bad)
	}
}

// A streamed notification's frame is as long as announced whatever the
// writer writes: exactly that, less (made up with blanks: still valid
// JSON) or more (cut, and an error): the next frame is read right.
func TestStreamedNotificationsKeepTheFraming(t *testing.T) {
	params := `{"items":[` + strings.Repeat(`"x",`, 100000) + `"y"]}`
	for _, tc := range []struct {
		name    string
		written string
		valid   bool
		err     bool
	}{
		{"exact", params, true, false},
		{"short", params[:len(params)-1] + "}", true, false},
		{"long", `{"a":` + params + `}`, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conn := &fakeConn{Reader: strings.NewReader("")}
			c := NewConn(conn, zap.NewNop())
			size := len(params)
			if tc.name == "short" {
				size++
			}
			err := c.NotifyStream("test/items", size, func(w io.Writer) error {
				_, err := io.WriteString(w, tc.written)
				return err
			})
			if (err != nil) != tc.err {
				t.Fatalf("error %v, want one: %v", err, tc.err)
			}
			if err := c.Notify("test/after", map[string]int{"n": 1}); err != nil {
				t.Fatal(err)
			}
			out := bufio.NewReader(&conn.out)
			first, err := lsptest.ReadFrame(out)
			if err != nil {
				t.Fatal(err)
			}
			var m struct {
				Method string          `json:"method"`
				Params json.RawMessage `json:"params"`
			}
			if err := json.Unmarshal(first, &m); (err == nil) != tc.valid || tc.valid && (m.Method != "test/items" || strings.TrimSpace(string(m.Params)) != strings.TrimSpace(tc.written)) {
				t.Errorf("first frame: %v, method %q, %d bytes of params", err, m.Method, len(m.Params))
			}
			second, err := lsptest.ReadFrame(out)
			if err != nil || !strings.Contains(string(second), `"test/after"`) {
				t.Errorf("the frame after: %q, %v", second, err)
			}
		})
	}
}
