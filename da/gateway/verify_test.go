package gateway_test

import (
	"testing"

	"github.com/cometbft/cometbft/crypto/ed25519"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da/gateway"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway/gatewaytest"
)

const chainID = "milkyway-test-1"

func TestBlockVerifier(t *testing.T) {
	seqKey, forger := ed25519.GenPrivKey(), ed25519.GenPrivKey()
	verifier := gateway.NewBlockVerifier(chainID, cmtypes.GenesisValidator{
		Address: seqKey.PubKey().Address(), PubKey: seqKey.PubKey(), Power: 1,
	})
	genuine := gatewaytest.BlockSpec{ChainID: chainID, Height: 7, Key: seqKey, Txs: [][]byte{[]byte("tx")}}

	tests := []struct {
		name    string
		blob    func() []byte
		wantErr string
	}{
		{"genuine block", func() []byte { return gatewaytest.Blob(gatewaytest.Block(genuine)) }, ""},
		{"not a block", func() []byte { return []byte("junk that is not protobuf \xff\xff") }, "does not decode"},
		{"other chain", func() []byte {
			s := genuine
			s.ChainID = "other-1"
			return gatewaytest.Blob(gatewaytest.Block(s))
		}, "chain id"},
		{"signed by another sequencer", func() []byte {
			s := genuine
			s.Key = forger
			return gatewaytest.Blob(gatewaytest.Block(s))
		}, "proposer"},
		{"forger claims the sequencer's address", func() []byte {
			s := genuine
			s.Key, s.Proposer = forger, seqKey.PubKey().Address()
			return gatewaytest.Blob(gatewaytest.Block(s))
		}, "validator set"},
		{"sequencer's header with a forged signature", func() []byte {
			s := genuine
			s.Signer = forger
			return gatewaytest.Blob(gatewaytest.Block(s))
		}, "signature"},
		{"transactions swapped after signing", func() []byte {
			b := gatewaytest.Block(genuine)
			b.Data.Txs[0] = []byte("other tx")
			return gatewaytest.Blob(b)
		}, "dataHash"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			block, err := verifier.Verify(tc.blob())
			if tc.wantErr == "" {
				require.NoError(t, err)
				require.Equal(t, uint64(7), block.Height())
				return
			}
			require.ErrorIs(t, err, gateway.ErrForgedBlock)
			require.ErrorContains(t, err, tc.wantErr)
		})
	}
}
