// Package openapi recognises OpenAPI documents (Swagger 2.0, OpenAPI 3.0
// and 3.1, in YAML or JSON, and the fragments of split specs) and models
// their response maps: every operation with its method and path, and each
// response key with its exact range, meaning, description, headers,
// content and $ref. It also finds status codes written as values in plain
// YAML files, and tells what a completion at a cursor would complete, on
// half-typed text too. It speaks byte offsets and knows nothing of LSP.
package openapi
