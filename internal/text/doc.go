// Package text owns open documents: immutable snapshots of their bytes with
// a line index, the application of LSP content changes (incremental or
// full), and the only conversion in the server between byte offsets and LSP
// positions (line, character) in the negotiated position encoding.
//
// Every other package speaks byte offsets into Snapshot.Text. Line breaks
// are "\n", "\r\n" and a lone "\r", as LSP counts them. Bytes that are not
// valid UTF-8 count as one character each in every encoding (as if each
// were U+FFFD), so no input makes a conversion fail or panic.
package text
