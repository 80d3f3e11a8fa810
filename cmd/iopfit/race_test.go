//go:build race

package main

// raceEnabled is true when the tests run under -race; the binaries they drive
// are then built with it too, so that the real-terminal and process tests run
// the race detector over the code a person runs.
const raceEnabled = true
