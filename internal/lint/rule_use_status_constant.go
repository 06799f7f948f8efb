// rule_use_status_constant.go: the rule use-status-constant, a literal
// where net/http has a constant.

package lint

import (
	"fmt"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

var useStatusConstant = &Rule{
	ID:              "use-status-constant",
	summary:         "A literal where net/http has a constant",
	source:          "net/http; RFC 9110 §15 phrases",
	DefaultSeverity: Hint,
	Doc: "Flags an integer literal in a status position (`w.WriteHeader(404)`, " +
		"`http.Error(w, msg, 500)`, `c.JSON(201, v)`, `resp.StatusCode == 200`) for which net/http " +
		"declares a constant: `http.StatusNotFound` says what the code means, in the RFC 9110 " +
		"§15 reason phrase, where `404` makes the reader remember, and a typo such as 4040 cannot hide in it. " +
		"Every literal found is checked whatever its role (sent, compared, asserted, looked up), except where " +
		"a constant or a status→text table defines the code and where an ordering comparison " +
		"(`resp.StatusCode >= 400`) uses it as a class boundary. Fix: the constant, spelled with the file's " +
		"name for net/http; in a file that uses another package with the same constants (fiber, fasthttp, " +
		"or inside that package itself) that package's constant, `fiber.StatusOK`, and no net/http import.",
	fixNote: "Replaces the literal with the constant; where net/http is not imported (gin, echo files) it adds the import to the import block, or an `import \"net/http\"` after the package clause (safe).",
	RunGo:   useConstantGo,
}

func useConstantGo(p *Pass) {
	var (
		ref     httpRef
		refDone bool
	)
	for _, o := range p.GoFile.Occurrences {
		// A definition is where a constant or table spells the number;
		// a class boundary (>= 400) stands for a class, not a code.
		if o.Kind != occurrence.Literal || o.Role == occurrence.Define || o.Boundary {
			continue
		}
		if p.GoFile.ConstantsName != "" {
			// A package with the constants is in scope (net/http, or
			// fiber, fasthttp): its name, and no import beside it.
			name, ok := p.GoFile.ConstantName(o.Code)
			if !ok {
				continue
			}
			p.Report(Finding{Start: o.Start, End: o.End,
				Message: fmt.Sprintf("use %s instead of %s", name, p.Src[o.Start:o.End]),
				Fixes: []Fix{{Title: "Use " + name, Safe: true,
					Edits: []Edit{{Start: o.Start, End: o.End, NewText: name}}}}})
			continue
		}
		e, ok := catalog.Lookup(o.Code)
		if !ok || e.GoConstant == "" {
			continue
		}
		if !refDone {
			ref, refDone = p.gosyn.httpRef(p.Src, p.GoFile.HTTPName), true
		}
		name := ref.qualifier + e.GoConstant
		shown := ref.shownQualifier + e.GoConstant
		f := Finding{Start: o.Start, End: o.End,
			Message: fmt.Sprintf("use %s instead of %s", shown, p.Src[o.Start:o.End])}
		if ref.ok {
			fx := Fix{Title: "Use " + name, Safe: ref.safe,
				Edits: []Edit{{Start: o.Start, End: o.End, NewText: name}}}
			if ref.importEdit != nil {
				fx.Edits = append([]Edit{*ref.importEdit}, fx.Edits...)
				fx.Title += " (import net/http)"
			}
			f.Fixes = []Fix{fx}
		}
		p.Report(f)
	}
}
