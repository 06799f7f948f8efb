// walk.go defines walker: the files `check` analyses, found from its
// PATH arguments.

package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
	"github.com/httpcode-lsp/httpcode-lsp/internal/regfile"
)

// skipDirs are never entered.
var skipDirs = map[string]bool{".git": true, "vendor": true, "node_modules": true}

// testdataDir is not entered unless --include-testdata: as for Go tools,
// it holds fixtures, often wrong on purpose.
const testdataDir = "testdata"

// walkOptions are check's flags for the walk.
type walkOptions struct {
	// excludes are the --exclude patterns.
	excludes []string
	// gitignore is false with --no-gitignore; testdata is true with
	// --include-testdata.
	gitignore, testdata bool
}

// target is one file to analyse.
type target struct {
	// display is the path as printed: the argument joined with the path
	// below it, so relative arguments give relative paths.
	display string
	abs     string
	// link is set for a symbolic link found in a directory walk: --fix
	// does not write through it, as its target may be outside the paths
	// given.
	link bool
}

// quoteName returns a path as printed. A name that holds a character that
// is not printable (a newline would forge a line of output), is not UTF-8,
// or starts with a double quote is quoted as Go tools quote such names,
// strconv.Quote's way; any other is printed as it is.
func quoteName(name string) string {
	if utf8.ValidString(name) && !strings.HasPrefix(name, `"`) &&
		strings.IndexFunc(name, func(r rune) bool { return !strconv.IsPrint(r) }) < 0 {
		return name
	}
	return strconv.Quote(name)
}

// walker collects targets.
type walker struct {
	cwd string
	// exclude holds the --exclude patterns, parsed, relative to cwd; they
	// apply after every .gitignore.
	exclude *ignoreFile
	walkOptions

	files []target
	errs  []error
	// notes say what was left out that the user may expect checked or
	// read: a file named explicitly that check does not read, a
	// .gitignore that is a link.
	notes []string
	seen  map[string]bool
}

func newWalker(cwd string, opts walkOptions) *walker {
	w := &walker{cwd: cwd, walkOptions: opts, seen: map[string]bool{}}
	if len(opts.excludes) > 0 {
		w.exclude = parseIgnore(cwd, []byte(strings.Join(opts.excludes, "\n")))
	}
	return w
}

// add collects the files of one PATH argument. A file named explicitly is
// analysed whatever the ignore rules say, if it is Go, YAML or JSON; a
// directory is walked.
func (w *walker) add(arg string) {
	abs := arg
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(w.cwd, arg)
	}
	abs = filepath.Clean(abs)
	info, err := os.Stat(abs)
	if err != nil {
		w.fail(arg, err)
		return
	}
	if !info.IsDir() {
		display := filepath.Clean(arg)
		switch {
		case !info.Mode().IsRegular():
			w.note(display, (&regfile.NotRegularError{Mode: info.Mode()}).Error())
		case filepath.Base(abs) == config.FileName:
			w.note(display, "it is the configuration, which check reads as such")
		case !analysable(abs):
			w.note(display, "check reads .go, .yaml, .yml and .json files only")
		default:
			w.addFile(display, abs, false)
		}
		return
	}
	w.walkDir(abs, filepath.Clean(arg), w.ancestorIgnores(abs))
}

// analysable tells whether a file goes to the analysis: Go, YAML or
// JSON, and not the configuration file itself (which the editor does not
// analyse either).
func analysable(name string) bool {
	base := filepath.Base(name)
	return base != config.FileName && analysis.LanguageOf("", base) != analysis.Unknown
}

func (w *walker) addFile(display, abs string, link bool) {
	if w.seen[abs] {
		return
	}
	w.seen[abs] = true
	w.files = append(w.files, target{display: display, abs: abs, link: link})
}

// note records why a file the user may expect checked or read is not.
func (w *walker) note(display, why string) {
	w.notes = append(w.notes, fmt.Sprintf("%s: not checked: %s", quoteName(display), why))
}

// fail records an I/O error.
func (w *walker) fail(display string, err error) {
	w.errs = append(w.errs, fileError(display, err))
}

