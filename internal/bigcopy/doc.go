// Package bigcopy copies slices of tens of megabytes without holding up
// the rest of the process. Go's copy is one runtime.memmove, which the
// scheduler cannot preempt and the garbage collector cannot stop: into
// memory fresh from the system, 39 MB took 80 to 170 ms on a 2-core
// machine, while the collector's worker, waiting to scan that goroutine or
// for every processor to pass a safe point, held the other processor, and
// a hover on a small document waited for both (runtime/trace of
// bench/lspbench's hover under load). Copy moves such a slice a piece at a
// time and yields the processor between pieces.
package bigcopy
