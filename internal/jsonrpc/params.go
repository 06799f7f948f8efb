// params.go defines DecodeParams and DecodeTyped, the decoding of a
// message's params.

package jsonrpc

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"

	fastjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
)

// DecodeParams unmarshals params into each of dst with encoding/json,
// whose time is linear in their size whatever they hold; a failure
// (invalid JSON included, in params too large to be checked when they
// were read) is an InvalidParams error.
func DecodeParams(params json.RawMessage, dst ...any) error {
	for _, d := range dst {
		if err := json.Unmarshal(params, d); err != nil {
			return jsonrpc2.NewError(jsonrpc2.InvalidParams, err.Error())
		}
	}
	return nil
}

// DecodeTyped is DecodeParams for destinations that hold no untyped
// (interface) value, such as a didOpen's: it reads them with segmentio's
// decoder, several times faster than encoding/json on a document's text.
// That decoder takes time that grows with the square of the depth of an
// untyped value (a megabyte of arrays a thousand deep: 5 s, against
// encoding/json's 0.1 s), so it is used for no other.
func DecodeTyped(params json.RawMessage, dst ...any) error {
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
		if err := DecodeParams(params, d); err != nil {
			return err
		}
	}
	return nil
}
