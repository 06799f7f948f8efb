// rule_description_mismatch.go: the rule description-mismatch, a
// description that is another code's reason phrase.

package lint

import (
	"fmt"
	"maps"
	"strconv"
	"strings"
	"sync"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

var descriptionMismatch = &Rule{
	ID:              "description-mismatch",
	summary:         "A description that is another code's reason phrase",
	source:          "RFC 9110 §15; IANA registry",
	DefaultSeverity: Warning,
	Doc: "Flags a response whose description is the reason phrase of another code, as in " +
		"`'204': {description: Created}` — the mark of a copied response whose code or text was " +
		"not updated (the phrases are those of RFC 9110 §15 and the registry, older names " +
		"included, and the custom codes'). \"Processing\" and \"Found\", ordinary words as much " +
		"as phrases, are not taken as another code's. A description reached through `$ref` is " +
		"checked too. Fix: use this code's phrase, or refer to the right response.",
	fixNote:    "Replaces the description with this code's phrase (safe); no fix through a `$ref`.",
	RunOpenAPI: descriptionMismatchOpenAPI,
}

func descriptionMismatchOpenAPI(p *Pass) {
	var owners map[string]int
	// The phrases of each code, made once: a spec may describe 100,000
	// responses.
	phrases := map[int]map[string]bool{}
	responses(p.Doc, func(rm *openapi.ResponseMap, r *openapi.Response) {
		code := r.Status.Code
		if code == 0 {
			return
		}
		t, ok := target(r)
		if !ok || t.Description == nil {
			return
		}
		desc := normalizePhrase(t.Description.Value)
		if desc == "" {
			return
		}
		// "404 Not Found" names a code as well as its phrase.
		prefix := ""
		if len(desc) > 4 && desc[3] == ' ' && isDigits(desc[:3]) {
			prefix, desc = desc[:3], desc[4:]
		}
		own, ok := phrases[code]
		if !ok {
			own = ownPhrases(p, code)
			phrases[code] = own
		}
		if owners == nil {
			owners = phraseOwners(p)
		}
		other, ok := owners[desc]
		switch {
		case prefix == "" || prefix == strconv.Itoa(code):
			if own[desc] || !ok || other == code {
				return
			}
		case !ok || prefix != strconv.Itoa(other) || own[desc]:
			// "200 Not Found" on a 404: too confused to guess.
			return
		}
		phrase, ok := p.phrase(code)
		if !ok {
			return
		}
		otherPhrase, _ := p.phrase(other)
		written := strings.TrimSpace(t.Description.Value)
		if prefix != "" {
			written = strings.TrimSpace(written[3:])
		}
		if written == "" || len(written) > 60 || strings.ContainsAny(written, "\r\n") {
			written = otherPhrase
		}
		want := phrase
		if prefix != "" {
			want = strconv.Itoa(code) + " " + phrase
		}
		if t != r {
			rs, re := keyRange(r)
			if r.Ref != nil {
				rs, re = r.Ref.Start, r.Ref.End
			}
			p.Report(Finding{Start: rs, End: re,
				Message: fmt.Sprintf("%d refers to a response described as %d's %q; refer to a %d response", code, other, otherPhrase, code),
				Related: []Related{{Start: t.Description.Start, End: t.Description.End, Message: "described here"}}})
			return
		}
		f := Finding{Start: t.Description.Start, End: t.Description.End,
			Message: fmt.Sprintf("%q is %d's phrase, not %d's; use %q", written, other, code, want)}
		if e, ok := replaceScalar(p.Src, t.Description, want); ok {
			f.Fixes = []Fix{{Title: fmt.Sprintf("Use %q", want), Edits: []Edit{e}, Safe: true}}
		}
		p.Report(f)
	})
}

// notOthers are phrases that are ordinary words as much as phrases: a
// description saying them is not taken as another code's.
var notOthers = map[int]bool{102: true, 302: true}

// phraseOwners maps normalized phrases (and older names) to the code they
// belong to: the registered codes' and the custom codes'. The map is
// shared, read only.
func phraseOwners(p *Pass) map[string]int {
	if len(p.Options.CustomCodes) == 0 {
		return registeredPhraseOwners()
	}
	owners := maps.Clone(registeredPhraseOwners())
	for code, ph := range p.Options.CustomCodes {
		if ph != "" {
			owners[normalizePhrase(ph)] = code
		}
	}
	return owners
}

// registeredPhraseOwners maps the registered codes' normalized phrases
// and older names to their codes, made once: a small document's check
// spent a fifth of its time making it.
var registeredPhraseOwners = sync.OnceValue(func() map[string]int {
	owners := map[string]int{}
	for _, e := range catalog.All() {
		switch e.Registration {
		case catalog.Registered, catalog.Deprecated, catalog.Provisional:
		default:
			continue
		}
		if notOthers[e.Code] {
			continue
		}
		owners[normalizePhrase(e.Phrase)] = e.Code
		for _, n := range e.OtherNames {
			if strings.HasPrefix(n.Source, "RFC") || strings.HasPrefix(n.Source, "net/http") {
				owners[normalizePhrase(n.Name)] = e.Code
			}
		}
	}
	return owners
})

// ownPhrases returns the normalized phrases a code may be described by.
func ownPhrases(p *Pass, code int) map[string]bool {
	own := map[string]bool{}
	if ph, ok := p.Options.CustomCodes[code]; ok {
		own[normalizePhrase(ph)] = true
	}
	if e, ok := catalog.Lookup(code); ok {
		own[normalizePhrase(e.Phrase)] = true
		for _, n := range e.OtherNames {
			own[normalizePhrase(n.Name)] = true
		}
	}
	return own
}
