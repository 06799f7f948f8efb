// path.go: route paths written one way. Frameworks spell a parameter
// :id, {id}, {id:[0-9]+} or <id>, and a wildcard *, *rest or {rest...};
// OpenAPI spells a parameter {id}. A normalised path spells parameters
// {name} and a trailing wildcard {*}.

package routes

import "strings"

// Wildcard is the last segment of a normalised path that matches any rest.
const Wildcard = "{*}"

// Normalize writes a router's path pattern the normalised way: no trailing
// slash (but "/"), parameters {name}, a wildcard {*}. The end anchor of
// net/http ({$}) is dropped.
func Normalize(p string) string {
	segs := strings.Split(strings.Trim(p, "/"), "/")
	out := make([]string, 0, len(segs))
	for _, s := range segs {
		switch {
		case s == "" || s == "{$}":
			continue
		case s[0] == ':':
			s = "{" + paramName(s[1:]) + "}"
		case s[0] == '*':
			s = Wildcard
		case strings.HasPrefix(s, "{") && strings.HasSuffix(s, "...}"):
			s = Wildcard
		case s[0] == '{' && s[len(s)-1] == '}':
			s = "{" + paramName(s[1:len(s)-1]) + "}"
		case s[0] == '<' && s[len(s)-1] == '>':
			s = "{" + paramName(s[1:len(s)-1]) + "}"
		}
		out = append(out, s)
		if s == Wildcard {
			break
		}
	}
	return "/" + strings.Join(out, "/")
}

// paramName cuts a parameter's pattern or type (id:[0-9]+, id:int, id?)
// from its name.
func paramName(s string) string {
	if i := strings.IndexAny(s, ":?"); i >= 0 {
		s = s[:i]
	}
	return s
}

// Join appends a route's path to a group's prefix.
func Join(prefix, p string) string {
	if prefix == "" {
		return p
	}
	if p == "" || p == "/" {
		return prefix
	}
	return strings.TrimSuffix(prefix, "/") + "/" + strings.TrimPrefix(p, "/")
}

// Key is the path with every parameter's name dropped ({}), for matching
// paths that name their parameters differently.
func Key(normalized string) string {
	segs := strings.Split(normalized, "/")
	for i, s := range segs {
		if s != Wildcard && strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			segs[i] = "{}"
		}
	}
	return strings.Join(segs, "/")
}

// Match reports whether a normalised route path serves a normalised
// OpenAPI path: the same segments, a parameter matching a parameter
// whatever their names, and a route's trailing wildcard matching any rest
// (none included).
func Match(route, spec string) bool {
	r := strings.Split(Key(route), "/")
	s := strings.Split(Key(spec), "/")
	for i, seg := range r {
		if seg == Wildcard {
			return true
		}
		if i >= len(s) || seg != s[i] {
			return false
		}
	}
	return len(r) == len(s)
}

// SplitPattern reads a net/http 1.22 pattern, "[METHOD ][HOST]/PATH", into
// its method ("" for any) and path.
func SplitPattern(p string) (method, path string) {
	p = strings.TrimSpace(p)
	if i := strings.IndexAny(p, " \t"); i >= 0 {
		method, p = p[:i], strings.TrimSpace(p[i+1:])
	}
	if i := strings.IndexByte(p, '/'); i > 0 {
		p = p[i:] // a host
	}
	return method, p
}
