//go:build unix

// owner_unix.go keeps a fixed file's owner and group when the fixing user
// may set them (root fixing another user's file).

package cli

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives f the owner and group of the file described by info;
// best effort, as an unprivileged user cannot, and needs not: the file is
// already theirs.
func keepOwner(f *os.File, info fs.FileInfo) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		_ = f.Chown(int(st.Uid), int(st.Gid))
	}
}
