package yamldoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/httpcode-lsp/httpcode-lsp/internal/bigcopy"

	"gopkg.in/yaml.v3"
)

// Error is a syntax error of a document, at the line it was found on.
type Error struct {
	// Start and End are byte offsets: the line's text from its first
	// non-blank character to its end.
	Start, End int
	Message    string
}

func (e Error) Error() string { return e.Message }

// Doc is a parsed document (or stream of documents).
type Doc struct {
	// Root is the content of the first document: usually a mapping, nil
	// when the text holds no document or could not be read at all.
	Root *Node
	// Roots holds the content of every document of a stream (--- ...).
	Roots []*Node
	// Errors holds at most one error: the first syntax error found.
	Errors []Error
	// Parses counts the runs of the YAML parser it took to read the text:
	// 1 for a valid document, more for each repaired error.
	Parses int

	// src is the source as given.
	src []byte
	// text is the parsed text: the source with invalid characters and the
	// repaired lines blanked. It has the source's length and line breaks,
	// so offsets in it are offsets in the source.
	text  []byte
	lines *lineIndex
	// prune is what ParsePruned was given; pruned tells that it skipped
	// a collection.
	prune  Prune
	pruned bool
}

// Prune tells which collections of a document nobody reads. Given the
// state of a collection (0 for the root) and the key of one of its values
// ("" for an element of a sequence), it returns the state to ask about
// that value's own values, and whether the value is read.
type Prune func(state int, key string) (next int, read bool)

// MaxParses bounds the runs of the parser Parse makes on a broken text.
// Past it, the rest of the text from the last error on is dropped.
const MaxParses = 24

// Parse reads YAML or JSON text. It never fails: a text that does not
// parse yields the documents its readable lines make up, and one Error.
func Parse(src []byte) *Doc { return ParsePruned(src, nil) }

// ParsePruned is Parse building no nodes for the collections prune says
// nobody reads: each is a plain scalar whose value is its text as
// written, so that its range, and those of the nodes around it, are
// Parse's. Its syntax is checked all the same. The JSON reader prunes a
// JSON text, yamlprune.go a block YAML document; a text either leaves
// to yaml.v3 whole (JSON it does not vouch for, a YAML stream, a syntax
// error) is parsed whole.
func ParsePruned(src []byte, prune Prune) (d *Doc) {
	text, bad := sanitize(src)
	defer func() {
		// yaml.v3's panics are caught where it runs; this guards the
		// repairs around it, which no input is known to make panic.
		if p := recover(); p != nil {
			d = &Doc{src: src, text: text, lines: newLineIndex(text), prune: prune}
			d.addError(0, fmt.Sprintf("internal error reading the document: %v", p))
		}
	}()
	d = &Doc{src: src, text: text, lines: newLineIndex(text), prune: prune}
	if bad >= 0 {
		// JSON allows in a string characters YAML refuses (DEL and the
		// C1 controls): a JSON text the JSON reader reads whole has no
		// error.
		if root, pruned, ok := parseJSON(src, prune); ok && utf8.Valid(src) {
			d.text, d.Roots, d.Root, d.Parses, d.pruned = src, []*Node{root}, root, 1, pruned
			return d
		}
		d.addError(d.lines.lineOf(bad), "invalid character: not UTF-8 or a control character")
	}
	d.parse()
	if len(d.Roots) > 0 {
		d.Root = d.Roots[0]
	}
	return d
}

// Pruned reports whether ParsePruned skipped a collection: whether a
// reader other than the one prune speaks for needs the text parsed again.
func (d *Doc) Pruned() bool { return d.pruned }

// Unparsed returns src as a document that was not parsed: its lines
// are indexed, it has no nodes and no error. It is for a text the caller
// knows holds nothing it looks for, whose node tree would cost a hundred
// times its size for nothing.
func Unparsed(src []byte) *Doc {
	return &Doc{src: src, text: src, lines: newLineIndex(src)}
}

// Text returns the text the nodes were read from. It has the length and
// line structure of the source; lines dropped as unreadable are blank.
// It must not be modified.
func (d *Doc) Text() []byte { return d.text }

// Source returns the source text as given to Parse. It must not be
// modified.
func (d *Doc) Source() []byte { return d.src }

// LineCount returns the number of lines of the text.
func (d *Doc) LineCount() int { return d.lines.count() }

// LineRange returns the offsets of the start of a 0-based line and of its
// line break (or the end of the text).
func (d *Doc) LineRange(line int) (start, end int) {
	line = max(0, min(line, d.lines.count()-1))
	return d.lines.start(line), d.lines.end(d.text, line)
}

