package occurrence

import (
	"cmp"
	"slices"
	"sort"
)

// Kind tells how a status code was written.
type Kind int

const (
	// Literal is an integer literal in a status position: WriteHeader(404).
	Literal Kind = iota + 1
	// Constant is a named constant such as http.StatusNotFound.
	Constant
	// Annotation is a code inside a comment annotation: // @Success 200.
	Annotation
	// ResponseKey is a key of an OpenAPI responses map: '404':.
	ResponseKey
	// Value is a status value in a plain YAML document: status: 404.
	Value
)

// Role is what a Go occurrence does with its code. The rules about what a
// server sends look only at Send; hover serves every role.
type Role int

const (
	// Unresolved is a code whose use the analysis cannot see: a constant
	// passed to a function outside the package, or any occurrence of a
	// document that is not Go.
	Unresolved Role = iota
	// Send writes the code to a response: WriteHeader(404), c.JSON(201, v),
	// http.Error, the StatusCode field of a response being built.
	Send
	// Observe reads or expects a code: resp.StatusCode == 200, an assert's
	// expected value, a case of a switch on a status.
	Observe
	// Lookup asks about a code: http.StatusText(404).
	Lookup
	// Define names or tabulates a code: const statusGone = 299, a
	// status-to-text table's key.
	Define
)

var roleNames = [...]string{Unresolved: "unresolved", Send: "send", Observe: "observe", Lookup: "lookup", Define: "define"}

func (r Role) String() string {
	if r >= 0 && int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "unresolved"
}

// Occurrence is one status code written in a document.
type Occurrence struct {
	// Start and End are byte offsets of the code's text, End exclusive.
	Start, End int
	// Code is the status code, 0 when the occurrence is a range or default.
	Code int
	// Class is 1..5 for a range key such as 4XX, otherwise 0.
	Class int
	// Default marks an OpenAPI `default` response key.
	Default bool
	Kind    Kind
	// Role is set for Go occurrences; Unresolved elsewhere.
	Role Role
	// Boundary marks a code an ordering comparison uses as a class
	// boundary: resp.StatusCode >= 400 (x00 starts its class, x99 ends
	// it). Code is the value written; what it stands for is the class.
	Boundary bool
	// Context names where the code stands: the call (WriteHeader,
	// http.Error), the comparison (StatusCode ==) or the operation
	// (DELETE /items/{id}).
	Context string
}

// Sort orders occurrences by start offset, the order At relies on; those
// with the same start keep their order. A large spec has hundreds of
// thousands: their order is found on the starts alone and each is then
// moved once, where a stable sort of the structs moved each many times
// (with the collector running, a processor was held tens of milliseconds
// at a time, and requests on other documents waited).
func Sort(occs []Occurrence) {
	if slices.IsSortedFunc(occs, func(a, b Occurrence) int { return cmp.Compare(a.Start, b.Start) }) {
		return
	}
	type key struct{ start, i int }
	keys := make([]key, len(occs))
	for i, o := range occs {
		keys[i] = key{o.Start, i}
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.i, b.i)) })
	sorted := make([]Occurrence, len(occs))
	for k, x := range keys {
		sorted[k] = occs[x.i]
	}
	copy(occs, sorted)
}

// At returns the occurrence whose text contains offset. A cursor just after
// the last character still counts, as editors place it there after typing.
// occs must be sorted by Start and must not overlap.
func At(occs []Occurrence, offset int) (Occurrence, bool) {
	i := sort.Search(len(occs), func(i int) bool { return occs[i].End >= offset })
	if i < len(occs) && occs[i].Start <= offset && offset <= occs[i].End {
		return occs[i], true
	}
	return Occurrence{}, false
}
