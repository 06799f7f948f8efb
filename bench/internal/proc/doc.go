// Package proc measures the processes the benchmarks start: their wall
// time and peak resident memory, read from /proc.
package proc
