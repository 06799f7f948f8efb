// explain.go defines the explain and codes commands: the catalog and the
// rules' documentation for people at a terminal.

package cli

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/httpcode-lsp/httpcode-lsp/internal/catalog"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
	"github.com/httpcode-lsp/httpcode-lsp/internal/openapi"
)

const explainLong = `Prints what httpcode-lsp knows of each TOPIC, as the editor's hover shows it:
  404, 4xx or 4XX, default      a status code, a class, OpenAPI's default key
  StatusNotFound                 a net/http constant (http. prefix optional)
  unquoted-status-code           a rule's documentation (see httpcode-lsp rules)

Exit status: 0, or 2 for a topic nobody knows.`

// explainCommand is `httpcode-lsp explain`.
func explainCommand(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explain [flags] TOPIC...",
		Short: "Print what a status code, class or rule means",
		Long:  explainLong,
		ValidArgsFunction: func(_ *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
			var topics []string
			for _, t := range append([]string{"1xx", "2xx", "3xx", "4xx", "5xx", "default"}, ruleIDs()...) {
				if strings.HasPrefix(t, prefix) {
					topics = append(topics, t)
				}
			}
			return topics, cobra.ShellCompDirectiveNoFileComp
		},
	}
	colorFlag := cmd.Flags().String("color", "auto", "colour, `WHEN`: auto (stdout is a terminal), always or never")
	enumFlag(cmd, "color", "auto", "always", "never")
	cmd.RunE = func(_ *cobra.Command, topics []string) error {
		return exitWith(explain(env, *colorFlag, topics))
	}
	return cmd
}

// explain runs `httpcode-lsp explain` with its parsed flags.
func explain(env Env, colorFlag string, topics []string) int {
	color, err := env.colorFor(colorFlag, env.StdoutTerminal)
	if err != nil {
		return env.fail("explain: %v", err)
	}
	if len(topics) == 0 {
		return env.fail("explain: name a status code, class or rule, e.g. httpcode-lsp explain 404 (see httpcode-lsp explain --help)")
	}
	var docs []string
	for _, t := range topics {
		md, err := explainMarkdown(t)
		if err != nil {
			return env.fail("explain: %v", err)
		}
		docs = append(docs, renderMarkdown(md, color))
	}
	fmt.Fprint(env.Stdout, strings.Join(docs, "\n"))
	return ExitOK
}

