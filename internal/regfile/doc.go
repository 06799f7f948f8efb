// Package regfile opens and reads files whose names come from users or
// from a directory walk, and so may be anything: a FIFO that blocks a read
// for ever, a link to /dev/zero that never ends, a file of gigabytes. Only
// regular files are read, opened without blocking and checked on the open
// descriptor (so that a FIFO put in a file's place after a check cannot
// block either), and never beyond a size given by the caller. The server
// (its configuration file) and the command line (configuration, .gitignore
// files, the files it checks) read through it.
package regfile
