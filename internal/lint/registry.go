// registry.go: the rules, in the order of their documentation. Adding a
// rule is a file of its own (rule_<id>.go), its fixtures in
// testdata/<id>/, and its line here.

package lint

import "github.com/agnivade/levenshtein"

var registry = []*Rule{
	invalidStatusCode,
	unquotedStatusCode,
	unknownStatusCode,
	deprecatedStatusCode,
	noSuccessResponse,
	bodyNotAllowed,
	statusWrittenTwice,
	statusAfterBody,
	headerAfterWrite,
	redirectStatus,
	missingHeader,
	methodStatusMismatch,
	missingNotFound,
	missingValidationError,
	noClientErrorResponse,
	acceptedWithoutBody,
	redirectMethodChange,
	descriptionMismatch,
	useStatusConstant,
	undocumentedStatus,
	unsentStatus,
	operationWithoutHandler,
	routeWithoutOperation,
	swaggoUnlistedStatus,
	swaggoUnsentStatus,
	swaggoRouterMismatch,
}

var byID = indexRules(registry)

func indexRules(rules []*Rule) map[string]*Rule {
	byID := make(map[string]*Rule, len(rules))
	for _, r := range rules {
		if _, dup := byID[r.ID]; dup {
			panic("lint: rule " + r.ID + " registered twice")
		}
		r.url = URL(r.ID)
		byID[r.ID] = r
	}
	return byID
}

// Rules returns every rule in documentation order. The slice must not be
// modified.
func Rules() []*Rule { return registry }

// Lookup returns the rule with an ID.
func Lookup(id string) (*Rule, bool) {
	r, ok := byID[id]
	return r, ok
}

// Suggest returns the rule ID nearest a misspelt one: the fewest
// single-character edits away, and no more than a third of its length (at
// least 2); false when no ID is that near.
func Suggest(id string) (string, bool) {
	best, bestDist := "", max(2, len(id)/3)+1
	for _, r := range registry {
		if d := levenshtein.ComputeDistance(id, r.ID); d < bestDist {
			best, bestDist = r.ID, d
		}
	}
	return best, best != ""
}