// fileError names the path as the user sees it (display) in an I/O error,
// in place of the absolute path an *fs.PathError holds.
func fileError(display string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w", quoteName(display), err)
}

// walkDir walks dir, whose .gitignore files above it are in ignores.
func (w *walker) walkDir(dir, display string, ignores []*ignoreFile) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.fail(display, err)
		// ReadDir returns what it read before the error.
	}
	if gi := w.loadIgnore(dir, display); gi != nil {
		ignores = append(ignores[:len(ignores):len(ignores)], gi)
	}
	for _, e := range entries {
		name := e.Name()
		abs, disp := filepath.Join(dir, name), filepath.Join(display, name)
		typ := e.Type()
		link := typ&fs.ModeSymlink != 0
		if link {
			// Links to files are followed, links to directories are not
			// (a link can make a cycle); a dangling link to an analysable
			// name is a file that cannot be read.
			info, err := os.Stat(abs)
			if err != nil {
				if analysable(name) && !w.ignored(ignores, abs, false) {
					if dest, lerr := os.Readlink(abs); lerr == nil && errors.Is(err, fs.ErrNotExist) {
						err = fmt.Errorf("link to %s, which does not exist", dest)
					}
					w.fail(disp, err)
				}
				continue
			}
			if info.IsDir() {
				continue
			}
			typ = info.Mode().Type()
		}
		if typ.IsDir() {
			if skipDirs[name] || (name == testdataDir && !w.testdata) || w.ignored(ignores, abs, true) {
				continue
			}
			w.walkDir(abs, disp, ignores)
			continue
		}
		// FIFOs, sockets and devices could block or never end.
		if !typ.IsRegular() || !analysable(name) || w.ignored(ignores, abs, false) {
			continue
		}
		w.addFile(disp, abs, link)
	}
}

func (w *walker) ignored(ignores []*ignoreFile, abs string, isDir bool) bool {
	if ignoredBy(ignores, abs, isDir) {
		return true
	}
	return w.exclude != nil && ignoredBy([]*ignoreFile{w.exclude}, abs, isDir)
}

// maxIgnoreSize bounds a .gitignore file; a larger one is an error, not
// read.
const maxIgnoreSize = 1 << 20

// loadIgnore reads dir's .gitignore; nil when there is none. As git does,
// a .gitignore that is a symbolic link is not followed (git refuses it
// since 2.32): a note says so, and the walk goes on without it.
func (w *walker) loadIgnore(dir, display string) *ignoreFile {
	if !w.gitignore {
		return nil
	}
	path, disp := filepath.Join(dir, ".gitignore"), filepath.Join(display, ".gitignore")
	info, err := os.Lstat(path)
	if err == nil && info.Mode()&fs.ModeSymlink != 0 {
		w.notes = append(w.notes, quoteName(disp)+": not read: a symbolic link, which git does not follow either")
		return nil
	}
	var data []byte
	if err == nil {
		data, _, err = regfile.Read(path, maxIgnoreSize)
	}
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			w.fail(disp, err)
		}
		return nil
	}
	return parseIgnore(dir, data)
}

// ancestorIgnores reads the .gitignore files of the directories above dir
// that belong to the same work tree: up to the nearest one holding .git,
// or, outside a repository, up to the working directory when dir is
// inside it.
func (w *walker) ancestorIgnores(dir string) []*ignoreFile {
	if !w.gitignore {
		return nil
	}
	var chain []string // from dir's parent upwards
	top := ""
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			top = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
		chain = append(chain, d)
	}
	if top == "" {
		// No repository: stop at the working directory, if it is above.
		chain = chain[:0]
		if rel, err := filepath.Rel(w.cwd, dir); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
			for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
				chain = append(chain, d)
				if d == w.cwd || filepath.Dir(d) == d {
					break
				}
			}
		}
	}
	var out []*ignoreFile
	for i := len(chain) - 1; i >= 0; i-- {
		if gi := w.loadIgnore(chain[i], chain[i]); gi != nil {
			out = append(out, gi)
		}
	}
	return out
}
