package regfile

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// NotRegularError is the error for a file that is not a regular file.
type NotRegularError struct{ Mode fs.FileMode }

func (e *NotRegularError) Error() string {
	kind := "a special file"
	switch t := e.Mode.Type(); {
	case t&fs.ModeDir != 0:
		kind = "a directory"
	case t&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case t&fs.ModeSocket != 0:
		kind = "a socket"
	case t&fs.ModeDevice != 0:
		kind = "a device"
	}
	return "not a regular file (" + kind + ")"
}

// TooLargeError is the error for a file larger than the limit it was
// opened with; nothing of it was read.
type TooLargeError struct{ Size, Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%d bytes, more than the limit of %d", e.Size, e.Limit)
}

// Open opens the regular file at path for reading; a link is followed. It
// fails with a *NotRegularError or, when the file holds more than limit
// bytes, a *TooLargeError. The FileInfo is the open file's.
func Open(path string, limit int64) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = &NotRegularError{info.Mode()}
	}
	if err == nil && info.Size() > limit {
		err = &TooLargeError{info.Size(), limit}
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// ReadAll reads f, opened by Open with limit, whole. A file that grew past
// the limit since it was opened gives a *TooLargeError.
func ReadAll(f *os.File, info fs.FileInfo, limit int64) ([]byte, error) {
	// Room for the whole file and the read that finds its end, so that
	// the buffer is allocated once.
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	if n := int64(buf.Len()); n > limit {
		return nil, &TooLargeError{n, limit}
	}
	return buf.Bytes(), nil
}

// Read returns the contents of the regular file at path, as Open and
// ReadAll do.
func Read(path string, limit int64) ([]byte, fs.FileInfo, error) {
	f, info, err := Open(path, limit)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	data, err := ReadAll(f, info, limit)
	return data, info, err
}
