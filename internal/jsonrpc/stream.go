// stream.go defines stream: the frames of the LSP base protocol — JSON-RPC
// 2.0 messages framed by a Content-Length header — read from and written to
// the client's byte stream, and the checks of a message's envelope.

package jsonrpc

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	fastjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/bigcopy"
)

// maxMessageSize is the largest message the server reads; a larger one is
// skipped and answered InvalidRequest. It is far above any document worth
// opening (see config's limits.maxDocumentSize).
const maxMessageSize = 256 << 20

// maxHeaderLine bounds the memory one header line may take.
const maxHeaderLine = 64 << 10

const contentLength = "content-length:"

// stream reads and writes frames. Read is called from one goroutine;
// writes may come from any.
type stream struct {
	in      *bufio.Reader
	rwc     io.ReadWriteCloser
	log     *zap.Logger
	maxBody int64
	carry   string // the end of a long line's previous piece

	writeMu sync.Mutex // one frame at a time: replies, notifications, rejections
}

func newStream(rwc io.ReadWriteCloser, log *zap.Logger) *stream {
	return &stream{in: bufio.NewReaderSize(rwc, maxHeaderLine), rwc: rwc, log: log, maxBody: maxMessageSize}
}

// Read returns the next well-formed message: a request or notification,
// or a response to a call of ours. Bad frames and bad messages on the way
// are answered and skipped; only the end of the input (or a failure to
// read it) ends the stream.
func (s *stream) Read() (*Request, *jsonrpc2.Response, error) {
	for {
		body, err := s.readFrame()
		if err != nil {
			return nil, nil, err
		}
		if body == nil {
			continue // skipped
		}
		req, resp, bad := decodeMessage(body)
		if bad == nil {
			return req, resp, nil
		}
		if err := s.reject(bad); err != nil {
			return nil, nil, err
		}
	}
}

// badMessage is a message or frame that the stream answers itself. A zero
// code answers nothing (a notification whose params are bad).
type badMessage struct {
	id      json.RawMessage // the request's id; nil answers with a null id
	code    jsonrpc2.Code
	message string
}

// reject logs a bad message, without its content, and answers it.
func (s *stream) reject(bad *badMessage) error {
	s.log.Warn("rejected a message", zap.String("reason", bad.message), zap.Int64("code", int64(bad.code)))
	if bad.code == 0 {
		return nil
	}
	body, err := encodeResponse(bad.id, nil, jsonrpc2.NewError(bad.code, bad.message))
	if err != nil {
		return err
	}
	return s.writeFrame(body...)
}

// readFrame reads one frame's body; nil, with no error, for a frame it
// skipped.
func (s *stream) readFrame() ([]byte, error) {
	length, err := s.readHeader()
	if err != nil {
		return nil, err
	}
	if length > s.maxBody {
		if _, err := io.CopyN(io.Discard, s.in, length); err != nil {
			return nil, noEOF(err)
		}
		return nil, s.reject(&badMessage{code: jsonrpc2.InvalidRequest,
			message: fmt.Sprintf("a message of %d bytes is larger than the %d bytes this server reads", length, s.maxBody)})
	}
	return readBody(s.in, length)
}

// bodyChunk is the size in which a body's memory is taken as it arrives.
const bodyChunk = 1 << 20

// readBody reads a body of length bytes. Its memory is taken a chunk at a
// time until half the body has arrived, so that a Content-Length that
// promises more than is sent costs at most twice what was sent; then the
// body gets memory of its exact size, the chunks are copied into it and
// the rest is read into place. Where the chunks were joined once the last
// byte had arrived, the copy of a 39 MB didOpen held the requests sent
// after it for 40 to 80 ms; now it is made while the sender is still
// writing, a piece at a time (bigcopy).
func readBody(r io.Reader, length int64) ([]byte, error) {
	var chunks [][]byte
	read := int64(0)
	for ; length > bodyChunk && read < length/2; read += bodyChunk {
		chunk := make([]byte, bodyChunk)
		if _, err := io.ReadFull(r, chunk); err != nil {
			return nil, noEOF(err)
		}
		chunks = append(chunks, chunk)
	}
	body := make([]byte, length)
	for i, chunk := range chunks {
		bigcopy.Copy(body[i*bodyChunk:], chunk)
	}
	if _, err := io.ReadFull(r, body[read:]); err != nil {
		return nil, noEOF(err)
	}
	return body, nil
}

