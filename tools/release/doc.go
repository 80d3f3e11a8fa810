// Package release holds the test of iopfit's release configuration
// (.goreleaser.yaml), which `make test` runs in place of `goreleaser check`:
// that needs goreleaser itself, a large build that CI need not pay for.
// `make release-snapshot` runs the real check and build.
package release
