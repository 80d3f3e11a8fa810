package cli

import (
	"bytes"
	"io"

	"github.com/spf13/cobra"
)

// bashFallback stands in for the bash-completion package's
// _get_comp_words_by_ref, which cobra's bash script calls, where that
// package is not installed (a minimal server, a new Mac's bash): without
// it, every Tab printed "command not found". The words are then taken as
// bash split them, which is all iopfit's flags and values need.
const bashFallback = `# iopfit: without the bash-completion package, a minimal stand-in for
# its _get_comp_words_by_ref, so that completion still works.
if ! declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
_get_comp_words_by_ref() {
    while [ $# -gt 0 ]; do
        case "$1" in
            -n) shift ;;
            cur) cur=${COMP_WORDS[COMP_CWORD]} ;;
            prev) prev=${COMP_WORDS[COMP_CWORD-1]} ;;
            words) words=("${COMP_WORDS[@]}") ;;
            cword) cword=$COMP_CWORD ;;
        esac
        shift
    done
}
fi

`

// BashCompletion writes the bash completion script for root: cobra's, after
// a stand-in for what it needs from the bash-completion package, for where
// that is not installed.
func BashCompletion(root *cobra.Command, w io.Writer, descriptions bool) error {
	var b bytes.Buffer
	if err := root.GenBashCompletionV2(&b, descriptions); err != nil {
		return err
	}
	if _, err := io.WriteString(w, bashFallback); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}
