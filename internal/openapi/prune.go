// prune.go: the parts of a document the model and the rules read. A
// spec's bulk is mostly what they never read (schemas, examples, enums,
// extensions, media types), and its node tree costs a hundred times its
// size: unread is the yamldoc.Prune that lets the JSON reader leave it
// unbuilt. It must name every value read anywhere: by the builder here,
// by the rules (operationId and summary in method-status-mismatch), by
// the quick fixes (response maps and responses, edited), and by the
// contract (basePath, servers).

package openapi

// The states of unread: where a value stands in the document.
const (
	atRoot = iota
	// atAll is a value read whole, or a scalar read as one (Scalar).
	atAll
	atComponents
	// atResponses, atPathItems, atCallbacks, atParameters and atHeaders
	// are maps (or, for parameters, lists) of the named objects.
	atResponses
	atPathItems
	atCallbacks
	atParameters
	atHeaders
	atCallback
	atPathItem
	atOperation
	atParameter
	atResponse
	atHeader
	// atKeys is a mapping whose keys only are read (components.headers,
	// a response's content), and the named objects nothing reads
	// (components.schemas, 2.0's definitions): each is left out alone, so
	// that an edit inside one reads it again, not all of them.
	atKeys
)

// unread is the yamldoc.Prune of a document that declares itself
// OpenAPI or Swagger; Model parses again in full one that turns out not
// to be (a fragment is searched for anywhere).
func unread(state int, key string) (next int, read bool) {
	switch state {
	case atAll:
		return atAll, true
	case atRoot:
		switch key {
		case "openapi", "swagger", "basePath", "servers":
			return atAll, true
		case "components":
			return atComponents, true
		case "parameters":
			return atParameters, true
		case "responses":
			return atResponses, true
		case "paths", "webhooks":
			return atPathItems, true
		case "definitions":
			return atKeys, true
		}
	case atComponents:
		switch key {
		case "headers", "schemas", "examples", "requestBodies", "parameters", "links", "securitySchemes":
			return atKeys, true
		case "responses":
			return atResponses, true
		case "pathItems":
			return atPathItems, true
		case "callbacks":
			return atCallbacks, true
		}
	case atResponses:
		return atResponse, true
	case atPathItems, atCallback:
		return atPathItem, true
	case atCallbacks:
		return atCallback, true
	case atParameters:
		return atParameter, true
	case atHeaders:
		return atHeader, true
	case atPathItem:
		switch {
		case key == "parameters":
			return atParameters, true
		case isMethod(key):
			return atOperation, true
		}
	case atOperation:
		switch key {
		case "parameters":
			return atParameters, true
		case "responses":
			return atResponses, true
		case "callbacks":
			return atCallbacks, true
		case "operationId", "summary":
			return atAll, true
		}
	case atParameter:
		if key == "in" || key == "$ref" {
			return atAll, true
		}
	case atResponse:
		switch key {
		case "description", "$ref":
			return atAll, true
		case "headers":
			return atHeaders, true
		case "content":
			return atKeys, true
		}
	case atHeader:
		if key == "$ref" {
			return atAll, true
		}
	}
	return 0, false
}
