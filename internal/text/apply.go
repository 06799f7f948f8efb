// apply.go defines Change and Snapshot.Apply: LSP content changes applied
// to a snapshot, with the line table updated in place of a rescan, and the
// edit they made told to the caller.

package text

import (
	"errors"
	"fmt"

	"go.lsp.dev/protocol"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lines"
)

// Change is one LSP content change.
type Change struct {
	Range *protocol.Range // nil: Text replaces the whole document
	Text  string
}

// ErrReversedRange is wrapped by Apply's error for a change whose range
// ends before it starts.
var ErrReversedRange = errors.New("range end is before its start")

// Apply returns a new snapshot, at version, holding s's text with changes
// applied in order; each range is interpreted against the text produced by
// the previous change, as LSP specifies. Ranges are clamped like Offset. A
// reversed range is an error, and then no snapshot is returned. Apply never
// modifies s.
//
// It also returns the edit from s's text to the new one: the changes
// merged into one span (lines.Edit.Then), exact, in the coordinates of s's
// text. A change without a range (the whole document sent) makes it span
// the whole text; no change makes it a no-op.
//
// Cost: the lines the changes touched, not the text's length. The new
// snapshot is patched on s (or on the flat snapshot s is patched on), and
// copies the text, and updates the line table around the edit (never
// rebuilt by a full scan, except after a whole-document replacement;
// so are the checkpoints of long lines, lines.Marks.Edited), when its
// Text is first asked for; or at once when the lines the edits since
// the flat snapshot touched hold more than maxPatch bytes.
func (s *Snapshot) Apply(version int32, changes []Change, enc Encoding) (*Snapshot, lines.Edit, error) {
	cur := s
	var edit lines.Edit
	for i, c := range changes {
		if c.Range == nil {
			edit = edit.Then(lines.Whole(cur.Len(), len(c.Text)))
			cur = NewSnapshot(s.URI, version, s.Language, []byte(c.Text))
			continue
		}
		r := *c.Range
		if comparePositions(r.End, r.Start) < 0 {
			return nil, lines.Edit{}, fmt.Errorf("apply change %d of %d to %s (version %d): %w: %d:%d..%d:%d",
				i+1, len(changes), s.URI, version, ErrReversedRange,
				r.Start.Line, r.Start.Character, r.End.Line, r.End.Character)
		}
		e := lines.Edit{Start: cur.Offset(r.Start, enc), End: cur.Offset(r.End, enc), NewLen: len(c.Text)}
		cur = cur.edited(e, c.Text)
		edit = edit.Then(e)
	}
	out := &Snapshot{URI: s.URI, Version: version, Language: s.Language, text: cur.text}
	if x, p := cur.table(); p != nil {
		out.patch.Store(p)
	} else {
		out.idx.Store(x)
	}
	return out, edit, nil
}

// comparePositions orders positions by line, then character.
func comparePositions(a, b protocol.Position) int {
	if a.Line != b.Line {
		if a.Line < b.Line {
			return -1
		}
		return 1
	}
	if a.Character != b.Character {
		if a.Character < b.Character {
			return -1
		}
		return 1
	}
	return 0
}
