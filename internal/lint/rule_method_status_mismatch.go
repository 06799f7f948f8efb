// rule_method_status_mismatch.go: the rule method-status-mismatch, a code
// that does not fit the method, by the seed notes' REST table.

package lint

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
	"github.com/httpcode-lsp/httpcode-lsp/internal/yamldoc"
)

var methodStatusMismatch = &Rule{
	ID:              "method-status-mismatch",
	summary:         "A code that does not fit the method",
	source:          "seed notes (REST table); RFC 9110 §9.3",
	DefaultSeverity: Info,
	Doc: "Compares an operation's codes with the seed notes' REST table: a POST that creates but " +
		"answers 200, a 201 on a GET or DELETE, a 200 without content. A POST that takes a body " +
		"and answers 200 but neither 201 nor 202 is flagged only where the document shows it " +
		"adds to a collection: the path ends in a plural noun that is not an action (`…/search`, " +
		"`…/batch`), not an RPC method name (`/ListImagePipelines`, `/list-things`, " +
		"`/#Action=DescribeTags`, `…:cancel`), and the collection is real — the same path has " +
		"a GET that lists it, or items are addressed under it (`/items/{id}`) — and the " +
		"operation's `operationId` or `summary` does not start with a verb that reads or computes " +
		"(list, search, get, compute, validate, …). A plural alone is not enough: `POST " +
		"/images/variations` computes a result and stores nothing. A GET or DELETE " +
		"that answers 201 Created, though neither creates anything (RFC 9110 §9.3.1, §9.3.5); " +
		"a DELETE answering 200 with no content, where 204 No Content says so; a PUT, POST or " +
		"PATCH answering 200 with no content (describe it, or answer 204); and a GET answering " +
		"200 with no content, where the code is right but the representation it returns is " +
		"missing from the document (§9.3.1). " +
		"Webhooks and callbacks, whose receivers conventionally answer a bare 200, are not " +
		"checked, nor are HEAD and OPTIONS. Fix: use the code the message names, or " +
		"describe the content.",
	fixNote:    "Changes the code (and a description that is the old code's phrase); unsafe, as it changes the API.",
	RunOpenAPI: methodMismatchOpenAPI,
}

func methodMismatchOpenAPI(p *Pass) {
	doc := p.Doc
	var col *collections
	pathOperations(doc, func(op *openapi.Operation, rm *openapi.ResponseMap) {
		for _, r := range rm.Entries {
			switch code := r.Status.Code; {
			case code == 200 && op.Method == "POST" && op.HasRequestBody && collectionPath(op.Path) &&
				!p.has(rm, 201) && !p.has(rm, 202):
				if col == nil {
					col = collectionsOf(doc)
				}
				if !col.creates(op) {
					continue
				}
				p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
					Message: fmt.Sprintf("POST to the collection %s answers 200; answer 201 Created (or 202 Accepted) when it creates a resource", op.Path),
					Fixes:   changeCode(p, rm, r, 201)})
			case code == 201 && op.Method == "GET":
				p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
					Message: "GET does not create resources; answer 200 OK instead of 201",
					Fixes:   changeCode(p, rm, r, 200)})
			case code == 201 && op.Method == "DELETE":
				p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
					Message: "DELETE does not create resources; answer 204 No Content (or 200 with a body) instead of 201",
					Fixes:   changeCode(p, rm, r, 204)})
			case code == 200 && op.Method != "HEAD" && op.Method != "OPTIONS":
				t, ok := target(r)
				if !ok || hasContent(doc.Kind, t) {
					continue
				}
				switch op.Method {
				case "DELETE":
					p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
						Message: "DELETE answers 200 with no content; answer 204 No Content",
						Fixes:   changeCode(p, rm, r, 204)})
				case "GET":
					// A GET is made to obtain a representation (RFC 9110
					// §9.3.1): the code is right, the document lacks what
					// it returns.
					p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
						Message: "GET answers 200 but the document declares no content; describe the representation it returns"})
				default:
					p.Report(Finding{Start: r.KeyStart, End: r.KeyEnd,
						Message: "200 response declares no content; describe its content, or answer 204 No Content",
						Fixes:   changeCode(p, rm, r, 204)})
				}
			}
		}
	})
}

// collections is what the document shows of its collections: the paths
// with a GET, the paths under which items are addressed, and the
// operations' objects by path and method.
type collections struct {
	listed    map[string]bool
	itemized  map[string]bool
	pathItems map[string]*yamldoc.Node
}

func collectionsOf(doc *openapi.Document) *collections {
	c := &collections{listed: map[string]bool{}, itemized: map[string]bool{}, pathItems: map[string]*yamldoc.Node{}}
	for _, op := range doc.Operations {
		if op.Kind != openapi.PathOperation {
			continue
		}
		if op.Method == "GET" {
			c.listed[strings.TrimRight(op.Path, "/")] = true
		}
		// /items/{id}/tags/{tag} addresses items of /items and of
		// /items/{id}/tags.
		segs := strings.Split(op.Path, "/")
		for i, s := range segs {
			if i > 0 && strings.HasPrefix(s, "{") {
				c.itemized[strings.TrimRight(strings.Join(segs[:i], "/"), "/")] = true
			}
		}
	}
	if root := yamldoc.Deref(doc.Doc.Root); root != nil {
		if _, paths := yamldoc.Get(root, "paths"); paths != nil && paths.Kind == yamldoc.MappingNode {
			for i := 0; i+1 < len(paths.Content); i += 2 {
				c.pathItems[paths.Content[i].Value] = yamldoc.Deref(paths.Content[i+1])
			}
		}
	}
	return c
}