// LineOf returns the 0-based line holding offset.
func (d *Doc) LineOf(offset int) int { return d.lines.lineOf(offset) }

// result is one run of the parser.
type result struct {
	roots []*Node
	err   error
	// read is how many bytes the parser had read when it stopped: a
	// measure of how far it got, exact when precise is set, else up to a
	// buffer's length more.
	read    int
	precise bool
}

// repair is a change to one line that may let the parser past an error:
// blanking the line, or putting the missing comma of a flow collection
// before its first token.
type repair struct {
	line  int // 0-based
	comma bool
}

func (d *Doc) parse() {
	if len(d.Errors) == 0 {
		if root, pruned, ok := parseJSON(d.text, d.prune); ok {
			d.Roots, d.Parses, d.pruned = []*Node{root}, 1, pruned
			return
		}
		if d.prune != nil && !d.IsJSON() {
			if root, pruned, ok := parseYAMLPruned(d.text, d.lines, d.prune, 0); ok {
				d.Roots, d.Parses, d.pruned = []*Node{root}, 1, pruned
				return
			}
		}
	}
	if d.IsJSON() {
		d.text = surrogatesForYAML(d.text)
	}
	res := run(d.text, len(d.text))
	d.Parses = 1
	if res.err != nil && d.cutJSON(res, true) {
		return
	}
	for res.err != nil {
		if d.Parses >= MaxParses {
			d.giveUp(res)
			return
		}
		msg, cands, trusted := d.candidates(res)
		if !res.precise {
			// The reported line of a scanner error is usually the one
			// to drop, and trying it costs no more than finding out
			// where exactly the parser stopped.
			if trusted && len(cands) > 0 {
				if t, ok := d.apply(cands[0]); ok {
					r := d.attempt(t, len(t))
					d.Parses++
					if r.err == nil {
						d.accept(cands[0], msg, t, r)
						res = r
						continue
					}
				}
			}
			// Where the parser stopped is known only to within its read
			// buffer; a run reading byte by byte near there tells it
			// exactly.
			res = run(d.text, max(0, res.read-preciseMargin))
			d.Parses++
			msg, cands, _ = d.candidates(res)
		}
		// Try the repairs in order; the first that lets the parser
		// through wins. Otherwise the one that got it furthest, where
		// a blanked line counts only if it moved the error itself: the
		// parser reads a line or two past the token it stops at, and
		// blanking one of those lines lets it read further without
		// getting past the error.
		var best *result
		var bestFix repair
		var bestText []byte
		bestRead := res.read
		for _, c := range cands {
			if d.Parses >= MaxParses {
				break
			}
			t, ok := d.apply(c)
			if !ok {
				continue
			}
			r := d.attempt(t, max(0, res.read-preciseMargin))
			d.Parses++
			if r.err == nil {
				best, bestFix, bestText = &r, c, t
				break
			}
			read := r.read
			if !c.comma && r.err.Error() == res.err.Error() {
				read -= d.lookahead(res.read)
			}
			if read > bestRead {
				best, bestFix, bestText, bestRead = &r, c, t, read
			}
		}
		if best == nil {
			d.giveUp(res)
			return
		}
		d.accept(bestFix, msg, bestText, *best)
		res = *best
	}
	d.Roots = res.roots
}

// attempt parses a repaired text: a JSON document with the JSON reader
// first, which reads strict JSON several times faster than yaml.v3 and
// builds the same nodes (a keystroke that breaks a 13 MB description is
// repaired in a tenth of the time); yaml.v3 reads what it cannot.
func (d *Doc) attempt(t []byte, precise int) result {
	if d.IsJSON() {
		if root, pruned, ok := parseJSON(t, d.prune); ok {
			d.pruned = d.pruned || pruned
			return result{roots: []*Node{root}, read: len(t), precise: true}
		}
	}
	return run(t, precise)
}

// accept makes a repair and records its error (the first one only).
func (d *Doc) accept(fix repair, msg string, text []byte, r result) {
	d.addError(fix.line, msg)
	d.text = text
	d.Roots = r.roots
	d.lines.refresh(d.text, fix.line)
}

