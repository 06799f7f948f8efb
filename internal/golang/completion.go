// completion.go: what a completion at a cursor would complete. The code
// around a cursor is half-typed, so this works on go/scanner tokens, not on
// the syntax tree: a stack of open brackets tells which call argument,
// composite literal or switch the cursor stands in.

package golang

import (
	"bytes"
	"go/parser"
	"go/scanner"
	"go/token"
	"sort"
	"strings"
)

// CompletionKind says what a completion at a cursor offers.
type CompletionKind int

const (
	// NoCompletion: the cursor is not where a status code goes.
	NoCompletion CompletionKind = iota
	// ConstantCompletion: after http. (or fasthttp., fiber.): the names of
	// the status constants.
	ConstantCompletion
	// CodeCompletion: at a status position: the codes, spelled as
	// constants where net/http is imported.
	CodeCompletion
)

// Completion is the completion context at a cursor.
type Completion struct {
	Kind CompletionKind
	// Start and End are the bytes the chosen item replaces: the word at the
	// cursor (empty when there is none, Start == End == cursor), for
	// ConstantCompletion the selector after the dot. End is the end of the
	// word even if the cursor is in its middle.
	Start, End int
	// Prefix is the text from Start to the cursor.
	Prefix string
	// Qualifier is, for ConstantCompletion, the package name before the
	// dot ("http", "fasthttp", "fiber").
	Qualifier string
	// HTTPName is how net/http constants are spelled in this file: "http",
	// an alias, "." for a dot-import, "" when not imported (insert numbers).
	HTTPName string
	// Context names the call or construct of the status position
	// ("WriteHeader", "http.Redirect", "StatusCode ==", "case StatusCode");
	// completion ranks by it. For ConstantCompletion it is set when the
	// selector stands in a status position.
	Context string
}

// CompletionAt returns the completion context at byte offset offset of a Go
// file. Offsets outside the file are clamped; any input is accepted.
func CompletionAt(src []byte, offset int) Completion {
	return completionFrom(src, 0, offset)
}

// CompletionAt is CompletionAt for the text src that f was scanned from.
// It reads the tokens from the top-level declaration before the cursor
// on, not from the start of the file.
func (f *File) CompletionAt(src []byte, offset int) Completion {
	from := 0
	if k := sort.SearchInts(f.declStarts, offset); k > 0 {
		from = f.declStarts[k-1]
	}
	return completionFrom(src, from, offset)
}

func completionFrom(src []byte, from, offset int) (c Completion) {
	defer func() {
		if recover() != nil {
			c = Completion{}
		}
	}()
	return completionAt(src, from, offset)
}

// tok is one token with its byte range.
type tok struct {
	tok        token.Token
	lit        string
	start, end int
}

func completionAt(src []byte, from, cursor int) Completion {
	cursor = max(0, min(cursor, len(src)))
	toks, word, ok := tokensAround(src, min(from, cursor), cursor)
	if !ok {
		return Completion{}
	}
	before, after := toks[:word], toks[word:]
	start, end := cursor, cursor
	if word < len(toks) && isWord(toks[word], cursor) {
		start, end = toks[word].start, toks[word].end
		after = toks[word+1:]
		// A word followed by a dot qualifies a selector; replacing it
		// would leave the selector dangling.
		if len(after) > 0 && after[0].tok == token.PERIOD {
			return Completion{}
		}
	}
	prefix := string(src[start:cursor])

	af, _ := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
	imp := importsOf(af)

	if n := len(before); n >= 2 && before[n-1].tok == token.PERIOD && before[n-2].tok == token.IDENT &&
		(n < 3 || before[n-3].tok != token.PERIOD) && imp.qualifiesConstants(before[n-2].lit) {
		if start < end && toks[word].tok != token.IDENT {
			return Completion{}
		}
		if !strings.HasPrefix("Status", prefix) && !strings.HasPrefix(prefix, "Status") {
			return Completion{}
		}
		ctx, _ := slotContext(before[:n-2], after, imp)
		return Completion{Kind: ConstantCompletion, Start: start, End: end, Prefix: prefix,
			Qualifier: before[n-2].lit, HTTPName: imp.httpName, Context: ctx}
	}
	ctx, ok := slotContext(before, after, imp)
	if !ok {
		// With net/http dot-imported, a bare StatusX names a constant.
		if imp.dotConstants() && start < end && toks[word].tok == token.IDENT && len(prefix) >= 2 &&
			(strings.HasPrefix("Status", prefix) || strings.HasPrefix(prefix, "Status")) &&
			(word == 0 || toks[word-1].tok != token.PERIOD) {
			return Completion{Kind: ConstantCompletion, Start: start, End: end, Prefix: prefix, Qualifier: ".", HTTPName: imp.httpName}
		}
		return Completion{}
	}
	return Completion{Kind: CodeCompletion, Start: start, End: end, Prefix: prefix, HTTPName: imp.httpName, Context: ctx}
}

// isWord reports whether t is a word the cursor is in or at the end of.
func isWord(t tok, cursor int) bool {
	return (t.tok == token.IDENT || t.tok == token.INT || t.tok.IsKeyword()) && t.start <= cursor && cursor <= t.end
}

