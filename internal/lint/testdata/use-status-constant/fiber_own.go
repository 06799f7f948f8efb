// Inside fiber itself the constants are bare; their declarations are
// left alone.
package fiber

const (
	StatusOK      = 200
	StatusCreated = 201
)

func (c *Ctx) ok() error {
	return c.SendStatus(204) // want "use-status-constant: use StatusNoContent instead of 204"
}
