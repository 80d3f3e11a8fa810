// goreleaser, pinned apart from iopfit's own go.mod: its hundreds of
// modules would otherwise sit in the module graph of every build and test.
// make release-snapshot runs it with go tool -modfile=tools/goreleaser/go.mod.
module github.com/iopfit/iopfit/tools/goreleaser

go 1.26.8
