// Command lspbench measures httpcode-lsp the way an editor uses it and
// prints one Markdown table: the built server binary is driven over its
// stdio with a minimal LSP client, and `httpcode-lsp check` is run on the
// same files. Baselines are measured in the same run, so that numbers
// from a noisy machine compare as ratios: a bare yaml.v3 parse of each
// file's bytes, and `redocly lint` where its binary is given.
//
// bench/run.sh prepares the inputs and calls it; `--smoke` runs the small
// file only, and a small JSON spec to type keys into, with fewer requests
// and a smaller spec analysed while the small file is hovered, for the
// default tests.
package main
