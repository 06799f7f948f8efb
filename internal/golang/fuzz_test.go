package golang

import "testing"

// The seed corpora under testdata/fuzz hold the fixtures of the table tests
// (markers removed) and a few broken files.

func FuzzScan(f *testing.F) {
	f.Add([]byte("package p\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(404) }\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		checkScan(t, src)
	})
}

func FuzzCompletionAt(f *testing.F) {
	f.Add([]byte("package p\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) { w.WriteHeader(40) }\n"), 64)
	f.Fuzz(func(t *testing.T, src []byte, offset int) {
		checkCompletion(t, src, offset)
	})
}
