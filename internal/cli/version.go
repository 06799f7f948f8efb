// version.go defines the version command and the version the build
// recorded.

package cli

import (
	"fmt"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/spf13/cobra"
)

// versionCommand is `httpcode-lsp version`.
func versionCommand(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Long: "Prints the version: the release's, or the module's as go install or go build\n" +
			"set it, with the commit it was built from when the build recorded one.",
		Args: noArguments,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintln(env.Stdout, versionLine(env.Version, buildInfo()))
			return nil
		},
	}
}

// Version returns the tool's version, as the server reports it and SARIF
// names it: release when the build set one (-ldflags "-X
// main.version=v1.2.3"); otherwise the main module's version in the build
// info (the tag go install fetched, or the pseudo-version go build derives
// from the checkout); otherwise "devel-" and the commit; "(devel)" only
// when the build recorded nothing.
func Version(release string) string { return versionOf(release, buildInfo()) }

// buildInfo is the binary's build information, read once.
var buildInfo = sync.OnceValue(func() *debug.BuildInfo {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nil
	}
	return bi
})

func versionOf(release string, bi *debug.BuildInfo) string {
	if release != "" {
		return release
	}
	if bi != nil && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	if rev, _, modified := vcsOf(bi); rev != "" {
		if modified {
			return "devel-" + rev + "-dirty"
		}
		return "devel-" + rev
	}
	return "(devel)"
}

// vcsOf returns the commit a build recorded, shortened to 12 digits as Go
// pseudo-versions show it, its time, and whether the work tree had
// changes.
func vcsOf(bi *debug.BuildInfo) (rev, time string, modified bool) {
	if bi == nil {
		return "", "", false
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(len(s.Value), 12)]
		case "vcs.time":
			time = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	return rev, time, modified
}

// versionLine is what `version` and --version print: "httpcode-lsp
// v1.2.3", followed, when the build recorded its commit, by "(commit
// a32859b1c2d3, 2026-12-03T07:30:00Z)", and ", modified" when the work
// tree had changes.
func versionLine(version string, bi *debug.BuildInfo) string {
	line := "httpcode-lsp " + version
	rev, time, modified := vcsOf(bi)
	if rev == "" {
		return line
	}
	var details []string
	details = append(details, "commit "+rev)
	if time != "" {
		details = append(details, time)
	}
	if modified {
		details = append(details, "modified")
	}
	return line + " (" + strings.Join(details, ", ") + ")"
}
