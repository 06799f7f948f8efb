package catalog

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Registration says where a code stands in the IANA registry.
type Registration string

const (
	// Registered codes are in the IANA HTTP Status Code Registry.
	Registered Registration = "registered"
	// Provisional codes hold a temporary IANA registration.
	Provisional Registration = "provisional"
	// Deprecated codes are registered but no longer to be used (305).
	Deprecated Registration = "deprecated"
	// Unused codes are reserved by RFC 9110 and have no meaning (306, 418).
	Unused Registration = "unused"
	// Unofficial codes are not registered but used by well-known software.
	Unofficial Registration = "unofficial"
	// Custom codes are declared by a project's configuration (codes:);
	// CustomEntry builds their entries.
	Custom Registration = "custom"
	// Unregistered codes are in 100..599 but neither in the registry nor
	// known from common software nor declared by the project;
	// UnregisteredEntry builds their entries.
	Unregistered Registration = "unregistered"
)

// UnregisteredEntry returns the entry of a code in 100..599 that the
// catalog does not list (AWS's 480–491, a 299 or a 209): the code, that it
// is not registered and what its class tells a client. It returns false
// for a code outside 100..599, which has no class.
func UnregisteredEntry(code int) (*Entry, bool) {
	if _, listed := byCode[code]; listed || code < 100 || code > 599 {
		return nil, false
	}
	return &Entry{
		Code:         code,
		Registration: Unregistered,
		Spec:         Spec{Doc: "RFC 9110", Section: "15"},
		BodyAllowed:  code/100 != 1,
		Summary: fmt.Sprintf("No registry or well-known server gives %d a meaning. A client that does "+
			"not know a code goes by its first digit and handles it as %s (RFC 9110 §15), so only "+
			"clients written for this API see more in it than that.", code, fallbackTitle(code)),
		Guidance: "If the API sends it on purpose, declare it with its reason phrase under `codes:` in " +
			"`.httpcode-lsp.yaml` (or the editor's settings); otherwise prefer a registered code of the " +
			"class that says the same.",
	}, true
}

// fallbackTitle is the x00 code a client takes an unknown code of code's
// class for ("400 Bad Request").
func fallbackTitle(code int) string {
	if e, ok := byCode[code/100*100]; ok {
		return e.Title()
	}
	return fmt.Sprintf("%d", code/100*100)
}

// CustomEntry returns the entry of a code a project declares in its
// configuration with its reason phrase, for a code the catalog does not
// know.
func CustomEntry(code int, phrase string) *Entry {
	return &Entry{
		Code:         code,
		Phrase:       phrase,
		Registration: Custom,
		BodyAllowed:  code/100 != 1 && code != 204 && code != 205 && code != 304,
		Summary: "A code this project uses on purpose: its configuration (`codes:` in " +
			"`.httpcode-lsp.yaml` or the editor's settings) declares it. It is in no registry, " +
			"so generic clients and proxies only know its class" + fallbackNote(code) + ".",
	}
}

// fallbackNote is ", and handle it as 400 Bad Request" for a code in
// 100..599, "" for one outside, which has no class.
func fallbackNote(code int) string {
	if code < 100 || code > 599 {
		return ""
	}
	return ", and handle it as " + fallbackTitle(code)
}

// Spec names the document and section that define a code.
type Spec struct {
	Doc     string `yaml:"doc"`     // "RFC 9110", or a vendor's name for unofficial codes
	Section string `yaml:"section"` // "15.5.5"; empty when the document has no sections
	Link    string `yaml:"url"`     // set only where it cannot be derived from Doc and Section
}

// URL links to the defining text: rfc-editor.org for RFCs, else Link.
func (s Spec) URL() string {
	if s.Link != "" {
		return s.Link
	}
	num, ok := strings.CutPrefix(s.Doc, "RFC ")
	if !ok {
		return ""
	}
	u := "https://www.rfc-editor.org/rfc/rfc" + num
	if s.Section != "" {
		u += "#section-" + s.Section
	}
	return u
}

// String renders the reference as "RFC 9110 §15.5.5".
func (s Spec) String() string {
	if s.Section == "" {
		return s.Doc
	}
	return s.Doc + " §" + s.Section
}

// Name is another name a code goes by, with where that name comes from.
type Name struct {
	Name   string `yaml:"name"`
	Source string `yaml:"source"` // "RFC 7231", "Spring", "net/http"
}

// Header is a response header expected with a code.
type Header struct {
	Name string `yaml:"name"`
	// Required is true where the RFC says MUST (or the response is useless
	// without it, as a 3xx redirect without Location), false for SHOULD/MAY.
	Required bool   `yaml:"required"`
	Note     string `yaml:"note"`
}

