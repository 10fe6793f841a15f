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

// checkCensorFlag (test builds): the address must parse.
func checkCensorFlag(signer string) error {
	if signer == "" {
		return nil
	}
	if _, err := sdk.AccAddressFromBech32(signer); err != nil {
		return fmt.Errorf("--%s: %w", flagTestCensorSigner, err)
	}
	return nil
}

// censorFilter (test builds): ignore forced transactions signed by signer,
// to play a sequencer that censors one account (tests/e2e). signer passed
// checkCensorFlag.
func censorFilter(application *app.App, signer string) func(lane.Forced) bool {
	if signer == "" {
		return nil
	}
	victim := sdk.MustAccAddressFromBech32(signer)
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
	}
}
