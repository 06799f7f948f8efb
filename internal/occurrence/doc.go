// Package occurrence defines the shared currency of the analysers: a place in
// a document where an HTTP status code is written. The Go scanner and the
// YAML/OpenAPI walkers produce occurrences; hover, completion and lint
// consume them. Ranges are byte offsets into the document; converting them to
// editor positions is the text package's job.
package occurrence
