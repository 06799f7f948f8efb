module github.com/httpcode-lsp/httpcode-lsp/bench/gorecall/stdlibvars

go 1.24

require (
	github.com/sashamelentyev/usestdlibvars v1.29.0
	golang.org/x/tools v0.33.0
)
