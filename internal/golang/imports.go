// imports.go: how a file names the packages whose calls and constants carry
// status codes, and the table of status positions in their APIs. The scanner
// (Scan) and the completion context (CompletionAt) share this table.

package golang

import (
	"go/ast"
	"path"
	"strconv"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// Families of packages with status codes in their API. Major versions of a
// module (echo/v4, fiber/v2) belong to the same family.
const (
	famHTTP     = "net/http"
	famGin      = "gin"
	famEcho     = "echo"
	famFiber    = "fiber"
	famFasthttp = "fasthttp"
	famRender   = "render"  // github.com/go-chi/render
	famAssert   = "assert"  // testify's assert and require
	famTestify  = "testify" // testify's other packages (suite, mock)
	famHuma     = "huma"    // github.com/danielgtaylor/huma
)

// familyOf maps an import path to its family, "" for other packages.
func familyOf(importPath string) string {
	switch importPath {
	case "net/http":
		return famHTTP
	case "github.com/gin-gonic/gin":
		return famGin
	case "github.com/valyala/fasthttp":
		return famFasthttp
	case "github.com/go-chi/render":
		return famRender
	case "github.com/stretchr/testify/assert", "github.com/stretchr/testify/require":
		return famAssert
	}
	switch stripMajor(importPath) {
	case "github.com/labstack/echo":
		return famEcho
	case "github.com/gofiber/fiber":
		return famFiber
	case "github.com/danielgtaylor/huma":
		return famHuma
	}
	if strings.HasPrefix(importPath, "github.com/stretchr/testify/") {
		return famTestify
	}
	return ""
}

// stripMajor drops a trailing major-version element: a/b/v4 -> a/b.
func stripMajor(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return p
	}
	last := p[i+1:]
	if len(last) >= 2 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		return p[:i]
	}
	return p
}

// constantFamilies declare Status* constants with the net/http names.
var constantFamilies = map[string]bool{famHTTP: true, famFasthttp: true, famFiber: true}

// imports is what a file's import declarations say.
type imports struct {
	// byName maps each import name in scope (not "." or "_") to its family.
	byName map[string]string
	// dot holds the families imported with a dot.
	dot map[string]bool
	// has holds every family imported in any way.
	has map[string]bool
	// httpName is how net/http is referred to: its name, "." or "".
	httpName string
}

// ownFamilies are the families whose own package is named so: inside
// package gin, c.String(200, s) is gin's, and inside fiber StatusOK is
// fiber's, as if the package imported itself with a dot.
var ownFamilies = map[string]string{"gin": famGin, "echo": famEcho, "fiber": famFiber, "fasthttp": famFasthttp, "huma": famHuma}

// importsOf reads the imports of af (nil reads as none).
func importsOf(af *ast.File) *imports {
	imp := &imports{byName: map[string]string{}, dot: map[string]bool{}, has: map[string]bool{}}
	if af == nil {
		return imp
	}
	if af.Name != nil {
		if fam, ok := ownFamilies[af.Name.Name]; ok {
			imp.has[fam], imp.dot[fam] = true, true
		}
	}
	for _, s := range af.Imports {
		if s == nil || s.Path == nil {
			continue
		}
		p, err := strconv.Unquote(s.Path.Value)
		if err != nil || p == "" {
			continue
		}
		fam := familyOf(p)
		name := path.Base(stripMajor(p))
		if s.Name != nil {
			name = s.Name.Name
		}
		if fam != "" {
			imp.has[fam] = true
		}
		switch name {
		case "_", "":
			continue
		case ".":
			if fam != "" {
				imp.dot[fam] = true
			}
		default:
			if _, dup := imp.byName[name]; !dup {
				imp.byName[name] = fam
			}
		}
		if fam == famHTTP && imp.httpName == "" {
			imp.httpName = name
		}
	}
	return imp
}

// qualifiesConstants reports whether name.StatusX may be a status constant.
func (imp *imports) qualifiesConstants(name string) bool {
	fam, ok := imp.byName[name]
	return ok && constantFamilies[fam]
}

