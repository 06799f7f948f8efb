package specgen

import (
	"encoding/json"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// OpenAPI returns an OpenAPI 3.0 YAML document of about lines lines: path
// items with a GET (200 with content, 404 through $ref) and a DELETE (204,
// 4XX, default), and non-ASCII text in descriptions.
func OpenAPI(lines int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo:\n  title: Generated\n  version: '1'\npaths:\n")
	n := strings.Count(b.String(), "\n")
	for i := 0; n < lines; i++ {
		item := fmt.Sprintf(pathItem, i)
		n += strings.Count(item, "\n")
		b.WriteString(item)
	}
	b.WriteString("components:\n  responses:\n    NotFound:\n      description: Not found\n")
	return []byte(b.String())
}

const pathItem = `  /items%[1]d/{id}:
    parameters:
      - name: id
        in: path
        required: true
        schema:
          type: string
    get:
      operationId: getItem%[1]d
      responses:
        '200':
          description: The item é
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Item'
        '404':
          $ref: '#/components/responses/NotFound'
    delete:
      responses:
        '204':
          description: Deleted
        4XX:
          description: Client error
        default:
          description: Unexpected
`

// JSON re-encodes a YAML document as indented JSON.
func JSON(yamlSrc []byte) []byte {
	var v any
	if err := yaml.Unmarshal(yamlSrc, &v); err != nil {
		panic(fmt.Sprintf("specgen: generated YAML does not parse: %v", err))
	}
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(fmt.Sprintf("specgen: %v", err))
	}
	return out
}

// Go returns a Go file of about lines lines: handlers that write status
// codes as constants and as numbers.
func Go(lines int) []byte {
	var b strings.Builder
	b.WriteString("package handlers\n\nimport \"net/http\"\n")
	for i, n := 0, 3; n < lines; i++ {
		block := fmt.Sprintf(`
// handle%[1]d serves item %[1]d.
func handle%[1]d(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Query().Get("id") == "" {
		w.WriteHeader(404)
		return
	}
	w.WriteHeader(http.StatusOK)
	w.Write([]byte("item %[1]d"))
}
`, i)
		b.WriteString(block)
		n += strings.Count(block, "\n")
	}
	return []byte(b.String())
}
