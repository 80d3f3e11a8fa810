// Package contrast is WCAG 2's contrast between two colours: how well text
// of one reads on the other.
package contrast

import (
	"image/color"
	"math"
)

// AA is the contrast WCAG 2 asks of body text (level AA).
const AA = 4.5

// Luminance is WCAG 2's relative luminance of c, from 0 (black) to 1.
func Luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// Ratio is WCAG 2's contrast ratio of a and b, from 1 to 21.
func Ratio(a, b color.Color) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
