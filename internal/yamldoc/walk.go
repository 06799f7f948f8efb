// walk.go: bounded traversal. Nothing here follows an alias further than
// one hop, and nothing descends deeper than MaxDepth, so that a document
// of nested aliases (a "billion laughs") or of 10,000 nested brackets
// costs time linear in its size and no stack.

package yamldoc

// MaxDepth bounds how deep Walk and the range helpers descend.
const MaxDepth = 1000

// Visit is a node reached by Walk.
type Visit struct {
	Node *Node
	// Key is the mapping key whose value Node is; nil for a sequence
	// item, a mapping key and the root.
	Key *Node
	// Parent is the visit of the collection holding Node, nil at the
	// root. Following Parent links climbs the path to the root.
	Parent *Visit
	Depth  int
}

// ParentKey returns the key under which the collection holding v stands:
// for the value of `b` in `a: {b: 1}` it is `a`; for an item of a list
// it is the list's key. Nil at the top.
func (v Visit) ParentKey() *Node {
	if v.Parent == nil {
		return nil
	}
	return v.Parent.Key
}

// Walk calls fn for root and every node below it, in document order,
// mapping keys included (with Key nil). Returning false from fn skips the
// node's children. Aliases are visited but not followed; nodes deeper
// than MaxDepth are not visited.
func Walk(root *Node, fn func(v Visit) bool) {
	if root == nil {
		return
	}
	stack := []Visit{{Node: root}}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !fn(v) || v.Depth >= MaxDepth {
			continue
		}
		n := v.Node
		if len(n.Content) == 0 || n.Kind == AliasNode {
			continue
		}
		parent := &Visit{Node: n, Key: v.Key, Parent: v.Parent, Depth: v.Depth}
		// Push in reverse so that children pop in document order.
		for i := len(n.Content) - 1; i >= 0; i-- {
			c := Visit{Node: n.Content[i], Parent: parent, Depth: v.Depth + 1}
			if n.Kind == MappingNode && i%2 == 1 {
				c.Key = n.Content[i-1]
			}
			stack = append(stack, c)
		}
	}
}

// walkNodes is Walk for a caller that needs only the nodes: it makes no
// Visit of each collection, which for a YAML spec of 100,000 operations
// were six times the text's size in garbage.
func walkNodes(root *Node, fn func(n *Node) bool) {
	type entry struct {
		n     *Node
		depth int
	}
	if root == nil {
		return
	}
	stack := []entry{{root, 0}}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !fn(e.n) || e.depth >= MaxDepth || e.n.Kind == AliasNode {
			continue
		}
		for i := len(e.n.Content) - 1; i >= 0; i-- {
			stack = append(stack, entry{e.n.Content[i], e.depth + 1})
		}
	}
}

// Deref returns the node an alias stands for (n itself if it is no
// alias), nil for an alias to nothing.
func Deref(n *Node) *Node {
	for i := 0; n != nil && n.Kind == AliasNode && i < 8; i++ {
		n = n.Alias()
	}
	if n != nil && n.Kind == AliasNode {
		return nil
	}
	return n
}

// Get returns the key and the value (alias resolved) of the entry named
// key in mapping m, looking into merged mappings (<<: *base) when m has
// no such entry itself. It returns nils when there is none or m is not a
// mapping.
func Get(m *Node, key string) (k, v *Node) {
	return get(Deref(m), key, 0)
}

func get(m *Node, key string, depth int) (k, v *Node) {
	if m == nil || m.Kind != MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if kn := m.Content[i]; kn.Kind == ScalarNode && kn.Value == key && kn.Tag() != "!!merge" {
			return kn, Deref(m.Content[i+1])
		}
	}
	if depth >= 4 {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if !IsMerge(m.Content[i]) {
			continue
		}
		src := Deref(m.Content[i+1])
		if src == nil {
			continue
		}
		if src.Kind == SequenceNode {
			for _, s := range src.Content {
				if k, v := get(Deref(s), key, depth+1); k != nil {
					return k, v
				}
			}
			continue
		}
		if k, v := get(src, key, depth+1); k != nil {
			return k, v
		}
	}
	return nil, nil
}

// IsMerge reports whether a mapping key is the merge key <<.
func IsMerge(k *Node) bool {
	return k.Kind == ScalarNode && k.Value == "<<" && (k.Tag() == "!!merge" || k.Tag() == "")
}

// Scalar returns the value of n if it is a scalar (alias resolved).
func Scalar(n *Node) (string, bool) {
	n = Deref(n)
	if n == nil || n.Kind != ScalarNode {
		return "", false
	}
	return n.Value, true
}