// readHeader reads the header lines of a frame up to the empty line that
// ends them and returns the Content-Length. A broken header is answered
// ParseError, and the input skipped up to the next Content-Length header,
// wherever on a line it starts.
func (s *stream) readHeader() (int64, error) {
	length, started, broken := int64(-1), false, false
	fail := func(message string) error {
		broken = true
		return s.reject(&badMessage{code: jsonrpc2.ParseError, message: message})
	}
	for {
		line, err := s.readLine()
		if err != nil {
			if started {
				err = noEOF(err)
			}
			return 0, err
		}
		if i := indexFold(line, contentLength); i > 0 || (i == 0 && broken) {
			// Bytes before the header on its line are what is left of a
			// broken frame (answered already) or bytes outside any frame.
			if !broken && strings.TrimSpace(line[:i]) != "" {
				s.log.Warn("skipped bytes outside a frame", zap.Int("bytes", i))
			}
			line, length, started, broken = line[i:], -1, false, false
		}
		trimmed := strings.TrimSpace(line)
		switch name, value, ok := strings.Cut(trimmed, ":"); {
		case broken:
		case trimmed == "" && !started:
			// blank lines between frames
		case trimmed == "" && length < 0:
			err = fail("a frame without a Content-Length header")
		case trimmed == "":
			return length, nil
		case !ok || !isToken(name):
			err = fail("a header line that is not \"Name: value\"")
		case strings.EqualFold(name, "Content-Length"):
			started = true
			length, err = strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || length <= 0 {
				err = fail("a Content-Length that is not a positive number")
			}
		default:
			started = true // another header, such as Content-Type
		}
		if err != nil {
			return 0, err
		}
	}
}

// readLine returns the next line with its line break, or the next
// maxHeaderLine bytes of a longer line. The last bytes of such a piece are
// read again at the start of the next one, so that no Content-Length
// header is missed where the line is cut.
func (s *stream) readLine() (string, error) {
	b, err := s.in.ReadSlice('\n')
	line := s.carry + string(b)
	s.carry = ""
	if errors.Is(err, bufio.ErrBufferFull) {
		s.carry = line[len(line)-(len(contentLength)-1):]
		return line, nil
	}
	if err != nil && len(b) > 0 && errors.Is(err, io.EOF) {
		return line, nil // a last line without a line break
	}
	return line, err
}

// Request is a request (a call, answered) or a notification read from
// the peer. Its id is kept as sent: jsonrpc2.ID cannot hold every id
// JSON-RPC allows (the empty string).
type Request struct {
	Method string
	Params json.RawMessage // nil when absent (or null)
	id     json.RawMessage // nil for a notification
}

// IsCall reports whether the request is answered.
func (r *Request) IsCall() bool { return r.id != nil }

// MaxDepth is how deeply arrays and objects may nest in a message's
// params; deeper params are InvalidParams. No LSP message comes near it,
// and decoding untyped values costs time that grows with the square of
// the depth.
const MaxDepth = 1000

