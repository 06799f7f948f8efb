package complete

import (
	"fmt"
	"slices"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/golang"
)

// Item is one completion proposal.
type Item struct {
	Label         string // "404 Not Found" or "StatusNotFound"
	Detail        string
	Documentation string // Markdown
	// NewText replaces the bytes [Start, End) of the document.
	NewText    string
	Start, End int
	FilterText string
	SortText   string
	Constant   bool // a named constant rather than a value
	Deprecated bool
	// Snippet tells that NewText is an LSP snippet (tab stops ${1:...},
	// literal $ } \ escaped), whose lines after the first carry their
	// full indentation: insert it with InsertTextMode asIs.
	Snippet bool
	// PlainText is, for a Snippet, the one line a client without
	// snippet support inserts instead: the key and its colon, no body.
	PlainText string
	// AdditionalEdits are made with the item, away from the cursor: the
	// comma a JSON member inserted after the last one needs.
	AdditionalEdits []Edit
}

// Edit replaces the bytes [Start, End) with NewText.
type Edit struct {
	Start, End int
	NewText    string
}

// Go returns the items for a Go completion context, nil for none. custom
// holds the codes the configuration declares, with their phrases.
func Go(c golang.Completion, custom map[int]string) []Item {
	switch c.Kind {
	case golang.ConstantCompletion:
		return goConstants(c)
	case golang.CodeCompletion:
		return goCodes(c, custom)
	}
	return nil
}

// entries returns the catalog's entries and those of the custom codes the
// catalog does not know, by code.
func entries(custom map[int]string) []*catalog.Entry {
	all := catalog.All()
	if len(custom) == 0 {
		return all
	}
	all = slices.Clone(all)
	for code, phrase := range custom {
		if _, ok := catalog.Lookup(code); !ok {
			all = append(all, catalog.CustomEntry(code, phrase))
		}
	}
	slices.SortFunc(all, func(a, b *catalog.Entry) int { return a.Code - b.Code })
	return all
}

func goConstants(c golang.Completion) []Item {
	rank := ranking(c.Context)
	var items []Item
	for _, e := range catalog.All() {
		if e.GoConstant == "" {
			continue
		}
		items = append(items, Item{
			Label:         e.GoConstant,
			Detail:        e.Title(),
			Documentation: e.Markdown(c.Qualifier),
			NewText:       e.GoConstant,
			Start:         c.Start,
			End:           c.End,
			FilterText:    e.GoConstant,
			SortText:      rank(e.Code),
			Constant:      true,
			Deprecated:    deprecated(e),
		})
	}
	return items
}

func goCodes(c golang.Completion, custom map[int]string) []Item {
	rank := ranking(c.Context)
	var items []Item
	for _, e := range entries(custom) {
		if e.Registration == catalog.Unused || e.Code < 100 || e.Code > 599 {
			continue
		}
		newText := fmt.Sprint(e.Code)
		constant := false
		if e.GoConstant != "" && c.HTTPName != "" {
			newText, constant = e.GoConstant, true
			if c.HTTPName != "." {
				newText = c.HTTPName + "." + e.GoConstant
			}
		}
		filter := e.Title()
		if constant {
			filter += " " + newText
		}
		items = append(items, Item{
			Label:         e.Title(),
			Detail:        newText,
			Documentation: e.Markdown(c.HTTPName),
			NewText:       newText,
			Start:         c.Start,
			End:           c.End,
			FilterText:    filter,
			SortText:      rank(e.Code),
			Constant:      constant,
			Deprecated:    deprecated(e),
		})
	}
	return items
}

func deprecated(e *catalog.Entry) bool {
	return e.Registration == catalog.Deprecated || e.Registration == catalog.Unused
}

// ranking returns the sort key of a code in a context. The context may
// prefer some codes (redirect calls the redirects that carry a Location,
// error calls the 4xx/5xx); the order is: preferred common codes (in the
// catalog's order of use), other preferred registered codes by number, the
// remaining common codes, the remaining registered codes, and last the
// unofficial and deprecated ones.
func ranking(context string) func(code int) string {
	preferred := func(int) bool { return true }
	switch {
	case strings.Contains(context, "Redirect"):
		preferred = redirect
	case strings.Contains(context, "Error") || strings.Contains(context, "Abort"):
		preferred = func(code int) bool { return code >= 400 }
	}
	common := map[int]int{}
	for i, code := range catalog.Common() {
		common[code] = i
	}
	return func(code int) string {
		tier, pos := 0, code
		if i, ok := common[code]; ok {
			pos = i
		} else {
			tier = 1
		}
		if !preferred(code) {
			tier += 2
		}
		if e, ok := catalog.Lookup(code); ok && (e.Registration == catalog.Unofficial || deprecated(e)) {
			tier, pos = 4, code
		}
		return fmt.Sprintf("%d%04d", tier, pos)
	}
}

// redirect reports whether a code sends the client to another URI: the
// 3xx codes that carry a Location (not 300, 304, nor the deprecated 305).
func redirect(code int) bool {
	switch code {
	case 301, 302, 303, 307, 308:
		return true
	}
	return false
}