// tokensAround scans src from offset from, a token's start, and returns
// its tokens, comments left out, and the index of the first token at or
// after the cursor (the word at the cursor when it is one). ok is false
// when the cursor is inside a comment, a string, a rune literal or an
// operator.
func tokensAround(src []byte, from, cursor int) (toks []tok, word int, ok bool) {
	fset := token.NewFileSet()
	tf := fset.AddFile("", fset.Base(), len(src)-from)
	unterminated := map[int]bool{}
	var s scanner.Scanner
	s.Init(tf, src[from:], func(p token.Position, msg string) {
		if strings.Contains(msg, "not terminated") {
			unterminated[from+p.Offset] = true
		}
	}, scanner.ScanComments)
	// Go code runs about one token per five bytes.
	toks = make([]tok, 0, (cursor-from)/4+lookahead)
	word = -1
	ok = true
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		start := from + tf.Offset(pos)
		end := tokenEnd(src, start, t, lit)
		switch t {
		case token.COMMENT, token.STRING, token.CHAR:
			lineComment := t == token.COMMENT && strings.HasPrefix(lit, "//")
			if start < cursor && (cursor < end || (cursor == end && (lineComment || unterminated[start]))) {
				ok = false
			}
			if t == token.COMMENT {
				continue
			}
		}
		if word < 0 {
			switch {
			case isWord(tok{tok: t, start: start, end: end}, cursor):
				word = len(toks)
			case start >= cursor:
				word = len(toks)
			case cursor < end:
				ok = false // inside an operator or a number that is not a word
			}
		}
		toks = append(toks, tok{tok: t, lit: lit, start: start, end: end})
		if word >= 0 && len(toks)-word > lookahead {
			break
		}
	}
	if word < 0 {
		word = len(toks)
	}
	return toks, word, ok
}

// lookahead is how many tokens after the cursor are scanned: enough for
// the rest of a call's arguments (testify's actual value after the
// expected one).
const lookahead = 256

// tokenEnd returns the end offset of a token.
func tokenEnd(src []byte, start int, t token.Token, lit string) int {
	switch {
	case t == token.COMMENT:
		return commentEnd(src, start, lit)
	case t == token.STRING && strings.HasPrefix(lit, "`"):
		// Raw strings lose their carriage returns in lit.
		if i := bytes.IndexByte(src[start+1:], '`'); i >= 0 {
			return start + 1 + i + 1
		}
		return len(src)
	case t == token.SEMICOLON:
		if lit == "\n" {
			return start // inserted at a newline or at the end of the file
		}
		return start + 1
	case t == token.ILLEGAL:
		return min(start+1, len(src))
	case lit != "":
		return min(start+len(lit), len(src))
	}
	return min(start+len(t.String()), len(src))
}

// frame is an open bracket on the way to the cursor.
type frame struct {
	open   int // index of the bracket token
	kind   token.Token
	commas []int // indices of the commas at this level
	// inCase is true between a case keyword at this level and its colon;
	// colonEndsCase says whether the last colon at this level did that.
	inCase, colonEndsCase bool
}

// slotContext tells whether a value placed after the tokens before (and
// followed by after) stands in a status position, and names its context.
func slotContext(before, after []tok, imp *imports) (string, bool) {
	n := len(before)
	if n == 0 {
		return "", false
	}
	last := before[n-1]
	// x.StatusCode == | , x.StatusCode != | , x.StatusCode = |
	if (last.tok == token.EQL || last.tok == token.NEQ || last.tok == token.ASSIGN) && n >= 3 &&
		before[n-2].tok == token.IDENT && isCodeField(before[n-2].lit) && before[n-3].tok == token.PERIOD {
		return before[n-2].lit + " " + last.tok.String(), true
	}

	stack := frames(before)
	if len(stack) == 0 {
		return "", false
	}
	top := stack[len(stack)-1]
	switch top.kind {
	case token.LBRACE:
		// T{StatusCode: | or T{..., Code: |
		if last.tok == token.COLON && !top.colonEndsCase && n >= 3 && before[n-2].tok == token.IDENT &&
			isCodeField(before[n-2].lit) && (n-3 == top.open || before[n-3].tok == token.COMMA) {
			return before[n-2].lit + ":", true
		}
		// switch x.StatusCode { case | or case 200, |
		if last.tok == token.CASE || (last.tok == token.COMMA && top.inCase) {
			if sel, ok := switchTag(before, top.open); ok {
				return "case " + sel, true
			}
		}
	case token.LPAREN:
		arg := len(top.commas)
		if n-1 != top.open && (arg == 0 || top.commas[arg-1] != n-1) {
			return "", false // the argument already holds more than a word
		}
		ce, ok := calleeBefore(before, top.open, imp)
		if !ok {
			return "", false
		}
		sl, ok := imp.statusArg(ce, arg, codeArgs(before, top, after))
		return sl.ctx, ok
	}
	return "", false
}

