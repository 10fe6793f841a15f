package cmd

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/spf13/cobra"
)

// flagSequencerRPC names the sequencer a full node forwards transactions to.
const flagSequencerRPC = "rollup.sequencer_rpc"

func addForwardingFlag(cmd *cobra.Command) {
	cmd.Flags().String(flagSequencerRPC, "",
		"full node: the sequencer's RPC (tcp:// or http://host:port) that broadcast_tx_* calls made to this node are forwarded to; "+
			"without it a full node refuses transactions with an error saying so (ignored on the sequencer)")
}

// sequencerRPCURL turns the flag's value into the http:// base URL the
// forwarder posts to; empty stays empty (forwarding off).
func sequencerRPCURL(value string) (string, error) {
	if value == "" {
		return "", nil
	}
	u, err := url.Parse(value)
	if err == nil && u.Scheme == "tcp" {
		u.Scheme = "http"
	}
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") || (u.Path != "" && u.Path != "/") {
		return "", fmt.Errorf("--%s %q must look like tcp://host:port or http://host:port (the sequencer's --rpc.laddr)", flagSequencerRPC, value)
	}
	return strings.TrimSuffix(u.String(), "/"), nil
}
