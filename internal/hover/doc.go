// Package hover renders the Markdown shown when the cursor rests on a
// status-code occurrence: the catalog entry of a code (for a code the
// catalog does not list: that it is not registered, what its class tells a
// client, and the project's phrase for it if any), the description of a
// class for a range key such as 4XX, or what `default` means in an OpenAPI
// responses map, followed by where the occurrence stands (the operation).
package hover
