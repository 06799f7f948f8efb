//go:build !unix

// stdin_other.go defines pollable where stdin is read as it is.

package main

import "io"

// pollable returns stdin as it is.
func pollable(stdin io.ReadCloser) io.ReadCloser { return stdin }
