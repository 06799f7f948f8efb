//go:build !unix

package main

import "os/exec"

// asNobody: no Unix users here; the test runs as the current user.
func asNobody(*exec.Cmd) {}