// decodeMessage checks a frame's body against JSON-RPC 2.0 and decodes
// it into a request or a response. The body is read into its members once
// (with segmentio's decoder) and without copying them: a didOpen may carry
// a document of many megabytes.
func decodeMessage(body []byte) (*Request, *jsonrpc2.Response, *badMessage) {
	if tooDeep(body, MaxDepth+1) {
		// Answered as for params, where the depth is legal at all.
		echo, ok := checkID(Member(body, "id"))
		if !ok {
			return nil, nil, &badMessage{code: 0, message: fmt.Sprintf("a notification nests deeper than %d levels", MaxDepth)}
		}
		return nil, nil, &badMessage{id: echo, code: jsonrpc2.InvalidParams, message: fmt.Sprintf("the params nest deeper than %d levels", MaxDepth)}
	}
	// Large params, a document's text, are set aside and checked when
	// they are decoded (DecodeParams, DecodeTyped), on the goroutine that handles
	// them: the goroutine that reads messages checks the rest. A 39 MB
	// didOpen then takes it 15 ms, not 45.
	var large json.RawMessage
	if p := Member(body, "params"); len(p) > largeParams {
		large = p
		start := cap(body) - cap(p)
		body = slices.Concat(body[:start], []byte("0"), body[start+len(p):])
	}
	if !utf8.Valid(body) {
		// JSON is UTF-8; segmentio's decoder rejects anything else,
		// where encoding/json reads U+FFFD. Mended first: the members
		// are kept as read.
		body = bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	var m map[string]json.RawMessage
	rest, err := fastjson.Parse(body, &m, fastjson.ZeroCopy)
	if err != nil || len(rest) > 0 {
		var syntax *fastjson.SyntaxError
		if errors.As(err, &syntax) || len(rest) > 0 || !fastjson.Valid(body) {
			return nil, nil, &badMessage{code: jsonrpc2.ParseError, message: "the message is not valid JSON"}
		}
		return nil, nil, &badMessage{code: jsonrpc2.InvalidRequest, message: "a message must be a JSON object"}
	}
	if m == nil {
		return nil, nil, &badMessage{code: jsonrpc2.InvalidRequest, message: "a message must be a JSON object"}
	}
	rawID, hasID := m["id"]
	echo, idOK := checkID(rawID)
	bad := func(code jsonrpc2.Code, format string, args ...interface{}) *badMessage {
		return &badMessage{id: echo, code: code, message: fmt.Sprintf(format, args...)}
	}
	if v, ok := m["jsonrpc"]; ok {
		var version string
		if json.Unmarshal(v, &version) != nil || version != jsonrpc2.Version {
			return nil, nil, bad(jsonrpc2.InvalidRequest, `"jsonrpc" must be "2.0"`)
		}
	}
	if hasID && !idOK {
		return nil, nil, bad(jsonrpc2.InvalidRequest, "an id must be a string or a 32-bit integer")
	}
	rawMethod, hasMethod := m["method"]
	if !hasMethod {
		_, hasResult := m["result"]
		_, hasError := m["error"]
		if !hasID || !(hasResult || hasError) {
			return nil, nil, bad(jsonrpc2.InvalidRequest, "a request must have a method")
		}
		resp, err := jsonrpc2.DecodeMessage(body)
		if r, ok := resp.(*jsonrpc2.Response); ok && err == nil {
			return nil, r, nil
		}
		return nil, nil, bad(jsonrpc2.InvalidRequest, "a response to no request of ours")
	}
	var method string
	if json.Unmarshal(rawMethod, &method) != nil || method == "" {
		return nil, nil, bad(jsonrpc2.InvalidRequest, `"method" must be a non-empty string`)
	}
	req := &Request{Method: method, Params: m["params"]}
	if large != nil && string(req.Params) == "0" {
		req.Params = large
	}
	if hasID {
		req.id = rawID
	}
	refuse := func(format string, args ...interface{}) (*Request, *jsonrpc2.Response, *badMessage) {
		b := bad(jsonrpc2.InvalidParams, format, args...)
		if !hasID {
			b.code = 0 // a notification is never answered
		}
		return nil, nil, b
	}
	switch p := req.Params; {
	case bytes.Equal(p, []byte("null")):
		req.Params = nil // some clients send null for no params
	case p != nil && p[0] != '{' && p[0] != '[':
		return refuse("%s: params must be an object or an array", method)
	}
	return req, nil, nil
}

// largeParams is the size from which params are checked only when they
// are decoded.
const largeParams = 64 << 10

// tooDeep reports whether arrays and objects nest deeper than limit in
// the JSON text v, reading it once without decoding it. Decoders recurse
// once per level (segmentio's overflows the stack past a million), so the
// depth is checked first.
func tooDeep(v []byte, limit int) bool {
	depth := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '"':
			if i = stringEnd(v, i); i < 0 {
				return false
			}
		case '[', '{':
			if depth++; depth > limit {
				return true
			}
		case ']', '}':
			depth--
		}
	}
	return false
}

