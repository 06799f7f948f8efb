// params.go defines DecodeParams, the decoding of a message's params.

package jsonrpc

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"

	fastjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
)

// DecodeParams unmarshals params into each of dst; a failure (invalid
// JSON included, in params too large to be checked when they were read)
// is an InvalidParams error. They are read with segmentio's decoder, which
// is several times faster than encoding/json on a document's text.
func DecodeParams(params json.RawMessage, dst ...any) error {
	if !utf8.Valid(params) {
		// Large params come here as read (see decodeMessage); invalid
		// UTF-8 is read as U+FFFD, as encoding/json does.
		params = bytes.ToValidUTF8(params, []byte("\uFFFD"))
	}
	for _, d := range dst {
		if fastjson.Unmarshal(params, d) == nil {
			continue
		}
		// encoding/json decides and words the error: segmentio's errors
		// quote the input, which may be document text.
		if err := json.Unmarshal(params, d); err != nil {
			return jsonrpc2.NewError(jsonrpc2.InvalidParams, err.Error())
		}
	}
	return nil
}