// namesConstants reports whether name.StatusX names a status constant in
// a scan: name is the import of a package with the constants, or of any
// package declaring one under a net/http name (hertz's consts.StatusOK,
// iris.StatusOK). Completion after "name." offers them for the first only.
func (imp *imports) namesConstants(name string) bool {
	_, ok := imp.byName[name]
	return ok
}

// dotConstants reports whether bare StatusX identifiers may be constants.
func (imp *imports) dotConstants() bool {
	for fam := range imp.dot {
		if constantFamilies[fam] {
			return true
		}
	}
	return false
}

// packageFuncs maps a family to its functions with a status argument and
// that argument's index.
var packageFuncs = map[string]map[string]int{
	famHTTP:   {"Error": 2, "Redirect": 3, "RedirectHandler": 1, "StatusText": 0},
	famEcho:   {"NewHTTPError": 0},
	famFiber:  {"NewError": 0},
	famRender: {"Status": 1},
	famHuma:   {"NewError": 0, "NewErrorWithContext": 1},
	famAssert: {"HTTPStatusCode": 5},
}

// methodArg is a method with a status argument, counted when its family is
// imported ("" counts always).
type methodArg struct {
	family string
	arg    int
}

var methods = func() map[string][]methodArg {
	m := map[string][]methodArg{
		"WriteHeader":    {{"", 0}},
		"SetStatusCode":  {{famFasthttp, 0}},
		"Error":          {{famFasthttp, 1}},
		"SendStatus":     {{famFiber, 0}},
		"SetStatus":      {{famHuma, 0}},
		"Redirect":       {{famFiber, 1}},
		"Status":         {{famFiber, 0}},
		"HTTPStatusCode": {{famAssert, 4}, {famTestify, 4}},
	}
	add := func(fam string, names string) {
		for _, n := range strings.Fields(names) {
			m[n] = append(m[n], methodArg{fam, 0})
		}
	}
	add(famGin, ginResponses+" Status")
	add(famEcho, echoResponses)
	return m
}()

// ginResponses and echoResponses are the context methods that write a
// whole response with the status as their first argument (c.JSON(201, v));
// writes.go's framework table adds those that take no status.
const (
	ginResponses  = "JSON IndentedJSON SecureJSON JSONP AsciiJSON PureJSON XML YAML TOML ProtoBuf String HTML Data DataFromReader Render AbortWithStatus AbortWithStatusJSON AbortWithError Redirect"
	echoResponses = "JSON JSONPretty JSONBlob JSONP JSONPBlob XML XMLPretty XMLBlob String HTML HTMLBlob Blob Stream NoContent Redirect"
)

// statusMethodArg reports whether argument arg of a method called name
// takes the status in some framework's API (c.JSON(200, v), c.Status(404)).
func statusMethodArg(name string, arg int) bool {
	for _, m := range methods[name] {
		if m.arg == arg && m.family != famAssert && m.family != famTestify {
			return true
		}
	}
	return false
}

// equalFuncs compare an expected and an actual value (testify); a status
// code compared with a .Code or .StatusCode selector is in a status position.
// Each has an f-suffixed twin taking a format string after them.
var equalFuncs = map[string]bool{"Equal": true, "EqualValues": true, "NotEqual": true, "NotEqualValues": true, "Exactly": true,
	"Equalf": true, "EqualValuesf": true, "NotEqualf": true, "NotEqualValuesf": true, "Exactlyf": true}

// callee is the function a call goes to, as far as syntax tells.
type callee struct {
	name string
	// family is set for package-level functions (qualified or dot-imported).
	family string
	// method is true for x.Name(...) where x is not an imported package.
	method bool
	// written is the callee as the context names it: "http.Error" for a
	// qualified function, the bare name for methods and dot-imports.
	written string
}

// packageCallee resolves pkg.Name(...) where pkg is an identifier.
func (imp *imports) packageCallee(pkg, name string) (callee, bool) {
	fam, ok := imp.byName[pkg]
	if !ok {
		return callee{name: name, method: true, written: name}, true
	}
	if fam == "" {
		return callee{}, false
	}
	return callee{name: name, family: fam, written: pkg + "." + name}, true
}

// bareCallee resolves Name(...) against the dot-imported families.
func (imp *imports) bareCallee(name string) (callee, bool) {
	for fam := range imp.dot {
		if _, ok := packageFuncs[fam][name]; ok || (fam == famAssert && equalFuncs[name]) {
			return callee{name: name, family: fam, written: name}, true
		}
	}
	return callee{}, false
}

