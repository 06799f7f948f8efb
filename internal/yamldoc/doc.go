// Package yamldoc parses YAML and JSON documents into node trees, those
// gopkg.in/yaml.v3 reads in a third of the memory (node.go), and maps
// every node to exact byte offsets in the text. It is tolerant of the
// half-typed documents an editor holds: a syntax error costs the line it
// stands on, not the document, and is reported once. Offsets are bytes;
// converting them to editor positions is another package's job. The walk
// helpers never follow aliases and bound their depth, so that alias bombs
// and deep nesting cost time linear in the text.
package yamldoc
