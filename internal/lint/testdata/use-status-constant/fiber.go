// A fiber handler: fiber declares the constants, so the fix uses them and
// adds no net/http import beside fiber's.
package handlers

import "github.com/gofiber/fiber/v2"

func get(c *fiber.Ctx) error {
	if c.Response().StatusCode() >= 400 { // a class boundary, not 400 Bad Request
		return nil
	}
	if c.Query("legacy") != "" {
		return c.SendStatus(203) // want "use-status-constant: use fiber.StatusNonAuthoritativeInformation instead of 203"
	}
	return c.Status(201).JSON(nil) // want "use-status-constant: use fiber.StatusCreated instead of 201"
}