// slot is a status position: the context that names it and what the
// code written there does.
type slot struct {
	ctx  string
	role occurrence.Role
	// boundary marks an ordering comparison with a class boundary.
	boundary bool
}

// lookupFuncs are the package functions whose status argument is looked
// up, not sent.
var lookupFuncs = map[string]bool{"StatusText": true}

// statusArg reports whether argument arg of a call to c is a status
// position, and names its context and role. codeSel(i) tells whether
// argument i is a selector ending in .Code or .StatusCode.
func (imp *imports) statusArg(c callee, arg int, codeSel func(int) bool) (slot, bool) {
	if !c.method {
		if i, ok := packageFuncs[c.family][c.name]; ok && i == arg {
			switch {
			case c.family == famAssert:
				return slot{ctx: c.written, role: occurrence.Observe}, true
			case lookupFuncs[c.name]:
				return slot{ctx: c.written, role: occurrence.Lookup}, true
			}
			return slot{ctx: c.written, role: occurrence.Send}, true
		}
		if c.family == famAssert && equalFuncs[c.name] && comparedWithCode(arg, 1, codeSel) {
			return slot{ctx: c.written, role: occurrence.Observe}, true
		}
		return slot{}, false
	}
	for _, m := range methods[c.name] {
		if m.arg == arg && (m.family == "" || imp.has[m.family]) {
			role := occurrence.Send
			if m.family == famAssert || m.family == famTestify {
				role = occurrence.Observe
			}
			return slot{ctx: c.written, role: role}, true
		}
	}
	if equalFuncs[c.name] && (imp.has[famAssert] || imp.has[famTestify]) && comparedWithCode(arg, 0, codeSel) {
		return slot{ctx: c.written, role: occurrence.Observe}, true
	}
	return slot{}, false
}

// comparedWithCode reports whether arg is one of the compared pair
// (first, first+1) and the other one is a .Code/.StatusCode selector.
func comparedWithCode(arg, first int, codeSel func(int) bool) bool {
	return (arg == first && codeSel(first+1)) || (arg == first+1 && codeSel(first))
}

// isCodeField reports whether a field name holds a status code.
func isCodeField(name string) bool { return name == "StatusCode" || name == "Code" }

// isKeyField reports whether a composite literal's key sets the status of
// a response being built: http.Response{StatusCode: 503},
// echo.HTTPError{Code: 404}, huma.Operation{DefaultStatus: 201}.
func isKeyField(name string) bool { return isCodeField(name) || name == "DefaultStatus" }

// constants returns File.ConstantsName and the family it names.
func (imp *imports) constants() (name, family string) {
	if imp.httpName != "" {
		return imp.httpName, famHTTP
	}
	for _, fam := range []string{famFiber, famFasthttp} {
		best := ""
		for n, f := range imp.byName {
			if f == fam && (best == "" || n < best) {
				best = n
			}
		}
		if best != "" {
			return best, fam
		}
		if imp.dot[fam] {
			return ".", fam
		}
	}
	return "", ""
}

// constantNames are the status constants a family names otherwise than
// net/http; "" where it has none.
var constantNames = map[string]map[string]string{
	famFiber:    {"StatusNonAuthoritativeInfo": "StatusNonAuthoritativeInformation"},
	famFasthttp: {"StatusTooEarly": ""},
}

// ConstantName returns the constant that names code in this file, spelled
// with the package in scope (File.ConstantsName): "http.StatusNotFound",
// "fiber.StatusNotFound", "StatusNotFound" where the names are bare. It
// returns false when no such package is in scope, or it has no constant
// for code.
func (f *File) ConstantName(code int) (string, bool) {
	e, ok := catalog.Lookup(code)
	if !ok || e.GoConstant == "" || f.ConstantsName == "" {
		return "", false
	}
	name := e.GoConstant
	if other, renamed := constantNames[f.constantsFamily][name]; renamed {
		if other == "" {
			return "", false
		}
		name = other
	}
	if f.ConstantsName == "." {
		return name, true
	}
	return f.ConstantsName + "." + name, true
}
