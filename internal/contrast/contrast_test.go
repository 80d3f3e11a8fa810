package contrast

import (
	"image/color"
	"math"
	"testing"
)

// TestRatio checks WCAG 2's own reference points.
func TestRatio(t *testing.T) {
	tests := []struct {
		a, b color.Color
		want float64
	}{
		{color.Black, color.White, 21},
		{color.White, color.White, 1},
		{color.RGBA{0x76, 0x76, 0x76, 0xff}, color.White, 4.54},
		{color.White, color.RGBA{0x76, 0x76, 0x76, 0xff}, 4.54},
		{color.RGBA{0xc0, 0xc0, 0xc0, 0xff}, color.RGBA{0x00, 0x5f, 0xaf, 0xff}, 3.55},
	}
	for _, tt := range tests {
		if got := Ratio(tt.a, tt.b); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("Ratio(%v, %v) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}
