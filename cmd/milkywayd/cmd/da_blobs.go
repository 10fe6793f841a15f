package cmd

import "github.com/spf13/cobra"

// flagDARawBlobs turns off the compression envelope (da/blobenc, ADR 003)
// on what the sequencer posts.
const flagDARawBlobs = "rollup.da_raw_blobs"

func addDABlobFlags(cmd *cobra.Command) {
	cmd.Flags().Bool(flagDARawBlobs, false,
		"sequencer: post blocks without zstd compression (about 4x more DA bytes under load). "+
			"For a rollout: full nodes read both forms, but nodes from before compression read only raw blocks, "+
			"so run the sequencer with this flag until every full node is upgraded (ignored on full nodes)")
}