// Member returns the raw value of the member key of the JSON object v, nil
// if it has none, reading v without decoding it: a long string such as a
// document's text is skipped at the speed of IndexByte. Keys are compared
// as written, escapes and all. v need not be valid; what Member returns
// for invalid JSON is of no use but is found in linear time.
func Member(v json.RawMessage, key string) json.RawMessage {
	depth := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '"':
			start := i
			if i = stringEnd(v, i); i < 0 {
				return nil
			}
			if depth != 1 || string(v[start+1:i]) != key {
				continue
			}
			j := skipSpace(v, i+1)
			if j >= len(v) || v[j] != ':' {
				continue // a value, not a key
			}
			j = skipSpace(v, j+1)
			return v[j:valueEnd(v, j)]
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		}
	}
	return nil
}

// valueEnd returns the end of the JSON value that starts at v[i].
func valueEnd(v []byte, i int) int {
	depth := 0
	for j := i; j < len(v); j++ {
		switch c := v[j]; {
		case c == '"':
			if j = stringEnd(v, j); j < 0 {
				return len(v)
			}
			if depth == 0 {
				return j + 1
			}
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			if depth == 0 {
				return j // the end of the object around a scalar
			}
			if depth--; depth == 0 {
				return j + 1
			}
		case depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n'):
			return j
		}
	}
	return len(v)
}