// Related points from one code to another that is often confused with it.
type Related struct {
	Code int    `yaml:"code"`
	Note string `yaml:"note"`
}

// Entry is everything the catalog knows about one status code.
type Entry struct {
	Code   int    `yaml:"code"`
	Phrase string `yaml:"phrase"` // RFC 9110 reason phrase, or the usual one for unofficial codes
	// OtherNames lists older or alternative names (413 "Payload Too Large").
	OtherNames   []Name       `yaml:"other_names"`
	GoConstant   string       `yaml:"go"` // net/http constant name, "" where none exists
	Registration Registration `yaml:"registration"`
	// Origin names who uses an unofficial code and what it means there.
	Origin string `yaml:"origin"`
	Spec   Spec   `yaml:"spec"`
	// BodyAllowed is false where a response must not carry content
	// (1xx, 204, 205, 304).
	BodyAllowed bool     `yaml:"body_allowed"`
	Headers     []Header `yaml:"headers"`
	Summary     string   `yaml:"summary"`  // what the code means, one or two sentences
	Guidance    string   `yaml:"guidance"` // when to use it in an API, and when not
	// Corrections states where common guides (the seed notes among them)
	// are outdated and what the RFCs say instead.
	Corrections []string  `yaml:"corrections"`
	Related     []Related `yaml:"related"`
}

// Class returns the code's class digit, 1..5 (or the first digit of an
// unofficial code outside 100..599).
func (e *Entry) Class() int { return e.Code / 100 }

// Title is "404 Not Found".
// An unregistered code has no phrase: its title is the number alone.
func (e *Entry) Title() string {
	if e.Phrase == "" {
		return fmt.Sprint(e.Code)
	}
	return fmt.Sprintf("%d %s", e.Code, e.Phrase)
}

// ClassInfo describes a class of codes (1xx..5xx).
type ClassInfo struct {
	Class   int    `yaml:"class"`
	Name    string `yaml:"name"` // "Client Error"
	Summary string `yaml:"summary"`
	// Common lists the most used codes of the class, most used first.
	Common []int `yaml:"common"`
}

// Label is "4xx Client Error".
func (c *ClassInfo) Label() string { return fmt.Sprintf("%dxx %s", c.Class, c.Name) }

type data struct {
	Classes []*ClassInfo `yaml:"classes"`
	// Common lists the codes an API uses most, most used first; completion
	// ranks by it.
	Common []int    `yaml:"common"`
	Codes  []*Entry `yaml:"codes"`
}

//go:embed codes.yaml
var raw []byte

var (
	entries    []*Entry
	byCode     = map[int]*Entry{}
	byConstant = map[string]*Entry{}
	classes    = map[int]*ClassInfo{}
	common     []int
)

func init() {
	d, err := parse(raw)
	if err != nil {
		// The data is embedded at build time and checked by tests; a
		// failure here is a build defect, not a run-time condition.
		panic(err)
	}
	entries, common = d.Codes, d.Common
	for _, e := range d.Codes {
		byCode[e.Code] = e
		if e.GoConstant != "" {
			byConstant[e.GoConstant] = e
		}
	}
	for _, c := range d.Classes {
		classes[c.Class] = c
	}
}

func parse(b []byte) (*data, error) {
	var d data
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("catalog: decode codes.yaml: %w", err)
	}
	seen := map[int]bool{}
	for _, e := range d.Codes {
		if seen[e.Code] {
			return nil, fmt.Errorf("catalog: code %d listed twice", e.Code)
		}
		seen[e.Code] = true
	}
	sort.Slice(d.Codes, func(i, j int) bool { return d.Codes[i].Code < d.Codes[j].Code })
	return &d, nil
}

// Lookup returns the entry for a code.
func Lookup(code int) (*Entry, bool) {
	e, ok := byCode[code]
	return e, ok
}

// ByConstant returns the entry whose net/http constant is name
// ("StatusNotFound"). fasthttp and fiber use the same names.
func ByConstant(name string) (*Entry, bool) {
	e, ok := byConstant[name]
	return e, ok
}

// All returns every entry, ordered by code. The slice must not be modified.
func All() []*Entry { return entries }

// Class returns the description of class n (1..5).
func Class(n int) (*ClassInfo, bool) {
	c, ok := classes[n]
	return c, ok
}

// Common returns the codes APIs use most, most used first. The slice must
// not be modified.
func Common() []int { return common }
