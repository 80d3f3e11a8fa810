//go:build !linux

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "bench: make bench measures on Linux only (it drives a pseudo-terminal and reads the kernel's resource counts)")
	os.Exit(2)
}