// giveUp drops the text from the line of the error on and keeps what
// parses before it: in JSON, from the last complete value on, closing the
// brackets still open (cutJSON). If the rest still does not parse, it
// drops more, from the earliest line the new error may stand on.
func (d *Doc) giveUp(res result) {
	if d.cutJSON(res, false) {
		return
	}
	msg, cands, _ := d.candidates(res)
	d.addError(earliest(cands), msg)
	from := d.lines.count()
	for try := 0; try < 4 && res.err != nil && from > 0; try++ {
		_, cands, _ := d.candidates(res)
		from = max(0, min(from-1, earliest(cands)))
		t := bigcopy.Clone(d.text)
		for l := from; l < d.lines.count(); l++ {
			blank(t, d.lines.start(l), d.lines.end(d.text, l))
		}
		res = run(t, len(t))
		d.Parses++
		d.text = t
	}
	for l := from; l < d.lines.count(); l++ {
		d.lines.refresh(d.text, l)
	}
	d.Roots = res.roots
}

// earliest returns the first line the error may stand on: the first of
// the lines tried, leaving out the first line of the text, tried last as
// a fallback.
func earliest(cands []repair) int {
	line := -1
	for i, c := range cands {
		if c.line == 0 && i == len(cands)-1 && i > 0 {
			break
		}
		if line < 0 || c.line < line {
			line = c.line
		}
	}
	return max(0, line)
}

// apply returns a copy of the text with the repair made, false when the
// repair would change nothing.
func (d *Doc) apply(c repair) ([]byte, bool) {
	start, end := d.lines.start(c.line), d.lines.end(d.text, c.line)
	first := start
	for first < end && (d.text[first] == ' ' || d.text[first] == '\t') {
		first++
	}
	if first == end {
		return nil, false // blank already: nothing to gain
	}
	t := bigcopy.Clone(d.text)
	if c.comma {
		if first == start {
			return nil, false
		}
		t[first-1] = ','
		return t, true
	}
	blank(t, start, end)
	return t, true
}

// blank overwrites text[start:end] with spaces, keeping line breaks. A
// split of a large YAML spec is most of its text: only the bytes a line
// break starts with are looked at twice.
func blank(text []byte, start, end int) {
	for i := start; i < end; i++ {
		switch text[i] {
		case '\n', '\r', 0xC2, 0xE2:
			if n := breakLen(text, i); n > 0 {
				i += n - 1
				continue
			}
		}
		text[i] = ' '
	}
}

