// markdown.go renders catalog entries as the Markdown shown in hovers,
// completion documentation and `explain`.

package catalog

import (
	"fmt"
	"strings"
	"sync"
)

// Markdown renders the entry. goQualifier spells the Go constant: "http"
// gives http.StatusNotFound, "" gives the bare constant name.
func (e *Entry) Markdown(goQualifier string) string {
	if byCode[e.Code] != e || goQualifier != "http" && goQualifier != "" {
		return e.render(goQualifier)
	}
	// The catalog's own entries are rendered once for the usual
	// qualifiers (a bounded cache): a completion list renders every code.
	k := markdownKey{e.Code, goQualifier}
	if md, ok := markdownCache.Load(k); ok {
		return md.(string)
	}
	md := e.render(goQualifier)
	markdownCache.Store(k, md)
	return md
}

type markdownKey struct {
	code      int
	qualifier string
}

var markdownCache sync.Map // markdownKey -> string

func (e *Entry) render(goQualifier string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", e.Title())

	facts := []string{}
	if c, ok := Class(e.Class()); ok {
		facts = append(facts, "**"+c.Label()+"**")
	}
	facts = append(facts, e.registrationText())
	if e.GoConstant != "" {
		name := e.GoConstant
		if goQualifier != "" {
			name = goQualifier + "." + name
		}
		facts = append(facts, "`"+name+"`")
	}
	if e.Spec.Doc != "" {
		if u := e.Spec.URL(); u != "" {
			facts = append(facts, fmt.Sprintf("[%s](%s)", e.Spec, u))
		} else if e.Registration != Unofficial {
			// An unofficial code's bare vendor name would only repeat
			// the origin line below.
			facts = append(facts, e.Spec.String())
		}
	}
	if e.BodyAllowed {
		facts = append(facts, "body allowed")
	}
	b.WriteString(strings.Join(facts, " · "))
	b.WriteString("\n\n")
	if o := strings.TrimSpace(e.Origin); o != "" {
		fmt.Fprintf(&b, "**Origin:** %s\n\n", o)
	}

	b.WriteString(strings.TrimSpace(e.Summary))
	b.WriteString("\n\n")
	// A code the catalog does not describe means to a client what its
	// class means, and no more.
	if e.Registration == Custom || e.Registration == Unregistered {
		if c, ok := Class(e.Class()); ok {
			fmt.Fprintf(&b, "**%s:** %s\n\n", c.Label(), strings.TrimSpace(c.Summary))
		}
	}
	if g := strings.TrimSpace(e.Guidance); g != "" {
		fmt.Fprintf(&b, "**Usage:** %s\n\n", g)
	}

	// Most codes may carry content, which the facts line says in two
	// words; the exceptions get a sentence of their own.
	if !e.BodyAllowed {
		b.WriteString("**Content:** none; this response must not carry a body.\n\n")
	}
	if len(e.Headers) > 0 {
		b.WriteString("**Expected headers:**\n")
		for _, h := range e.Headers {
			// Only MUST-level headers are labelled; for the rest the note
			// says how strongly (should, may, when) the header is expected.
			fmt.Fprintf(&b, "- `%s`", h.Name)
			if h.Required {
				b.WriteString(" (required)")
			}
			if n := strings.TrimSpace(h.Note); n != "" {
				b.WriteString(": " + n)
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	if len(e.OtherNames) > 0 {
		names := make([]string, len(e.OtherNames))
		for i, n := range e.OtherNames {
			names[i] = fmt.Sprintf("%q (%s)", n.Name, n.Source)
		}
		fmt.Fprintf(&b, "**Also known as:** %s\n\n", strings.Join(names, ", "))
	}
	for _, c := range e.Corrections {
		fmt.Fprintf(&b, "> **Note:** %s\n\n", strings.TrimSpace(c))
	}
	if len(e.Related) > 0 {
		b.WriteString("**Related:**\n")
		for _, r := range e.Related {
			title := fmt.Sprint(r.Code)
			if o, ok := Lookup(r.Code); ok {
				title = o.Title()
			}
			fmt.Fprintf(&b, "- **%s**: %s\n", title, r.Note)
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func (e *Entry) registrationText() string {
	switch e.Registration {
	case Registered:
		return "IANA registered"
	case Provisional:
		return "provisional IANA registration"
	case Unused:
		return "reserved, unused"
	case Unofficial:
		return "unofficial"
	case Custom:
		return "custom code of this project, not registered"
	case Unregistered:
		return "not registered"
	default:
		return string(e.Registration)
	}
}

// Markdown renders the class description with its most used codes.
func (c *ClassInfo) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n%s\n", c.Label(), strings.TrimSpace(c.Summary))
	if len(c.Common) > 0 {
		b.WriteString("\n**Most used:**\n")
		for _, code := range c.Common {
			if e, ok := Lookup(code); ok {
				fmt.Fprintf(&b, "- **%s**: %s\n", e.Title(), firstSentence(e.Summary))
			}
		}
	}
	return b.String()
}

// firstSentence returns s up to its first full stop, not counting the
// abbreviations "e.g." and "i.e.".
func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	for from := 0; ; {
		i := strings.Index(s[from:], ". ")
		if i < 0 {
			return s
		}
		end := from + i + 1
		if !strings.HasSuffix(s[:end], "e.g.") && !strings.HasSuffix(s[:end], "i.e.") {
			return s[:end]
		}
		from = end
	}
}
