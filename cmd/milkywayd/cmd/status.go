package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/rollupnode"
)

// rollupStatusCmd prints a node's /sequencer_status: latest height,
// DA-included height, blocks pending DA and whether it halted for fraud.
func rollupStatusCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rollup-status",
		Short: "Show a node's latest height, DA-included height, blocks pending DA and any fraud halt",
		Long: `Query GET /sequencer_status on a node's RPC port.

latest_height       the last block the node executed
da_included_height  sequencer: last block the DA accepted; full node: highest block read from DA
pending_blocks      sequencer only: blocks produced but not yet on DA
fraud_halt          only when the node found sequencer fraud and stopped following
                    the sequencer: halt_height (first height it no longer applies),
                    reports, highest_withheld_height, reports_path (GET it for the
                    reports). A warning line on stderr says so too.`,
		Example: "milkywayd rollup-status --node tcp://127.0.0.1:26657",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			node, _ := cmd.Flags().GetString(flags.FlagNode)
			url := "http://" + strings.TrimPrefix(strings.TrimPrefix(node, "tcp://"), "http://") + rollupnode.StatusPath
			client := http.Client{Timeout: 5 * time.Second}
			resp, err := client.Get(url)
			if err != nil {
				return fmt.Errorf("cannot reach %s: %w; is the node running (milkywayd start) and --node right?", url, err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				return err
			}
			if resp.StatusCode != http.StatusOK {
				return fmt.Errorf("%s answered %s: %s", url, resp.Status, strings.TrimSpace(string(body)))
			}
			if _, err := fmt.Fprintln(cmd.OutOrStdout(), strings.TrimSpace(string(body))); err != nil {
				return err
			}
			var st rollupnode.Status
			if err := json.Unmarshal(body, &st); err == nil && st.FraudHalt != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "WARNING: the node found sequencer fraud and does not apply blocks at or above height %d; reports: GET %s on the node's RPC or <home>/data/fraud\n",
					st.FraudHalt.HaltHeight, st.FraudHalt.ReportsPath)
			}
			return nil
		},
	}
	cmd.Flags().String(flags.FlagNode, "tcp://127.0.0.1:26657", "the node's RPC address")
	return cmd
}
