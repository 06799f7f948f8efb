//go:build !unix

// owner_other.go: files have no Unix owner to keep here.

package cli

import (
	"io/fs"
	"os"
)

func keepOwner(*os.File, fs.FileInfo) {}
