// rules.go: the rule table. The order here is the order of the
// documentation.

package lint

func init() {
	for _, r := range []*Rule{
		{
			ID:              "invalid-status-code",
			summary:         "A status outside 100–599, a mis-cased range or default, a range key in Swagger 2.0",
			source:          "RFC 9110 §15; OpenAPI Specification",
			DefaultSeverity: Error,
			Language:        LanguageOpenAPI | LanguageGo,
			Run:             runInvalid,
			Doc: "Flags a status that cannot be one. RFC 9110 §15 defines status codes as three digits " +
				"from 100 to 599, and the OpenAPI Responses Object accepts only such a code, the range keys " +
				"1XX to 5XX (OpenAPI 3.x, upper case) or `default`; Swagger 2.0 has no range keys at all. " +
				"In Go, a literal outside 100–599 in a status position is flagged, since " +
				"`ResponseWriter.WriteHeader` panics for codes below 100 or above 999 and clients reject " +
				"the rest (a comparison with 0, the unset value, is left alone, and so is a custom code " +
				"600–999 declared in the configuration). Fix: write a real code; " +
				"a lower-case range such as `2xx` is fixed to `2XX`, and `Default` to `default`.",
			fixNote: "`2xx` → `2XX`, `Default` → `default` (safe).",
		},
		{
			ID:              "unquoted-status-code",
			summary:         "A response key written as a YAML integer",
			source:          "OpenAPI Specification 3.x",
			DefaultSeverity: Warning,
			Language:        LanguageOpenAPI,
			Run:             runUnquoted,
			Doc: "Flags a response key written as a YAML integer (`200:`). The OpenAPI Specification 3.x " +
				"(Responses Object) requires response keys to be quoted strings so that the YAML and JSON forms of a document agree, and " +
				"tools that read the key as a number mishandle it. Swagger 2.0 documents, whose " +
				"specification shows unquoted keys, are not flagged. Fix: quote the key (`'200':`).",
			fixNote: "Quotes the key, with the quote style the map already uses (safe).",
		},
		{
			ID:              "unknown-status-code",
			summary:         "A code that is not in the IANA registry",
			source:          "RFC 9110 §16.2.1; IANA registry",
			DefaultSeverity: Warning,
			Language:        LanguageOpenAPI | LanguageGo,
			Run:             runUnknown,
			severityNote:    "info for unofficial codes the catalog knows (499, 520)",
			Doc: "Flags a code in 100–599 that is not in the IANA HTTP Status Code Registry that RFC 9110 " +
				"§16.2.1 set up. Clients treat an unknown code as the x00 code of its class, so whatever it " +
				"was meant to say is lost. Codes that well-known software uses (nginx's 499, Cloudflare's " +
				"52x) are reported as information naming their origin; codes declared in the " +
				"configuration's custom codes are not reported. In Go, comparisons (`resp.StatusCode == " +
				"499`) are left alone: reading a code a proxy sends is fine. Fix: use a registered code, " +
				"or declare the code as a custom code.",
		},
		{
			ID:              "deprecated-status-code",
			summary:         "305, 306, 418 and 510",
			source:          "RFC 9110 §15.4.6, §15.4.7, §15.5.19; IANA",
			DefaultSeverity: Warning,
			Language:        LanguageOpenAPI | LanguageGo,
			Run:             runDeprecated,
			Doc: "Flags codes that must not be sent: 305 Use Proxy, deprecated by RFC 9110 §15.4.6 because a " +
				"response could steer clients through a proxy of its choosing; 306, reserved and unused " +
				"(RFC 9110 §15.4.7); 418, which RFC 9110 §15.5.19 also marks unused — the \"I'm a " +
				"teapot\" joke of RFC 2324 is not part of HTTP, so it belongs here rather than with the " +
				"unofficial codes; and 510 Not Extended, which IANA lists as obsoleted since RFC 2774 " +
				"was moved to Historic. In Go, comparisons are left alone. Fix: use the code the " +
				"message suggests (403 or 429 instead of 418, 501 or 400 instead of 510).",
		},
		{
			ID:              "no-success-response",
			summary:         "An operation without a 2xx or 3xx response",
			source:          "seed notes (REST table)",
			DefaultSeverity: Warning,
			Language:        LanguageOpenAPI,
			Run:             runNoSuccess,
			Doc: "Flags an operation whose responses hold no success: no 2xx or 3xx code and no `2XX` or " +
				"`3XX` range. A lone `2XX` counts, and so does 101 Switching Protocols, the only answer of " +
				"a WebSocket upgrade endpoint; `default` alone does not, since it documents the " +
				"unexpected. Without a success response, generated clients treat every answer as an " +
				"error (the seed notes' REST table gives each method its success code). Fix: document " +
				"the success response.",
		},
		{
			ID:              "body-not-allowed",
			summary:         "Content on a 1xx, 204, 205 or 304 response",
			source:          "RFC 9110 §15.2, §15.3.5, §15.3.6, §15.4.5",
			DefaultSeverity: Error,
			Language:        LanguageOpenAPI | LanguageGo,
			Run:             runBodyNotAllowed,
			severityNote:    "warning in Go",
			Doc: "Flags content on a response that cannot have any: 1xx (RFC 9110 §15.2), 204 No Content " +
				"(§15.3.5), 205 Reset Content (§15.3.6) and 304 Not Modified (§15.4.5). In OpenAPI that is " +
				"a `content` map with media types (3.x) or a `schema` (2.0) on such a response, or on the " +
				"response its `$ref` points to. In Go it is a write to the same ResponseWriter (`w.Write`, " +
				"`fmt.Fprint*(w, …)`, `io.Copy(w, …)`, `io.WriteString(w, …)`, `json.NewEncoder(w).Encode`, " +
				"a template's `Execute(w, …)`, `http.Error(w, …)`) after `w.WriteHeader(204|205|304)` " +
				"in the same function, on a path that can follow it: the statements after the call, " +
				"and after the blocks around it when they do not return — net/http refuses such writes " +
				"with ErrBodyNotAllowed. Fix: remove the content (OpenAPI), or the write, or send 200.",
			fixNote: "Removes the `content`/`schema` entry, whole lines in block YAML, the member and its comma in JSON; where it is the response's only entry it becomes a `description` (safe). No fix through a `$ref` or in Go.",
		},
		{
			ID:              "missing-header",
			summary:         "A response without the header its code calls for",
			source:          "RFC 9110 §15; RFC 6585; seed notes",
			DefaultSeverity: Info,
			Language:        LanguageOpenAPI,
			Run:             runMissingHeader,
			severityNote:    "warning for a 3xx without Location",
			Doc: "Flags a response that does not declare the header its code calls for: Location for 201 " +
				"(RFC 9110 §15.3.2) and for 301, 302, 303, 307 and 308 (§15.4, a redirect without it " +
				"leads nowhere), WWW-Authenticate for 401 (§15.5.2), Allow for 405 (§15.5.6), " +
				"Proxy-Authenticate for 407 (§15.5.8), Retry-After for 429 (RFC 6585 §4, and the seed " +
				"notes) and Content-Range for 206 and 416 (§15.3.7, §15.5.17). Header names match in any " +
				"case, headers and responses reached through `$ref` count, and a response with no " +
				"`headers` map at all is flagged too; a response whose `$ref` cannot be followed is left " +
				"alone. Fix: add the header.",
			fixNote: "Adds a header skeleton (3.x `description` and `schema`, 2.0 `type`) in the document's syntax and indentation; safe, except through a `$ref` or an alias, where it edits a shared response.",
		},
		{
			ID:              "method-status-mismatch",
			summary:         "A code that does not fit the method",
			source:          "seed notes (REST table); RFC 9110 §9.3",
			DefaultSeverity: Info,
			Language:        LanguageOpenAPI,
			Run:             runMethodMismatch,
			Doc: "Compares an operation's codes with the seed notes' REST table: a POST to a collection " +
				"(a path ending in a plural noun, taking a body) that answers 200 but neither 201 nor " +
				"202; a GET or DELETE that answers 201 Created, though neither creates anything (RFC " +
				"9110 §9.3.1, §9.3.5); a DELETE answering 200 with no content, and any other 200 with " +
				"no content, where 204 No Content says so. Webhooks and callbacks, whose receivers " +
				"conventionally answer a bare 200, are not checked, nor are HEAD and OPTIONS. Fix: use " +
				"the code the message names.",
			fixNote: "Changes the code (and a description that is the old code's phrase); unsafe, as it changes the API.",
		},
		{
			ID:              "missing-not-found",
			summary:         "An operation on a /{id} path without 404",
			source:          "seed notes (REST table)",
			DefaultSeverity: Info,
			Language:        LanguageOpenAPI,
			Run:             runMissingNotFound,
			Doc: "Flags a GET, PUT, PATCH or DELETE on a path with a `{parameter}` that documents no 404: " +
				"the seed notes' REST table gives each of them 404 Not Found for an id that names " +
				"nothing (RFC 9110 §15.5.5). A `4XX` range or a `default` response covers it. Fix: add " +
				"a 404 response.",
		},
		{
			ID:              "missing-validation-error",
			summary:         "An operation with a request body but no 400 or 422",
			source:          "seed notes (REST table)",
			DefaultSeverity: Info,
			Language:        LanguageOpenAPI,
			Run:             runMissingValidation,
			Doc: "Flags an operation that takes a request body (3.x `requestBody`, 2.0 `body` or " +
				"`formData` parameters) but documents neither 400 Bad Request nor 422 Unprocessable " +
				"Content: the seed notes' REST table answers invalid input with 400 or 422 (RFC 9110 " +
				"§15.5.1, §15.5.21). A `4XX` range or a `default` response covers it. Fix: add a 400 " +
				"(or 422) response.",
		},
		{
			ID:              "accepted-without-body",
			summary:         "A 202 that does not say where the work stands",
			source:          "RFC 9110 §15.3.3; seed notes",
			DefaultSeverity: Hint,
			Language:        LanguageOpenAPI,
			Run:             runAcceptedWithoutBody,
			Doc: "Flags a 202 Accepted response with no content and no Location header: RFC 9110 " +
				"§15.3.3 and the seed notes say the response should tell where the work stands — a job " +
				"id, a link to a status monitor, or an estimate. Webhooks and callbacks, whose " +
				"receivers often acknowledge with a bare 202, are not checked. Fix: describe the " +
				"content (a job resource) or a Location header pointing to it.",
		},
		{
			ID:              "redirect-method-change",
			summary:         "301 or 302 on an operation other than GET",
			source:          "RFC 9110 §15.4.2, §15.4.3; seed notes",
			DefaultSeverity: Hint,
			Language:        LanguageOpenAPI,
			Run:             runRedirectMethodChange,
			Doc: "Flags 301 and 302 on operations other than GET, HEAD and OPTIONS. RFC 9110 §15.4.2 " +
				"and §15.4.3 note that clients may, and browsers do, turn the redirected request into a " +
				"GET, dropping the body; the seed notes call both rare in APIs. 303 See Other says " +
				"\"GET the result over there\", 307 and 308 keep the method and body. Redirects of GET " +
				"requests (a login flow) are left alone. Fix: use 303, 307 or 308.",
			fixNote: "Changes 301 to 308, or 302 to 303 or 307, with the description if it is the old phrase (unsafe).",
		},
		{
			ID:              "description-mismatch",
			summary:         "A description that is another code's reason phrase",
			source:          "RFC 9110 §15; IANA registry",
			DefaultSeverity: Warning,
			Language:        LanguageOpenAPI,
			Run:             runDescriptionMismatch,
			Doc: "Flags a response whose description is the reason phrase of another code, as in " +
				"`'204': {description: Created}` — the mark of a copied response whose code or text was " +
				"not updated (the phrases are those of RFC 9110 §15 and the registry, older names " +
				"included, and the custom codes'). \"Processing\" and \"Found\", ordinary words as much " +
				"as phrases, are not taken as another code's. A description reached through `$ref` is " +
				"checked too. Fix: use this code's phrase, or refer to the right response.",
			fixNote: "Replaces the description with this code's phrase (safe); no fix through a `$ref`.",
		},
		{
			ID:              "use-status-constant",
			summary:         "A literal where net/http has a constant",
			source:          "net/http; RFC 9110 §15 phrases",
			DefaultSeverity: Hint,
			Language:        LanguageGo,
			Run:             runUseConstant,
			Doc: "Flags an integer literal in a status position (`w.WriteHeader(404)`, " +
				"`http.Error(w, msg, 500)`, `c.JSON(201, v)`, `resp.StatusCode == 200`) for which net/http " +
				"declares a constant: `http.StatusNotFound` says what the code means, in the RFC 9110 " +
				"§15 reason phrase, where `404` makes the reader remember, and a typo such as 4040 cannot hide in it. Fix: the constant, " +
				"spelled with the file's name for net/http.",
			fixNote: "Replaces the literal with the constant; where net/http is not imported (gin, echo files) it adds the import to the import block, or an `import \"net/http\"` after the package clause (safe).",
		},
	} {
		register(r)
	}
}
