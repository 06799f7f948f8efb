package lint

import (
	"bytes"
	"go/format"
	"strings"
	"testing"
)

// The import edit gives what gofmt leaves alone.
func TestImportEdit(t *testing.T) {
	const use = "\nfunc h(w interface{ WriteHeader(int) }) { w.WriteHeader(200) }\n"
	cases := []struct {
		name, src, want string
	}{
		{"none", "package p\n" + use,
			"package p\n\nimport \"net/http\"\n" + use},
		{"single", "package p\n\nimport \"github.com/gin-gonic/gin\"\n\nvar _ gin.H\n" + use,
			"package p\n\nimport \"net/http\"\n\nimport \"github.com/gin-gonic/gin\"\n\nvar _ gin.H\n" + use},
		{"block, no std", "package p\n\nimport (\n\t\"github.com/gin-gonic/gin\"\n)\n\nvar _ gin.H\n" + use,
			"package p\n\nimport (\n\t\"net/http\"\n\n\t\"github.com/gin-gonic/gin\"\n)\n\nvar _ gin.H\n" + use},
		{"std first", "package p\n\nimport (\n\t\"os\"\n\t\"strings\"\n)\n\nvar _, _ = os.Exit, strings.Cut\n" + use,
			"package p\n\nimport (\n\t\"net/http\"\n\t\"os\"\n\t\"strings\"\n)\n\nvar _, _ = os.Exit, strings.Cut\n" + use},
		{"std middle", "package p\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nvar _, _ = fmt.Sprint, strings.Cut\n" + use,
			"package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\t\"strings\"\n)\n\nvar _, _ = fmt.Sprint, strings.Cut\n" + use},
		{"std last", "package p\n\nimport (\n\t\"fmt\"\n\n\t\"github.com/x/y\"\n)\n\nvar _, _ = fmt.Sprint, y.Z\n" + use,
			"package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\n\t\"github.com/x/y\"\n)\n\nvar _, _ = fmt.Sprint, y.Z\n" + use},
		{"mixed group sorts by path", "package p\n\nimport (\n\t\"fmt\"\n\t\"github.com/x/y\"\n)\n\nvar _, _ = fmt.Sprint, y.Z\n" + use,
			"package p\n\nimport (\n\t\"fmt\"\n\t\"github.com/x/y\"\n\t\"net/http\"\n)\n\nvar _, _ = fmt.Sprint, y.Z\n" + use},
		{"doc comment", "package p\n\nimport (\n\t\"fmt\"\n\t// strings for Cut\n\t\"strings\"\n)\n\nvar _, _ = fmt.Sprint, strings.Cut\n" + use,
			"package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\t// strings for Cut\n\t\"strings\"\n)\n\nvar _, _ = fmt.Sprint, strings.Cut\n" + use},
		{"http taken", "package p\n\nimport (\n\t\"os\"\n\n\thttp \"example.com/h\"\n)\n\nvar _, _ = os.Exit, http.X\n" + use,
			"package p\n\nimport (\n\tnethttp \"net/http\"\n\t\"os\"\n\n\thttp \"example.com/h\"\n)\n\nvar _, _ = os.Exit, http.X\n" + use},
		{"crlf", "package p\r\n\r\nimport (\r\n\t\"fmt\"\r\n)\r\n\r\nvar _ = fmt.Sprint\r\n" + strings.ReplaceAll(use, "\n", "\r\n"),
			"package p\r\n\r\nimport (\r\n\t\"fmt\"\r\n\t\"net/http\"\r\n)\r\n\r\nvar _ = fmt.Sprint\r\n" + strings.ReplaceAll(use, "\n", "\r\n")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.src)
			fs := findingsOf(lintGo(src, Options{}), "use-status-constant")
			if len(fs) != 1 || len(fs[0].Fixes) != 1 || !fs[0].Fixes[0].Safe {
				t.Fatalf("findings %+v", fs)
			}
			got, err := Apply(src, fs[0].Fixes[0].Edits)
			if err != nil {
				t.Fatal(err)
			}
			want := strings.Replace(c.want, "WriteHeader(200)", "WriteHeader("+strings.TrimPrefix(fs[0].Message, "use ")[:len(fs[0].Message)-len("use ")-len(" instead of 200")]+")", 1)
			if string(got) != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			if !strings.Contains(c.src, "\r") {
				if f, err := format.Source(got); err != nil || !bytes.Equal(f, got) {
					t.Errorf("not gofmt-clean (%v):\n%s", err, f)
				}
			}
		})
	}
}

// A file with a syntax error still gets the fix, but not as a safe one.
func TestImportEditBrokenFile(t *testing.T) {
	src := []byte("package p\n\nfunc h(w interface{ WriteHeader(int) }) {\n\tw.WriteHeader(200)\n\tx :=\n}\n")
	fs := findingsOf(lintGo(src, Options{}), "use-status-constant")
	if len(fs) != 1 {
		t.Fatalf("findings %+v", fs)
	}
	for _, fx := range fs[0].Fixes {
		if fx.Safe {
			t.Errorf("fix %q on a broken file is safe", fx.Title)
		}
	}
}