// explainMarkdown finds the Markdown for a topic.
func explainMarkdown(topic string) (string, error) {
	t := strings.TrimSpace(topic)
	lower := strings.ToLower(t)
	switch {
	case lower == "default":
		return openapi.DefaultMarkdown, nil
	case len(lower) == 3 && lower[0] >= '1' && lower[0] <= '5' && lower[1:] == "xx":
		c, ok := catalog.Class(int(lower[0] - '0'))
		if !ok {
			break
		}
		return c.Markdown(), nil
	case isDigits(t):
		n, err := strconv.Atoi(t)
		if err == nil {
			if e, ok := catalog.Lookup(n); ok {
				return e.Markdown("http"), nil
			}
			if n >= 100 && n <= 599 {
				return "", fmt.Errorf("%s is not a registered status code, nor one the catalog knows from well-known software (see httpcode-lsp codes)", t)
			}
		}
		return "", fmt.Errorf("%s is not a status code: codes run from 100 to 599", t)
	}
	if e, ok := catalog.ByConstant(strings.TrimPrefix(t, "http.")); ok {
		return e.Markdown("http"), nil
	}
	if md, ok := ruleMarkdown(t); ok {
		return md, nil
	}
	if near, ok := lint.Suggest(t); ok {
		return "", fmt.Errorf("%q is not a rule ID; did you mean %q? (see httpcode-lsp rules)", topic, near)
	}
	return "", fmt.Errorf("%q is not a status code, class (4xx), net/http constant or rule ID (see httpcode-lsp codes and httpcode-lsp rules)", topic)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// ruleMarkdown returns a rule's section of docs/rules.md, followed by its
// link.
func ruleMarkdown(id string) (string, bool) {
	for _, k := range findingKinds {
		if id == k.id {
			return fmt.Sprintf("## %s\n\nDefault severity: **%s**. Applies to: %s.\n\n%s\n", id, k.severity, k.appliesTo, k.doc), true
		}
	}
	r, ok := lint.Lookup(id)
	if !ok {
		return "", false
	}
	doc := lint.RulesMarkdown()
	head := "\n## " + r.ID + "\n"
	section := ""
	if i := strings.Index(doc, head); i >= 0 {
		section = doc[i+1:]
		if j := strings.Index(section[len(head)-1:], "\n## "); j >= 0 {
			section = section[:len(head)-1+j]
		}
	} else {
		// The documentation's layout changed: the rule table still has
		// what matters.
		section = fmt.Sprintf("## %s\n\nDefault severity: **%s**. Applies to: %s.\n\n%s\n", r.ID, r.DefaultSeverity, r.Language(), r.Doc)
	}
	return strings.TrimRight(section, "\n") + "\n\nDocumentation: " + lint.URL(r.ID) + "\n", true
}

// codesCommand is `httpcode-lsp codes`.
func codesCommand(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "codes [flags]",
		Short: "List the status codes httpcode-lsp knows",
		Long:  "Lists the status codes httpcode-lsp knows: code, reason phrase, IANA\nregistration and net/http constant.",
		Args:  noArguments,
	}
	classFlag := cmd.Flags().String("class", "", "only `CLASS`: 1xx to 5xx (or 1 to 5)")
	asJSON := cmd.Flags().Bool("json", false, "a JSON array of {code, phrase, class, registration, goConstant, spec, specUrl}")
	enumFlag(cmd, "class", "1xx", "2xx", "3xx", "4xx", "5xx")
	cmd.RunE = func(*cobra.Command, []string) error { return exitWith(codes(env, *classFlag, *asJSON)) }
	return cmd
}

// codeJSON is one entry of `codes --json`.
type codeJSON struct {
	Code         int    `json:"code"`
	Phrase       string `json:"phrase"`
	Class        int    `json:"class"`
	Registration string `json:"registration"`
	GoConstant   string `json:"goConstant,omitempty"`
	Spec         string `json:"spec,omitempty"`
	SpecURL      string `json:"specUrl,omitempty"`
}

// codes runs `httpcode-lsp codes` with its parsed flags.
func codes(env Env, classFlag string, asJSON bool) int {
	class := 0
	if c := strings.ToLower(classFlag); c != "" {
		c = strings.TrimSuffix(c, "xx")
		if len(c) != 1 || c[0] < '1' || c[0] > '5' {
			return env.fail("codes: --class %q: want 1xx, 2xx, 3xx, 4xx or 5xx", classFlag)
		}
		class = int(c[0] - '0')
	}
	var entries []*catalog.Entry
	for _, e := range catalog.All() {
		if class == 0 || e.Class() == class {
			entries = append(entries, e)
		}
	}
	if asJSON {
		out := make([]codeJSON, 0, len(entries))
		for _, e := range entries {
			out = append(out, codeJSON{
				Code: e.Code, Phrase: e.Phrase, Class: e.Class(), Registration: string(e.Registration),
				GoConstant: e.GoConstant, Spec: e.Spec.String(), SpecURL: e.Spec.URL(),
			})
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return env.fail("codes: %v", err)
		}
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tPHRASE\tREGISTRATION\tGO CONSTANT")
	for _, e := range entries {
		constant := "-"
		if e.GoConstant != "" {
			constant = "http." + e.GoConstant
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", e.Code, e.Phrase, e.Registration, constant)
	}
	if err := tw.Flush(); err != nil {
		return env.fail("codes: %v", err)
	}
	return ExitOK
}
