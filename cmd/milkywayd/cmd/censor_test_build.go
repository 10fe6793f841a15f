//go:build censortest

package cmd

import (
	"bytes"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"

	"github.com/milkyway-labs/milkyway-rollup/app"
	"github.com/milkyway-labs/milkyway-rollup/sequencer/lane"
)

// censorFilter (test builds): ignore forced transactions signed by signer,
// to play a sequencer that censors one account (tests/e2e).
func censorFilter(application *app.App, signer string) (func(lane.Forced) bool, error) {
	if signer == "" {
		return nil, nil
	}
	victim, err := sdk.AccAddressFromBech32(signer)
	if err != nil {
		return nil, fmt.Errorf("--%s: %w", flagTestCensorSigner, err)
	}
	decode := application.TxConfig().TxDecoder()
	return func(f lane.Forced) bool {
		tx, err := decode(f.Tx)
		if err != nil {
			return false
		}
		sigTx, ok := tx.(authsigning.SigVerifiableTx)
		if !ok {
			return false
		}
		signers, err := sigTx.GetSigners()
		if err != nil {
			return false
		}
		for _, s := range signers {
			if bytes.Equal(s, victim) {
				return true
			}
		}
		return false
	}, nil
}
