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
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	fastjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"
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

// Read returns the next well-formed message. Bad frames and bad messages
// on the way are answered and skipped; only the end of the input (or a
// failure to read it) ends the stream.
func (s *stream) Read() (jsonrpc2.Message, error) {
	for {
		body, err := s.readFrame()
		if err != nil {
			return nil, err
		}
		if body == nil {
			continue // skipped
		}
		msg, bad := decodeMessage(body)
		if bad == nil {
			return msg, nil
		}
		if err := s.reject(bad); err != nil {
			return nil, err
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
	id := bad.id
	if id == nil {
		id = json.RawMessage("null")
	}
	body, err := json.Marshal(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   *jsonrpc2.Error `json:"error"`
	}{jsonrpc2.Version, id, jsonrpc2.NewError(bad.code, bad.message)})
	if err != nil {
		return fmt.Errorf("encode an error response: %w", err)
	}
	_, err = s.writeFrame(body)
	return err
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
// time as the body arrives, so that a Content-Length that promises more
// than is sent costs no more than what was sent; a body longer than one
// chunk is copied once into memory of its exact size, where growing one
// buffer would clear and copy it several times over.
func readBody(r io.Reader, length int64) ([]byte, error) {
	if length <= bodyChunk {
		body := make([]byte, length)
		if _, err := io.ReadFull(r, body); err != nil {
			return nil, noEOF(err)
		}
		return body, nil
	}
	var chunks [][]byte
	for left := length; left > 0; left -= bodyChunk {
		chunk := make([]byte, min(left, bodyChunk))
		if _, err := io.ReadFull(r, chunk); err != nil {
			return nil, noEOF(err)
		}
		chunks = append(chunks, chunk)
	}
	return bytes.Join(chunks, nil), nil
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

// decodeMessage checks a frame's body against JSON-RPC 2.0 and decodes
// it. What go.lsp.dev/jsonrpc2 would misread — a message without a method
// taken for a response, an empty string id taken for 0 — is rejected here.
// The body is read into its members with the JSON decoder jsonrpc2 uses
// (segmentio's), once and without copying them (a didOpen may carry a
// document of many megabytes), and a request is built from them; only a
// response, or a message the stream mended, is left to jsonrpc2's decoder.
func decodeMessage(body []byte) (jsonrpc2.Message, *badMessage) {
	if !utf8.Valid(body) {
		// JSON is UTF-8; go.lsp.dev/jsonrpc2's decoder rejects anything
		// else, where encoding/json reads U+FFFD. Mended first: the
		// members are kept as read.
		body = bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	var m map[string]json.RawMessage
	rest, err := fastjson.Parse(body, &m, fastjson.ZeroCopy)
	if err != nil || len(rest) > 0 {
		var syntax *fastjson.SyntaxError
		if errors.As(err, &syntax) || len(rest) > 0 || !fastjson.Valid(body) {
			return nil, &badMessage{code: jsonrpc2.ParseError, message: "the message is not valid JSON"}
		}
		return nil, &badMessage{code: jsonrpc2.InvalidRequest, message: "a message must be a JSON object"}
	}
	if m == nil {
		return nil, &badMessage{code: jsonrpc2.InvalidRequest, message: "a message must be a JSON object"}
	}
	rawID, hasID := m["id"]
	echo, idOK := checkID(rawID)
	bad := func(code jsonrpc2.Code, format string, args ...interface{}) *badMessage {
		return &badMessage{id: echo, code: code, message: fmt.Sprintf(format, args...)}
	}
	if v, ok := m["jsonrpc"]; ok {
		var version string
		if json.Unmarshal(v, &version) != nil || version != jsonrpc2.Version {
			return nil, bad(jsonrpc2.InvalidRequest, `"jsonrpc" must be "2.0"`)
		}
	}
	if hasID && !idOK {
		return nil, bad(jsonrpc2.InvalidRequest, "an id must be a non-empty string or a 32-bit integer")
	}
	rawMethod, hasMethod := m["method"]
	var method string
	if !hasMethod {
		_, hasResult := m["result"]
		_, hasError := m["error"]
		if !hasID || !(hasResult || hasError) {
			return nil, bad(jsonrpc2.InvalidRequest, "a request must have a method")
		}
	} else {
		if json.Unmarshal(rawMethod, &method) != nil || method == "" {
			return nil, bad(jsonrpc2.InvalidRequest, `"method" must be a non-empty string`)
		}
		switch params := m["params"]; {
		case bytes.Equal(params, []byte("null")):
			// Some clients send null for no params; drop it, as if absent.
			delete(m, "params")
			body, _ = json.Marshal(m)
		case params != nil && params[0] != '{' && params[0] != '[':
			b := bad(jsonrpc2.InvalidParams, "%s: params must be an object or an array", method)
			if !hasID {
				b.code = 0 // a notification is never answered
			}
			return nil, b
		}
	}
	// A request is built from the members read above: jsonrpc2 would
	// decode the body again, twice over, with a buffer of 32 kB at every
	// request. A notification's params may be a whole document.
	switch params := m["params"]; {
	case hasMethod && !hasID:
		return newNotification(method, params), nil
	case hasMethod && params != nil:
		var id jsonrpc2.ID
		if id.UnmarshalJSON(rawID) == nil {
			if call, err := jsonrpc2.NewCall(id, method, params); err == nil {
				return call, nil
			}
		}
	}
	msg, err := jsonrpc2.DecodeMessage(body)
	if err != nil {
		return nil, bad(jsonrpc2.InvalidRequest, "%v", err)
	}
	return msg, nil
}

// notification is a jsonrpc2 notification whose params are given as read:
// jsonrpc2.NewNotification would encode them again.
type notification struct {
	*jsonrpc2.Notification
	params json.RawMessage
}

func newNotification(method string, params json.RawMessage) notification {
	n, _ := jsonrpc2.NewNotification(method, nil)
	return notification{n, params}
}

// Params implements jsonrpc2.Request.
func (n notification) Params() json.RawMessage { return n.params }

// checkID returns the id to echo in an error (nil: null) and whether
// jsonrpc2 can represent it: a non-empty string or an int32.
func checkID(raw json.RawMessage) (json.RawMessage, bool) {
	if len(raw) == 0 {
		return nil, false
	}
	switch raw[0] {
	case '"':
		var s string
		json.Unmarshal(raw, &s)
		return raw, s != ""
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		n, err := strconv.ParseInt(string(raw), 10, 64)
		return raw, err == nil && n >= math.MinInt32 && n <= math.MaxInt32
	}
	return nil, false
}

// Write sends one message as one frame.
func (s *stream) Write(msg jsonrpc2.Message) error {
	body, err := encodeMessage(msg)
	if err != nil {
		return fmt.Errorf("encode a message: %w", err)
	}
	_, err = s.writeFrame(body...)
	return err
}

// encodeMessage encodes a message, in pieces to be written one after the
// other. A result or notification's params, encoded already when the
// message was made, are written as they are: the message's own
// MarshalJSON reads them again to compact and escape them, which for a
// completion list is most of the cost of its reply.
func encodeMessage(msg jsonrpc2.Message) ([][]byte, error) {
	var head []byte
	var raw json.RawMessage
	switch m := msg.(type) {
	case *jsonrpc2.Response:
		if m.Err() != nil {
			return marshalled(m)
		}
		id := m.ID()
		b, err := id.MarshalJSON()
		if err != nil {
			return nil, err
		}
		head = append(append([]byte(`{"jsonrpc":"2.0","id":`), b...), `,"result":`...)
		raw = m.Result()
	case *jsonrpc2.Notification:
		b, err := json.Marshal(m.Method())
		if err != nil {
			return nil, err
		}
		head = append(append([]byte(`{"jsonrpc":"2.0","method":`), b...), `,"params":`...)
		raw = m.Params()
	default:
		return marshalled(m)
	}
	if len(raw) == 0 {
		raw = json.RawMessage("null")
	}
	return [][]byte{head, raw, []byte("}")}, nil
}

// marshalled encodes a message whole.
func marshalled(msg jsonrpc2.Message) ([][]byte, error) {
	var body []byte
	var err error
	if m, ok := msg.(json.Marshaler); ok {
		body, err = m.MarshalJSON() // as is: json.Marshal would re-escape it
	} else {
		body, err = json.Marshal(msg)
	}
	return [][]byte{body}, err
}

// frames holds the memory of written frames for the next ones: a reply is
// written at every request, and a completion list takes tens of
// kilobytes.
var frames = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledFrame is the largest frame whose memory is kept for reuse.
const maxPooledFrame = 1 << 20

// writeFrame writes the body given in pieces as one frame.
func (s *stream) writeFrame(body ...[]byte) (int64, error) {
	n := 0
	for _, b := range body {
		n += len(b)
	}
	buf := frames.Get().(*[]byte)
	frame := fmt.Appendf((*buf)[:0], "Content-Length: %d\r\n\r\n", n)
	for _, b := range body {
		frame = append(frame, b...)
	}
	s.writeMu.Lock()
	written, err := s.rwc.Write(frame)
	s.writeMu.Unlock()
	if cap(frame) <= maxPooledFrame {
		*buf = frame
		frames.Put(buf)
	}
	if err != nil {
		return int64(written), fmt.Errorf("write a message: %w", err)
	}
	return int64(written), nil
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