// creates reports whether a POST to a plural path shows that it adds to a
// collection: the collection is listed or its items addressed, and the
// operation's name does not say it reads or computes.
func (c *collections) creates(op *openapi.Operation) bool {
	path := strings.TrimRight(op.Path, "/")
	if !c.listed[path] && !c.itemized[path] {
		return false
	}
	_, o := yamldoc.Get(c.pathItems[op.Path], strings.ToLower(op.Method))
	for _, key := range []string{"operationId", "summary"} {
		if v, ok := yamldoc.Scalar(valueOf(o, key)); ok && readingVerbs[leadingVerb(v)] {
			return false
		}
	}
	return true
}

func valueOf(m *yamldoc.Node, key string) *yamldoc.Node {
	_, v := yamldoc.Get(m, key)
	return v
}

// readingVerbs start the names of operations that read, find or compute
// rather than add a resource. rpcVerbs start the RPC method names written
// in a path (/ListImagePipelines, /getImages, /list-things); words that
// are as often the first noun of a compound (check-runs, tagValues,
// mergeRequests, splitConfigurations, exportJobs) are left out, and batch
// counts only before another verb (/BatchGetImage).
var (
	readingVerbs = wordSet("list lists search searches query queries get gets find finds fetch lookup " +
		"describe describes retrieve retrieves read count counts compute computes calculate " +
		"calculates estimate estimates preview previews validate validates check checks verify " +
		"verifies test tests evaluate evaluates simulate simulates detect detects analyze " +
		"analyzes analyse analyses predict predicts classify classifies convert converts " +
		"translate translates summarize summarizes export exports download downloads")
	rpcVerbs = wordSet("list get describe create delete update put start stop execute compute " +
		"calculate generate validate send detect analyze count reset cancel enable disable " +
		"register deregister add remove untag associate disassociate invoke subscribe " +
		"unsubscribe estimate find fetch verify convert translate modify attach detach apply " +
		"accept reject approve rotate purge retrieve simulate recognize synthesize summarize " +
		"evaluate predict classify encrypt decrypt")
)

// rpcName reports whether a path segment's words name an RPC method.
func rpcName(w []string) bool {
	if len(w) > 2 && w[0] == "batch" {
		w = w[1:]
	}
	return len(w) > 1 && rpcVerbs[w[0]]
}

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// words splits an identifier into lower-case words at case changes,
// digits' ends and separators: "ListImagePipelines" -> list image
// pipelines; "images.variations.create" -> images variations create.
func words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0 &&
			(unicode.IsLower(cur[len(cur)-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])):
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// leadingVerb returns the word an operation's name starts with, lower
// case; for a qualified name (Google's
// "binaryauthorization.projects.attestors.create", GitHub's
// "checks/create") the last part's, where such names put the verb.
func leadingVerb(name string) string {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexAny(name, "./"); i >= 0 && !strings.ContainsRune(name, ' ') {
		name = name[i+1:]
	}
	if w := words(name); len(w) > 0 {
		return w[0]
	}
	return ""
}

// actionWords are last path segments of POST endpoints that do
// something rather than add to a collection.
var actionWords = map[string]bool{
	"search": true, "query": true, "queries": true, "login": true, "logout": true, "signin": true,
	"signout": true, "signup": true, "auth": true, "oauth": true, "token": true, "tokens": true,
	"refresh": true, "verify": true, "validate": true, "check": true, "checks": true, "batch": true,
	"bulk": true, "import": true, "imports": true, "export": true, "exports": true, "upload": true,
	"uploads": true, "graphql": true, "rpc": true, "webhooks": true, "callbacks": true,
	"events": true, "notifications": true, "actions": true, "calculations": true, "status": true,
	"settings": true, "preferences": true, "permissions": true, "results": true, "stats": true,
	"metrics": true, "logs": true, "analytics": true,
}

// collectionPath reports whether a path may name a collection: its last
// segment is a plural noun, not a parameter, an action (…/search), a
// custom method (…:cancel), an RPC method name (/ListImagePipelines,
// /list-things) or a query string (/#Action=DescribeTags).
func collectionPath(path string) bool {
	path = strings.TrimRight(path, "/")
	seg := path[strings.LastIndexByte(path, '/')+1:]
	if seg == "" || strings.ContainsAny(seg, "{}:.#=?&") {
		return false
	}
	if rpcName(words(seg)) {
		return false
	}
	seg = strings.ToLower(seg)
	if actionWords[seg] {
		return false
	}
	if !strings.HasSuffix(seg, "s") {
		return false
	}
	for _, end := range []string{"ss", "us", "is"} {
		if strings.HasSuffix(seg, end) {
			return false
		}
	}
	return true
}
