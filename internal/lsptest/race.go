//go:build race

package lsptest

// raceEnabled reports whether the race detector is compiled in; it makes
// the 13 MB real-spec tests too slow to run (see GitHubSpec).
const raceEnabled = true