var lineMessage = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserProblems are the messages of yaml.v3's parser (as opposed to its
// scanner). The parser reports the 0-based line of the enclosing
// collection's start or of the offending token, where the scanner
// reports the 1-based line of the token.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// candidates returns the error's message and the repairs to try, most
// likely first. yaml.v3 tells a line only in its message, and for parser
// errors not quite the offending one; how far the parser read bounds the
// offending line from below.
//
// trusted tells that the first repair is on the line a scanner error
// named, which is rarely wrong.
func (d *Doc) candidates(res result) (msg string, out []repair, trusted bool) {
	raw := res.err.Error()
	msg = strings.TrimPrefix(raw, "yaml: ")
	line := 0 // 1-based as reported, 0 when none
	if m := lineMessage.FindStringSubmatch(raw); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	n := d.lines.count()
	last := d.lines.lineOf(max(0, res.read-1))
	var lines []int
	comma := false
	switch {
	case parserProblems[msg]:
		// The offending token is on a 0-based line at or after the
		// reported number, and the parser has read a line or two past
		// it: try from there back.
		lo := line
		hi := max(last, lo)
		for l := hi; l >= lo && l >= hi-maxWindow; l-- {
			lines = append(lines, l)
		}
		lines = append(lines, lo)
		comma = strings.HasPrefix(msg, "did not find expected ','")
	case line > 0 && !problemAtStop[msg]:
		// A scanner error names the line of the token it was scanning
		// (an unclosed quote, a key without a colon), or, when that
		// token started on the first line, the line where it stopped.
		lines = []int{line - 1, last, 0}
		trusted = true
	default:
		lines = []int{last, line - 1, 0}
	}
	// Lines likelier than those: one whose quote or bracket, never
	// closed, swallowed the lines after it.
	var first []int
	if m := unknownAnchor.FindStringSubmatch(msg); m != nil {
		if i := bytes.Index(d.text, []byte("*"+m[1])); i >= 0 {
			first = append(first, d.lines.lineOf(i))
			trusted = true
		}
	}
	errLine := line - 1
	if parserProblems[msg] {
		errLine = line
	}
	if q := d.openQuoteBefore(max(last, errLine), errLine); q >= 0 {
		first = append(first, q)
	}
	if parserProblems[msg] && d.unclosedFlow(line) {
		first = append(first, line)
	}
	if msg == "mapping values are not allowed in this context" && line > 1 {
		// A word on the line before, with no colon yet, makes this
		// line's key the end of a plain scalar.
		if p := d.prevContent(line - 1); p >= 0 && d.danglingScalar(p) {
			first = append(first, p)
		}
	}

	seen := map[repair]bool{}
	add := func(r repair) {
		r.line = max(0, min(r.line, n-1))
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	for _, l := range first {
		add(repair{line: l})
	}
	if comma {
		// A missing comma is likelier than a line to drop, and dropping
		// the line before the missing comma would parse as well.
		for _, l := range lines {
			add(repair{line: l, comma: true})
		}
	}
	for _, l := range lines {
		add(repair{line: l})
	}
	return msg, out, trusted
}

// prevContent returns the nearest 0-based line above line that holds
// more than blanks and a comment, -1 if none.
func (d *Doc) prevContent(line int) int {
	for l := line - 1; l >= 0; l-- {
		t := bytes.TrimLeft(d.text[d.lines.start(l):d.lines.end(d.text, l)], " \t")
		if len(t) > 0 && t[0] != '#' {
			return l
		}
	}
	return -1
}

// danglingScalar reports whether a 0-based line holds a plain word and
// no key: a key being typed, not yet followed by its colon.
func (d *Doc) danglingScalar(line int) bool {
	t := bytes.TrimSpace(d.text[d.lines.start(line):d.lines.end(d.text, line)])
	if len(t) == 0 || bytes.IndexByte([]byte("-#'\"{[}]&*!|>?%@`"), t[0]) >= 0 {
		return false
	}
	return !bytes.Contains(t, []byte(": ")) && !bytes.HasSuffix(t, []byte(":")) && !bytes.Contains(t, []byte(" #"))
}

// quoteLookback bounds how far above an error a line with an unclosed
// quote is looked for.
const quoteLookback = 64

// openQuoteBefore returns the nearest line at or above line stop that
// opens a quoted scalar without closing it on the line, and which the
// rest of the text does not close before line errLine either: the quote
// swallowed the lines up to the error. -1 if there is none.
func (d *Doc) openQuoteBefore(stop, errLine int) int {
	for l := min(stop, d.lines.count()-1); l >= 0 && l > stop-quoteLookback; l-- {
		q := d.openQuote(l)
		if q < 0 {
			continue
		}
		end := quoteEnd(d.text, q)
		if end >= 0 && end < d.lines.start(max(0, min(errLine, d.lines.count()-1))) {
			return -1 // a quoted scalar of several lines, closed in time
		}
		return l
	}
	return -1
}

// openQuote returns the offset of a quote on a 0-based line that opens a
// quoted scalar the line does not close, -1 if none.
func (d *Doc) openQuote(line int) int {
	start := d.lines.start(line)
	t := d.text[start:d.lines.end(d.text, line)]
	for i := 0; i < len(t); i++ {
		c := t[i]
		atStart := i == 0 || isBlank(t[i-1]) || strings.IndexByte("[{,", t[i-1]) >= 0
		switch {
		case c == '#' && (i == 0 || isBlank(t[i-1])):
			return -1
		case (c == '\'' || c == '"') && atStart:
			j := quoteEnd(t, i)
			if j < 0 {
				return start + i
			}
			i = j
		}
	}
	return -1
}

// quoteEnd returns the offset of the quote closing the quoted scalar that
// starts at t[i], -1 if t holds none.
func quoteEnd(t []byte, i int) int {
	q := t[i]
	for j := i + 1; j < len(t); j++ {
		switch {
		case q == '"' && t[j] == '\\':
			j++
		case t[j] == q && q == '\'' && j+1 < len(t) && t[j+1] == '\'':
			j++
		case t[j] == q:
			return j
		}
	}
	return -1
}

// unclosedFlow reports whether the first bracket opening a flow collection
// on a 0-based line is never closed in the rest of the text.
func (d *Doc) unclosedFlow(line int) bool {
	if line < 0 || line >= d.lines.count() {
		return false
	}
	t := d.text
	i, end := d.lines.start(line), d.lines.end(d.text, line)
	for ; i < end; i++ {
		if t[i] == '{' || t[i] == '[' {
			break
		}
		if t[i] == '#' || t[i] == '\'' || t[i] == '"' {
			return false
		}
	}
	if i >= end {
		return false
	}
	depth := 0
	for ; i < len(t); i++ {
		switch t[i] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return false
			}
		case '\'', '"':
			l := d.lines.lineOf(i)
			if j := quoteEnd(t[i:d.lines.end(d.text, l)], 0); j > 0 {
				i += j
			}
		case '#':
			if i > 0 && isBlank(t[i-1]) {
				i = d.lines.end(d.text, d.lines.lineOf(i))
			}
		}
	}
	return true
}

var unknownAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// problemAtStop are scanner errors found past the line of the token being
// scanned, where the parser stopped.
var problemAtStop = map[string]bool{
	"found a tab character that violates indentation": true,
}

// maxWindow bounds the lines tried before the parser's stop.
const maxWindow = 4

// lookahead returns how far the parser may read past the token it stops
// at, from offset read: to the end of the line after.
func (d *Doc) lookahead(read int) int {
	l := d.lines.lineOf(max(0, read-1))
	end := d.lines.end(d.text, min(l+1, d.lines.count()-1))
	return max(0, end-read) + 1
}

// addError records the error on a 0-based line, unless one is recorded.
func (d *Doc) addError(line int, msg string) {
	if len(d.Errors) > 0 {
		return
	}
	start, end := d.lines.start(line), d.lines.end(d.text, line)
	for start < end && (d.text[start] == ' ' || d.text[start] == '\t') {
		start++
	}
	for end > start && isBlank(d.text[end-1]) {
		end--
	}
	if line == 0 && start < d.lines.bom {
		start = d.lines.bom
	}
	d.Errors = append(d.Errors, Error{Start: start, End: end, Message: msg})
}

// preciseMargin is how far before a known stop the parser is fed byte by
// byte: more than it reads ahead of the token it stops at.
const preciseMargin = 4096

// byteReader feeds the parser. From offset precise on it hands one byte
// per read, so that the count of bytes read tells exactly how far the
// parser got when it stopped; before, it fills the parser's buffer, as
// byte-wise reading costs a quarter more time.
type byteReader struct {
	text    []byte
	n       int
	precise int
}

func (r *byteReader) Read(p []byte) (int, error) {
	if r.n >= len(r.text) {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	k := 1
	if r.n < r.precise {
		k = min(len(p), r.precise-r.n)
	}
	k = copy(p[:k], r.text[r.n:])
	r.n += k
	return k, nil
}

// run parses every document of text, reading byte by byte from offset
// precise on.
func run(text []byte, precise int) (res result) {
	r := &byteReader{text: text, precise: precise}
	defer func() {
		if p := recover(); p != nil {
			res.err = fmt.Errorf("yaml: parser failure: %v", p)
			res.read = r.n
			res.precise = r.n > precise
		}
	}()
	dec := yaml.NewDecoder(r)
	c := &converter{slabs: slabsFor(len(text))}
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			res.err = err
			break
		}
		if len(n.Content) > 0 {
			res.roots = append(res.roots, c.convert(n.Content[0]))
		}
	}
	res.read = r.n
	res.precise = r.n > precise
	return res
}

// sanitize returns src with every byte that is not valid UTF-8, and
// every character YAML does not allow, made a space (yaml.v3 rejects a
// whole document for one): src itself when it has none, else a copy. bad
// is the offset of the first such byte, -1 if none.
func sanitize(src []byte) (text []byte, bad int) {
	bad = -1
	for i := 0; i < len(src); {
		if c := src[i]; c >= 0x20 && c < 0x7F || c == '\n' || c == '\t' || c == '\r' {
			i++ // printable ASCII, the bulk of a text
			continue
		}
		w, ok := char(src, i)
		if !ok {
			bad = i
			break
		}
		i += w
	}
	if bad < 0 {
		return src, -1
	}
	text = bigcopy.Clone(src)
	for i := bad; i < len(text); {
		w, ok := char(text, i)
		if !ok {
			for k := i; k < i+w; k++ {
				text[k] = ' '
			}
		}
		i += w
	}
	return text, bad
}

// char returns the width of the character at t[i] (1 for a byte that is
// not UTF-8), and whether YAML allows it.
func char(t []byte, i int) (width int, ok bool) {
	c := t[i]
	if c < utf8.RuneSelf {
		return 1, c >= 0x20 && c != 0x7F || c == '\t' || c == '\n' || c == '\r'
	}
	r, w := utf8.DecodeRune(t[i:])
	return w, !(r == utf8.RuneError && w == 1) && allowed(r)
}

// allowed reports whether YAML allows the non-ASCII character r.
func allowed(r rune) bool {
	return r == 0x85 || r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= utf8.MaxRune
}

// IsJSON reports whether the text is JSON (or YAML in flow style): its
// first character other than blanks and a byte order mark is { or [.
func (d *Doc) IsJSON() bool {
	for i := d.lines.bom; i < len(d.text); i++ {
		switch d.text[i] {
		case ' ', '\t', '\r', '\n':
			continue
		case '{', '[':
			return true
		}
		return false
	}
	return false
}
