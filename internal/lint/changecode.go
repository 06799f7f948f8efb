// changecode.go: the fix that changes a response's code, offered by the
// rules that find a code that should be another.

package lint

import (
	"fmt"
	"strconv"

	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

// changeCode returns the unsafe fix changing a response's code, with its
// description when that is the old code's phrase; nil when the new code
// is already in the map or the key cannot be rewritten.
func changeCode(p *Pass, rm *openapi.ResponseMap, r *openapi.Response, to int) []Fix {
	written, exact := keyText(p.Src, r)
	if !exact || p.has(rm, to) || written != strconv.Itoa(r.Status.Code) {
		return nil
	}
	edits := []Edit{{Start: r.CodeStart, End: r.CodeEnd, NewText: strconv.Itoa(to)}}
	if d := r.Description; d != nil {
		old, _ := p.phrase(r.Status.Code)
		if now, ok := p.phrase(to); ok && old != "" && normalizePhrase(d.Value) == normalizePhrase(old) {
			if e, ok := replaceScalar(p.Src, d, now); ok {
				edits = append(edits, e)
			}
		}
	}
	return []Fix{{Title: fmt.Sprintf("Change %d to %d", r.Status.Code, to), Edits: edits}}
}
