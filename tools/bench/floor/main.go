// Command floor links the libraries iopfit is built on (cobra, Bubble Tea v2
// and yaml.v3) and does nothing else: the cost those
// libraries set, which iopfit itself should add little to.
package main

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"
)

// keep makes the linker keep each library, as iopfit does.
var keep = []any{cobra.Command{}, tea.NewProgram, yaml.Unmarshal}

func main() {
	fmt.Println("hello", len(keep))
}
