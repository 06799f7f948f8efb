// modpath.go: the module path of an import path, for the packages that
// name imports as this one does (internal/routes).

package golang

// StripMajor drops a trailing major-version element of an import path,
// github.com/labstack/echo/v4 -> github.com/labstack/echo: the package's
// name is the element before it.
func StripMajor(importPath string) string { return stripMajor(importPath) }
