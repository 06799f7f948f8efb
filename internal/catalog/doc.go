// Package catalog owns the facts about HTTP status codes: every code in the
// IANA registry plus the widely seen unofficial ones, with reason phrases,
// older names, the defining specification, the net/http constant, whether a
// response may carry content, the headers it is expected to send, and usage
// guidance written for this project. The data lives in codes.yaml, embedded
// in the binary; this package offers pure lookups over it and knows nothing
// of files or editors.
package catalog
