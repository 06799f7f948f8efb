//go:build unix

package main

import (
	"os/exec"
	"syscall"
)

// asNobody makes cmd run as the user nobody, without root's right to read
// every file.
func asNobody(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
}
