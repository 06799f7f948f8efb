//go:build unix

package regfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A FIFO, a link to /dev/zero and a file over the limit are refused at
// once, nothing read; a regular file within the limit is read whole.
func TestRead(t *testing.T) {
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	if err := syscall.Mkfifo(path("fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", path("zero")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path("big"), make([]byte, 101), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path("small"), []byte("rules: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("small", path("link")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, want string
	}{
		{"fifo", "not a regular file (a named pipe)"},
		{"zero", "not a regular file (a device)"},
		{".", "not a regular file (a directory)"},
		{"big", "101 bytes, more than the limit of 100"},
	} {
		started := time.Now()
		data, _, err := Read(path(tc.name), 100)
		if err == nil || err.Error() != tc.want || data != nil {
			t.Errorf("%s: %q, %v; want the error %q", tc.name, data, err, tc.want)
		}
		if d := time.Since(started); d > time.Second {
			t.Errorf("%s: took %v", tc.name, d)
		}
	}
	var tooLarge *TooLargeError
	if _, _, err := Read(path("big"), 100); !errors.As(err, &tooLarge) || tooLarge.Size != 101 {
		t.Errorf("big: %#v, want a *TooLargeError of 101 bytes", err)
	}
	for _, name := range []string{"small", "link"} {
		data, info, err := Read(path(name), 100)
		if err != nil || string(data) != "rules: {}\n" || info.Size() != 10 {
			t.Errorf("%s: %q, %v", name, data, err)
		}
	}
}

// A file that grows past the limit between the check on open and the read
// is cut off, not read whole.
func TestReadAllGrown(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(p, make([]byte, 10), 0o644); err != nil {
		t.Fatal(err)
	}
	f, info, err := Open(p, 100)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := os.WriteFile(p, make([]byte, 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	var tooLarge *TooLargeError
	if _, err := ReadAll(f, info, 100); !errors.As(err, &tooLarge) || tooLarge.Size != 101 {
		t.Errorf("%v, want a *TooLargeError after 101 bytes", err)
	}
}
