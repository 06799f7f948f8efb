// walk.go defines walker: the files `check` analyses, found from its
// PATH arguments.

package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/httpcode-lsp/httpcode-lsp/internal/analysis"
	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
)

// skipDirs are never entered.
var skipDirs = map[string]bool{".git": true, "vendor": true, "node_modules": true}

// target is one file to analyse.
type target struct {
	// display is the path as printed: the argument joined with the path
	// below it, so relative arguments give relative paths.
	display string
	abs     string
}

// walker collects targets.
type walker struct {
	cwd string
	// exclude holds the --exclude patterns, relative to cwd; they apply
	// after every .gitignore.
	exclude *ignoreFile
	// gitignore is false with --no-gitignore.
	gitignore bool

	files []target
	errs  []error
	seen  map[string]bool
}

func newWalker(cwd string, excludes []string, gitignore bool) *walker {
	w := &walker{cwd: cwd, gitignore: gitignore, seen: map[string]bool{}}
	if len(excludes) > 0 {
		w.exclude = parseIgnore(cwd, []byte(strings.Join(excludes, "\n")))
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
		if info.Mode().IsRegular() && analysable(abs) {
			w.addFile(filepath.Clean(arg), abs)
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

func (w *walker) addFile(display, abs string) {
	if w.seen[abs] {
		return
	}
	w.seen[abs] = true
	w.files = append(w.files, target{display: display, abs: abs})
}

// fail records an I/O error, naming the path as the user sees it.
func (w *walker) fail(display string, err error) {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	w.errs = append(w.errs, fmt.Errorf("%s: %w", display, err))
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
		if typ&fs.ModeSymlink != 0 {
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
			if skipDirs[name] || w.ignored(ignores, abs, true) {
				continue
			}
			w.walkDir(abs, disp, ignores)
			continue
		}
		// FIFOs, sockets and devices could block or never end.
		if !typ.IsRegular() || !analysable(name) || w.ignored(ignores, abs, false) {
			continue
		}
		w.addFile(disp, abs)
	}
}

func (w *walker) ignored(ignores []*ignoreFile, abs string, isDir bool) bool {
	if ignoredBy(ignores, abs, isDir) {
		return true
	}
	return w.exclude != nil && ignoredBy([]*ignoreFile{w.exclude}, abs, isDir)
}

// loadIgnore reads dir's .gitignore; nil when there is none.
func (w *walker) loadIgnore(dir, display string) *ignoreFile {
	if !w.gitignore {
		return nil
	}
	data, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			w.fail(filepath.Join(display, ".gitignore"), err)
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
