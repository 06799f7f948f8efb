// rules.go defines the rules command.

package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

// rulesCommand is `httpcode-lsp rules`.
func rulesCommand(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List the rules: ID, languages, default severity and what each checks",
		Long: "Lists the rules: ID, the languages each applies to, its default severity and\n" +
			"what it checks. The IDs are those of .httpcode-lsp.yaml's rules: section,\n" +
			"suppression comments and httpcode-lsp explain.",
		Args: noArguments,
		RunE: func(*cobra.Command, []string) error {
			tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tLANGUAGES\tSEVERITY\tCHECKS")
			for _, r := range lint.Rules() {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, strings.ReplaceAll(r.Language().String(), " ", ""), r.DefaultSeverity, r.Summary())
			}
			if err := tw.Flush(); err != nil {
				return exitWith(env.fail("rules: %v", err))
			}
			return nil
		},
	}
}

// ruleIDs are the rules' IDs in documentation order.
func ruleIDs() []string {
	var ids []string
	for _, r := range lint.Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}
