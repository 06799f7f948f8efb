package proc

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// PeakRSS returns the VmHWM of a running process in bytes, 0 when it
// cannot be read.
func PeakRSS(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// Run starts cmd, waits for its end and returns its wall time and peak
// RSS. An exit status is not an error (linters exit 1 on findings):
// cmd.ProcessState tells it. The peak is the process's VmHWM sampled every
// few milliseconds until it exits: the rusage of a child started from a
// large process counts that process's memory too.
func Run(cmd *exec.Cmd) (time.Duration, int64, error) {
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	done := make(chan struct{})
	peak := make(chan int64)
	go func() {
		var high int64
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			high = max(high, PeakRSS(cmd.Process.Pid))
			select {
			case <-done:
				peak <- high
				return
			case <-tick.C:
			}
		}
	}()
	err := cmd.Wait()
	wall := time.Since(t0)
	close(done)
	rss := <-peak
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return 0, 0, err
	}
	return wall, rss, nil
}
