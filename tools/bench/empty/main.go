// Command empty is the smallest Go program that prints: the baseline that
// iopfit's start-up and memory are measured against.
package main

import "fmt"

func main() {
	fmt.Println("hello")
}
