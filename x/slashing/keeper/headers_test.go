package keeper_test

import (
	"testing"
	"time"

	cmcrypto "github.com/cometbft/cometbft/crypto"

	"github.com/milkyway-labs/milkyway-rollup/da/gateway/gatewaytest"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// headerSpec describes a rollkit header to build, as the sequencer does:
// Key is the key the header claims (its one-validator set and proposer),
// Signer the key that signs (Key if nil).
type headerSpec struct {
	ChainID string
	Height  uint64
	Time    time.Time
	Txs     []string
	AppHash []byte
	Key     cmcrypto.PrivKey
	Signer  cmcrypto.PrivKey
}

// signedHeader builds and signs the header (with da/gateway/gatewaytest,
// as the DA tests do) and returns the rollkit SignedHeader protobuf bytes
// evidence carries.
func signedHeader(spec headerSpec) []byte {
	if spec.ChainID == "" {
		spec.ChainID = chainID
	}
	if spec.Key == nil {
		spec.Key = sequencerKey
	}
	if spec.Time.IsZero() {
		spec.Time = genesisTime.Add(time.Duration(spec.Height) * time.Second)
	}
	txs := make([][]byte, len(spec.Txs))
	for i, tx := range spec.Txs {
		txs[i] = []byte(tx)
	}
	block := gatewaytest.Block(gatewaytest.BlockSpec{
		ChainID: spec.ChainID, Height: spec.Height, Time: spec.Time, Txs: txs,
		Key: spec.Key, Signer: spec.Signer, AppHash: spec.AppHash,
	})
	bz, err := block.SignedHeader.MarshalBinary()
	if err != nil {
		panic(err)
	}
	return bz
}

// sequencingWorld is a chain whose sequencer's stake secures a service:
// the slashing genesis names sSeq and its operator oSeq (joined).
type sequencingWorld struct {
	e          *env
	sSeq, oSeq uint32
}

func newSequencingWorld(t testing.TB) *sequencingWorld {
	w := &sequencingWorld{}
	w.e = newEnv(t, func(e *env, gs *types.GenesisState) {
		w.sSeq = e.service()
		w.oSeq = e.operator(seqAdmin, w.sSeq)
		gs.Sequencing = types.SequencingService{ServiceId: w.sSeq, OperatorId: w.oSeq}
	})
	return w
}

// equivocation is a conflicting pair of sequencer headers at height.
func equivocation(submitter string, height uint64, fraction string) *types.MsgSubmitEquivocation {
	return &types.MsgSubmitEquivocation{
		Submitter:    submitter,
		FirstHeader:  signedHeader(headerSpec{Height: height, Txs: []string{"tx-a"}}),
		SecondHeader: signedHeader(headerSpec{Height: height, Txs: []string{"tx-b"}}),
		Fraction:     dec(fraction),
	}
}
