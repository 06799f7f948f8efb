// sarif.go writes findings as SARIF 2.1.0 (--format sarif), the format
// GitHub code scanning ingests: one run whose tool.driver lists every rule
// with its documentation, and one result per finding.
//
// Regions follow SARIF's defaults: lines and columns are 1-based, columns
// count UTF-16 code units (run.columnKind says so), and endColumn is the
// column just after the region. Artifact URIs are relative to %SRCROOT%,
// the working directory; a file outside it gets an absolute file: URI.

package cli

import (
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
	"github.com/httpcode-lsp/httpcode-lsp/internal/lint"
)

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// InformationURI is the project's home, for SARIF's tool.driver.
	InformationURI = "https://github.com/httpcode-lsp/httpcode-lsp"
	srcRoot        = "%SRCROOT%"
)

// findingKinds documents the findings that are no lint rule's, for SARIF
// and explain.
var findingKinds = []struct {
	id, doc, appliesTo string
	severity           lint.Severity
}{
	{analysis.SyntaxErrorID, "Reports a Go, YAML or JSON file that does not parse: the first syntax error, " +
		"where the parser stopped. Status codes after it may not be checked. Fix: correct the syntax.", "Go, YAML, JSON", lint.Error},
	{analysis.LimitsID, "Reports a file larger than limits.maxDocumentSize (" + analysis.SizeText(config.DefaultMaxDocumentSize) + " unless .httpcode-lsp.yaml sets it), " +
		"which is not read, so not checked. Fix: raise the limit in .httpcode-lsp.yaml, or exclude the file.", "every file", lint.Info},
}

type sarifLog struct {
	Schema  string         `json:"$schema"`
	Version string         `json:"version"`
	Runs    []sarifRunJSON `json:"runs"`
}

type sarifRunJSON struct {
	Tool               sarifTool                 `json:"tool"`
	Invocations        []sarifInvocation         `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactL `json:"originalUriBaseIds,omitempty"`
	Results            *jsonArray                `json:"results"`
	ColumnKind         string                    `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string            `json:"name"`
	Version        string            `json:"version,omitempty"`
	InformationURI string            `json:"informationUri"`
	Rules          []sarifDescriptor `json:"rules"`
}

type sarifDescriptor struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	FullDescription      sarifMessage `json:"fullDescription"`
	Help                 sarifMessage `json:"help"`
	HelpURI              string       `json:"helpUri,omitempty"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string       `json:"level"`
	Message sarifMessage `json:"message"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        int             `json:"ruleIndex"`
	Level            string          `json:"level"`
	Message          sarifMessage    `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactL `json:"artifactLocation"`
	Region           sarifRegion    `json:"region"`
}

type sarifArtifactL struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// sarifRun is what the SARIF log says of the run besides its findings.
type sarifRun struct {
	version string
	cwd     string  // %SRCROOT%
	errs    []error // files that could not be read: notifications
}

// sarifLevel maps a severity to SARIF's levels, which have no hint.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// sarifRules describes every rule, the findingKinds last; index maps an ID
// to its place.
func sarifRules() ([]sarifDescriptor, map[string]int) {
	var out []sarifDescriptor
	index := map[string]int{}
	add := func(id, doc string, sev lint.Severity, helpURI string) {
		d := sarifDescriptor{
			ID:               id,
			Name:             ruleName(id),
			ShortDescription: sarifMessage{Text: firstSentence(doc)},
			FullDescription:  sarifMessage{Text: plainDoc(doc)},
			Help:             sarifMessage{Text: plainDoc(doc), Markdown: doc},
			HelpURI:          helpURI,
		}
		if helpURI != "" {
			d.Help.Text += " Documentation: " + helpURI
			d.Help.Markdown += "\n\n[Documentation](" + helpURI + ")"
		}
		d.DefaultConfiguration.Level = sarifLevel(sev)
		index[id] = len(out)
		out = append(out, d)
	}
	for _, r := range lint.Rules() {
		add(r.ID, r.Doc, r.DefaultSeverity, lint.URL(r.ID))
	}
	for _, k := range findingKinds {
		add(k.id, k.doc, k.severity, "")
	}
	return out, index
}

// ruleName is SARIF's optional readable name: "unquoted-status-code"
// gives "UnquotedStatusCode".
func ruleName(id string) string {
	parts := strings.Split(id, "-")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "")
}

// plainDoc drops a rule doc's Markdown code spans for SARIF's text fields.
func plainDoc(doc string) string { return strings.ReplaceAll(doc, "`", "") }

// firstSentence is the doc up to its first full stop followed by a space.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return plainDoc(s[:i+1])
	}
	return plainDoc(s)
}

// writeSARIF writes check's findings as a SARIF log of one run.
func writeSARIF(w io.Writer, findings []finding, run sarifRun) error {
	rules, index := sarifRules()
	inv := sarifInvocation{ExecutionSuccessful: len(run.errs) == 0}
	for _, err := range run.errs {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifMessage{Text: err.Error()}})
	}
	r := sarifRunJSON{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "httpcode-lsp", Version: run.version, InformationURI: InformationURI, Rules: rules,
		}},
		Invocations: []sarifInvocation{inv},
		Results:     &jsonArray{n: len(findings), elem: func(i int) any { return sarifResultOf(findings[i], run.cwd, index) }},
		ColumnKind:  "utf16CodeUnits",
	}
	if run.cwd != "" {
		root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(run.cwd)}).String()
		if !strings.HasSuffix(root, "/") {
			root += "/"
		}
		r.OriginalURIBaseIDs = map[string]sarifArtifactL{srcRoot: {URI: root}}
	}
	return encodeJSON(w, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRunJSON{r}}, r.Results)
}

// sarifResultOf is a finding as a SARIF result; index gives the rules'
// indexes in the driver's list.
func sarifResultOf(f finding, cwd string, index map[string]int) sarifResult {
	art := artifactLocation(cwd, f.file.abs)
	res := sarifResult{
		RuleID:    f.RuleID,
		RuleIndex: index[f.RuleID],
		Level:     sarifLevel(f.Severity),
		Message:   sarifMessage{Text: f.Message},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: art, Region: sarifRegionOf(f.file.src, f.Start, f.End),
		}}},
	}
	if _, known := index[f.RuleID]; !known {
		res.RuleIndex = -1 // not possible today; -1 is SARIF's "none"
	}
	for i, rel := range f.Related {
		id := i + 1
		rf := f.relatedFile(i)
		res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
			ID: &id,
			PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: artifactLocation(cwd, rf.abs), Region: sarifRegionOf(rf.src, rel.Start, rel.End),
			},
			Message: &sarifMessage{Text: rel.Message},
		})
	}
	return res
}

// sarifRegionOf converts a byte range to a SARIF region: 1-based lines
// and 1-based columns in UTF-16 code units, the end column exclusive.
func sarifRegionOf(src *source, start, end int) sarifRegion {
	s, e := src.at(start), src.at(end)
	return sarifRegion{
		StartLine: s.Line + 1, StartColumn: s.UTF16 + 1,
		EndLine: e.Line + 1, EndColumn: e.UTF16 + 1,
	}
}

// artifactLocation names a file relative to %SRCROOT% (cwd), or by an
// absolute file: URI when it is outside.
func artifactLocation(cwd, abs string) sarifArtifactL {
	if rel, err := filepath.Rel(cwd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		u := (&url.URL{Path: filepath.ToSlash(rel)}).String()
		return sarifArtifactL{URI: u, URIBaseID: srcRoot}
	}
	return sarifArtifactL{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()}
}