// frames returns the brackets open at the end of toks.
func frames(toks []tok) []frame {
	var stack []frame
	for i, t := range toks {
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		switch t.tok {
		case token.LPAREN, token.LBRACE, token.LBRACK:
			stack = append(stack, frame{open: i, kind: t.tok})
		case token.RPAREN, token.RBRACE, token.RBRACK:
			want := opening(t.tok)
			for j := len(stack) - 1; j >= 0; j-- {
				if stack[j].kind == want {
					stack = stack[:j]
					break
				}
			}
		case token.COMMA:
			if top != nil {
				top.commas = append(top.commas, i)
			}
		case token.CASE:
			if top != nil && top.kind == token.LBRACE {
				top.inCase = true
			}
		case token.COLON:
			if top != nil && top.kind == token.LBRACE {
				top.colonEndsCase, top.inCase = top.inCase, false
			}
		case token.SEMICOLON:
			// Arguments and indices cannot hold a statement end: a call
			// left open on an earlier line was abandoned.
			for len(stack) > 0 && stack[len(stack)-1].kind != token.LBRACE {
				stack = stack[:len(stack)-1]
			}
			if len(stack) > 0 {
				stack[len(stack)-1].inCase = false
			}
		}
	}
	return stack
}

// opening returns the opening bracket of a closing one.
func opening(t token.Token) token.Token {
	switch t {
	case token.RPAREN:
		return token.LPAREN
	case token.RBRACE:
		return token.LBRACE
	}
	return token.LBRACK
}

// switchTag reports whether the brace at toks[open] opens the body of
// switch x.StatusCode (or x.Code), and returns the selected name.
func switchTag(toks []tok, open int) (string, bool) {
	if open < 3 || toks[open-1].tok != token.IDENT || !isCodeField(toks[open-1].lit) || toks[open-2].tok != token.PERIOD {
		return "", false
	}
	depth := 0
	for i := open - 3; i >= 0; i-- {
		switch toks[i].tok {
		case token.SWITCH:
			if depth == 0 {
				return toks[open-1].lit, true
			}
		case token.RPAREN, token.RBRACK:
			depth++
		case token.LPAREN, token.LBRACK:
			depth--
			if depth < 0 {
				return "", false
			}
		case token.LBRACE, token.RBRACE:
			return "", false
		case token.SEMICOLON:
			if toks[i].lit == "\n" {
				return "", false
			}
		}
	}
	return "", false
}

// calleeBefore resolves the function called with the parenthesis at
// toks[open].
func calleeBefore(toks []tok, open int, imp *imports) (callee, bool) {
	if open < 1 || toks[open-1].tok != token.IDENT {
		return callee{}, false
	}
	name := toks[open-1].lit
	if open >= 2 && toks[open-2].tok == token.PERIOD {
		if open >= 3 && toks[open-3].tok == token.IDENT && (open < 4 || toks[open-4].tok != token.PERIOD) {
			return imp.packageCallee(toks[open-3].lit, name)
		}
		return callee{name: name, method: true, written: name}, true
	}
	if open >= 2 && toks[open-2].tok == token.FUNC {
		return callee{}, false // a declaration, not a call
	}
	return imp.bareCallee(name)
}

// codeArgs returns a function telling whether argument i of the call whose
// parenthesis is open at the cursor is a .Code or .StatusCode selector. The
// arguments before the cursor are in before, those after it in after.
func codeArgs(before []tok, f frame, after []tok) func(int) bool {
	cur := len(f.commas)
	return func(i int) bool {
		switch {
		case i < 0:
			return false
		case i < cur:
			lo := f.open + 1
			if i > 0 {
				lo = f.commas[i-1] + 1
			}
			return isCodeSelectorToks(before[lo:f.commas[i]])
		case i > cur:
			arg, ok := argAfter(after, i-cur)
			return ok && isCodeSelectorToks(arg)
		}
		return false
	}
}

// argAfter returns the tokens of the k-th argument after the one at the
// cursor, scanning after up to the call's closing parenthesis.
func argAfter(after []tok, k int) ([]tok, bool) {
	depth, lo := 0, -1
	for i, t := range after {
		switch t.tok {
		case token.LPAREN, token.LBRACE, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACE, token.RBRACK:
			if depth == 0 {
				if lo >= 0 {
					return after[lo:i], true
				}
				return nil, false
			}
			depth--
		case token.SEMICOLON:
			if depth == 0 {
				if lo >= 0 {
					return after[lo:i], true
				}
				return nil, false
			}
		case token.COMMA:
			if depth == 0 {
				if lo >= 0 {
					return after[lo:i], true
				}
				k--
				if k == 0 {
					lo = i + 1
				}
			}
		}
	}
	if lo >= 0 {
		return after[lo:], true
	}
	return nil, false
}

// isCodeSelectorToks reports whether ts is an expression ending in
// .StatusCode or .Code.
func isCodeSelectorToks(ts []tok) bool {
	n := len(ts)
	return n >= 3 && ts[n-1].tok == token.IDENT && isCodeField(ts[n-1].lit) && ts[n-2].tok == token.PERIOD
}
