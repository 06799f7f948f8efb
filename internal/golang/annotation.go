// annotation.go: status codes in swaggo comment annotations
// (// @Success 200 {object} T, // @Failure 400,404 {object} E).

package golang

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/occurrence"
)

// annotationNames maps the lower-cased swaggo attributes that start with
// status codes to the context they are reported under. swag matches
// attribute names case-insensitively.
var annotationNames = map[string]string{
	"success":  "@Success",
	"failure":  "@Failure",
	"response": "@Response",
	"header":   "@Header",
}

// appendAnnotations adds the codes of the annotations in the comment
// src[start:end], one occurrence per code of a comma-separated list.
func appendAnnotations(occs []occurrence.Occurrence, src []byte, start, end int) []occurrence.Occurrence {
	if start < 0 || end > len(src) || start >= end || bytes.IndexByte(src[start:end], '@') < 0 {
		return occs
	}
	for lineStart := start; lineStart < end; {
		lineEnd := end
		if i := bytes.IndexByte(src[lineStart:end], '\n'); i >= 0 {
			lineEnd = lineStart + i
		}
		occs = appendLineAnnotation(occs, src, lineStart, lineEnd)
		lineStart = lineEnd + 1
	}
	return occs
}

// appendLineAnnotation handles one comment line: comment markers and
// blanks, '@', the attribute, blanks, the code list.
func appendLineAnnotation(occs []occurrence.Occurrence, src []byte, i, end int) []occurrence.Occurrence {
	for i < end && strings.IndexByte(" \t\r/*", src[i]) >= 0 {
		i++
	}
	if i >= end || src[i] != '@' {
		return occs
	}
	i++
	nameStart := i
	for i < end && isLetter(src[i]) {
		i++
	}
	ctx, ok := annotationNames[strings.ToLower(string(src[nameStart:i]))]
	if !ok || i >= end || (src[i] != ' ' && src[i] != '\t') {
		return occs
	}
	for i < end && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	// The code list runs to the first byte that cannot be part of it.
	for i < end {
		itemStart := i
		for i < end && (isDigit(src[i]) || isLetter(src[i])) {
			i++
		}
		item := string(src[itemStart:i])
		if item != "" && strings.Trim(item, "0123456789") == "" && len(item) <= 9 {
			if code, err := strconv.Atoi(item); err == nil {
				occs = append(occs, occurrence.Occurrence{Start: itemStart, End: i, Code: code, Kind: occurrence.Annotation, Role: occurrence.Define, Context: ctx})
			}
		}
		if i >= end || src[i] != ',' {
			break
		}
		i++
	}
	return occs
}

func isDigit(b byte) bool  { return '0' <= b && b <= '9' }
func isLetter(b byte) bool { return 'A' <= b&^0x20 && b&^0x20 <= 'Z' }