func skipSpace(v []byte, i int) int {
	for i < len(v) && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the offset of the quote that ends the string starting
// at v[start], -1 if none does.
func stringEnd(v []byte, start int) int {
	i := start
	for {
		j := bytes.IndexByte(v[i+1:], '"')
		if j < 0 {
			return -1
		}
		i += j + 1
		k := i - 1
		for v[k] == '\\' {
			k--
		}
		if (i-1-k)%2 == 0 {
			return i // not escaped
		}
	}
}

// checkID returns the id to echo in an error (nil: null) and whether it
// is one: a string or an integer of 32 bits, as LSP says.
func checkID(raw json.RawMessage) (json.RawMessage, bool) {
	if len(raw) == 0 {
		return nil, false
	}
	switch raw[0] {
	case '"':
		return raw, true
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		n, err := strconv.ParseInt(string(raw), 10, 64)
		return raw, err == nil && n >= math.MinInt32 && n <= math.MaxInt32
	}
	return nil, false
}

// Write sends a notification or a call as one frame.
func (s *stream) Write(msg jsonrpc2.Message) error {
	body, err := encodeMessage(msg)
	if err != nil {
		return fmt.Errorf("encode a message: %w", err)
	}
	return s.writeFrame(body...)
}

// encodeMessage encodes a message, in pieces to be written one after the
// other. A notification's params, encoded already when the message was
// made, are written as they are: the message's own MarshalJSON reads them
// again to compact and escape them.
func encodeMessage(msg jsonrpc2.Message) ([][]byte, error) {
	n, ok := msg.(*jsonrpc2.Notification)
	if !ok {
		body, err := msg.(json.Marshaler).MarshalJSON() // as is: json.Marshal would re-escape it
		return [][]byte{body}, err
	}
	head, err := notificationHead(n.Method())
	if err != nil {
		return nil, err
	}
	raw := n.Params()
	if len(raw) == 0 {
		raw = json.RawMessage("null")
	}
	return [][]byte{head, raw, []byte("}")}, nil
}

// notificationHead is a notification's encoding up to its params.
func notificationHead(method string) ([]byte, error) {
	b, err := json.Marshal(method)
	if err != nil {
		return nil, err
	}
	return append(append([]byte(`{"jsonrpc":"2.0","method":`), b...), `,"params":`...), nil
}

// encodeResponse encodes the answer to the call id (nil: null): result,
// or rpcErr when it is not nil. The result is encoded with segmentio's
// encoder, and written as it is.
func encodeResponse(id json.RawMessage, result any, rpcErr *jsonrpc2.Error) ([][]byte, error) {
	if id == nil {
		id = json.RawMessage("null")
	}
	head := append(append([]byte(`{"jsonrpc":"2.0","id":`), id...), `,"result":`...)
	var value []byte
	var err error
	if rpcErr != nil {
		head = append(head[:len(head)-len(`"result":`)], `"error":`...)
		value, err = json.Marshal(rpcErr)
	} else {
		value, err = fastjson.Marshal(result)
	}
	if err != nil {
		return nil, fmt.Errorf("encode an answer: %w", err)
	}
	return [][]byte{head, value, []byte("}")}, nil
}

// frames holds the memory of written frames for the next ones: a reply is
// written at every request, and a completion list takes tens of
// kilobytes.
var frames = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledFrame is the largest frame whose memory is kept for reuse.
const maxPooledFrame = 1 << 20

// writeFrame writes the body given in pieces as one frame: a small one in
// one write, a larger one piece by piece, not copied into one buffer.
func (s *stream) writeFrame(body ...[]byte) error {
	n := 0
	for _, b := range body {
		n += len(b)
	}
	if n > maxPooledFrame {
		return s.writeBody(n, func(w io.Writer) error {
			for _, b := range body {
				if _, err := w.Write(b); err != nil {
					return err
				}
			}
			return nil
		})
	}
	buf := frames.Get().(*[]byte)
	frame := fmt.Appendf((*buf)[:0], "Content-Length: %d\r\n\r\n", n)
	for _, b := range body {
		frame = append(frame, b...)
	}
	s.writeMu.Lock()
	_, err := s.rwc.Write(frame)
	s.writeMu.Unlock()
	if cap(frame) <= maxPooledFrame {
		*buf = frame
		frames.Put(buf)
	}
	if err != nil {
		return fmt.Errorf("write a message: %w", err)
	}
	return nil
}

// writeStreamed writes a frame whose body is head, size bytes that write
// writes, and the closing brace; what write writes past size is cut (its
// Write fails), and a shortfall is made up with blanks.
func (s *stream) writeStreamed(head []byte, size int, write func(io.Writer) error) error {
	return s.writeBody(len(head)+size+1, func(w io.Writer) error {
		if _, err := w.Write(head); err != nil {
			return err
		}
		params := &limitWriter{w: w, left: size}
		err := write(params)
		params.fill()
		if _, werr := w.Write([]byte("}")); err == nil {
			err = werr
		}
		return err
	})
}

// writeBody writes a frame of n bytes, which write writes, buffered. The
// frame is as long as its header says whatever write does, so that the
// frames after it are read right: a surplus is cut, a shortfall made up
// with blanks. write's error is returned, or the write's.
func (s *stream) writeBody(n int, write func(io.Writer) error) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	bw := bufio.NewWriterSize(s.rwc, 64<<10)
	fmt.Fprintf(bw, "Content-Length: %d\r\n\r\n", n)
	body := &limitWriter{w: bw, left: n}
	werr := write(body)
	body.fill()
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write a message: %w", err)
	}
	return werr
}

// errTooLong is what a limitWriter's Write returns past its limit.
var errTooLong = errors.New("more than the size announced")

// limitWriter passes on at most left bytes.
type limitWriter struct {
	w    io.Writer
	left int
}

func (l *limitWriter) Write(p []byte) (int, error) {
	if len(p) > l.left {
		n, _ := l.w.Write(p[:l.left])
		l.left -= n
		return n, errTooLong
	}
	n, err := l.w.Write(p)
	l.left -= n
	return n, err
}

// fill makes up what is left with blanks.
func (l *limitWriter) fill() {
	for blank := bytes.Repeat([]byte(" "), 4096); l.left > 0; {
		if _, err := l.Write(blank[:min(len(blank), l.left)]); err != nil {
			return
		}
	}
}

// noEOF turns an end of input inside a frame into io.ErrUnexpectedEOF.
func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// indexFold is strings.Index for an ASCII lower-case needle, ignoring the
// case of s.
func indexFold(s, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

// isToken reports whether s is an HTTP header field name.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}
