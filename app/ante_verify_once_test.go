package app

import (
	"context"
	"testing"

	"cosmossdk.io/log"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/stretchr/testify/require"
)

// recordingSigCheck stands in for the SDK's SigVerificationDecorator and
// records whether each call asked for the signatures to be verified.
type recordingSigCheck struct {
	verified *[]bool
	fail     bool
}

func (r recordingSigCheck) AnteHandle(ctx sdk.Context, tx sdk.Tx, sim bool, next sdk.AnteHandler) (sdk.Context, error) {
	*r.verified = append(*r.verified, ctx.IsSigverifyTx())
	if r.fail {
		return ctx, sdkerrors.ErrUnauthorized
	}
	return next(ctx, tx, sim)
}

// accountNumbers is an account keeper that knows only account numbers.
type accountNumbers struct {
	ante.AccountKeeper
	numbers map[string]uint64
}

func (a accountNumbers) GetAccount(_ context.Context, addr sdk.AccAddress) sdk.AccountI {
	n, ok := a.numbers[addr.String()]
	if !ok {
		return nil
	}
	return authtypes.NewBaseAccount(addr, nil, n, 0)
}

func TestVerifyOnceSkipsOnlyTheSecondCheckOfTheSameTx(t *testing.T) {
	from := sdk.AccAddress("from________________")
	tx, txBytes := sendTx(t, from, 1)
	other, otherBytes := sendTx(t, from, 2)
	ak := accountNumbers{numbers: map[string]uint64{from.String(): 7}}
	var verified []bool
	d := newVerifyOnceDecorator(ak, recordingSigCheck{verified: &verified}, newVerifiedTxs(verifiedTxsLimit))

	nextSaw := true
	next := func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) {
		nextSaw = ctx.IsSigverifyTx()
		return ctx, nil
	}
	ctx := sdk.NewContext(nil, cmtproto.Header{}, false, log.NewNopLogger())
	run := func(mode sdk.ExecMode, tx sdk.Tx, bz []byte) {
		t.Helper()
		_, err := d.AnteHandle(ctx.WithExecMode(mode).WithTxBytes(bz), tx, false, next)
		require.NoError(t, err)
		require.True(t, nextSaw, "the rest of the chain sees signature checking on")
	}

	run(sdk.ExecModeCheck, tx, txBytes)
	run(sdk.ExecModeFinalize, tx, txBytes)
	run(sdk.ExecModeFinalize, tx, txBytes)
	require.Equal(t, []bool{true, false, true}, verified,
		"CheckTx verifies; its block skips the check once; a replay of the same bytes verifies again")

	verified = nil
	run(sdk.ExecModeFinalize, other, otherBytes)
	require.Equal(t, []bool{true}, verified, "a tx CheckTx never saw (a forced tx, a full node) is verified")

	verified = nil
	run(sdk.ExecModeCheck, tx, txBytes)
	ak.numbers[from.String()] = 8
	run(sdk.ExecModeFinalize, tx, txBytes)
	require.Equal(t, []bool{true, true}, verified, "another account number: the sign bytes differ, verify")

	remembered := len(d.seen.cur) + len(d.seen.old)
	_, err := d.AnteHandle(ctx.WithIsReCheckTx(true).WithTxBytes(otherBytes), other, false, next)
	require.NoError(t, err)
	_, err = d.AnteHandle(ctx.WithExecMode(sdk.ExecModeSimulate).WithTxBytes(otherBytes), other, true, next)
	require.NoError(t, err)
	require.Equal(t, remembered, len(d.seen.cur)+len(d.seen.old), "recheck and simulation remember nothing")
}

func TestVerifyOnceRemembersOnlyPassingSignatures(t *testing.T) {
	from := sdk.AccAddress("from________________")
	tx, txBytes := sendTx(t, from, 1)
	ak := accountNumbers{numbers: map[string]uint64{from.String(): 7}}
	var verified []bool
	failing := newVerifyOnceDecorator(ak, recordingSigCheck{verified: &verified, fail: true}, newVerifiedTxs(verifiedTxsLimit))
	ctx := sdk.NewContext(nil, cmtproto.Header{}, false, log.NewNopLogger()).WithTxBytes(txBytes)
	next := func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) { return ctx, nil }

	_, err := failing.AnteHandle(ctx.WithExecMode(sdk.ExecModeCheck), tx, false, next)
	require.ErrorIs(t, err, sdkerrors.ErrUnauthorized)
	_, err = failing.AnteHandle(ctx.WithExecMode(sdk.ExecModeFinalize), tx, false, next)
	require.ErrorIs(t, err, sdkerrors.ErrUnauthorized)
	require.Equal(t, []bool{true, true}, verified, "a signature that failed CheckTx is checked again in the block")
}

func TestVerifiedTxsForgetsTheOldestGeneration(t *testing.T) {
	v := newVerifiedTxs(2)
	for i := byte(1); i <= 5; i++ {
		v.add([32]byte{i}, [32]byte{7})
	}
	require.False(t, taken(v, 1), "two generations of two keys: the first key is gone")
	require.False(t, taken(v, 2))
	require.True(t, taken(v, 3))
	require.True(t, taken(v, 5))
	require.False(t, taken(v, 5), "taken once")
}

func taken(v *verifiedTxs, b byte) bool {
	signers, ok := v.take([32]byte{b})
	return ok && signers == [32]byte{7}
}

func sendTx(t *testing.T, from sdk.AccAddress, amount int64) (sdk.Tx, []byte) {
	t.Helper()
	enc := MakeEncodingConfig()
	b := enc.TxConfig.NewTxBuilder()
	to := sdk.AccAddress("to__________________")
	require.NoError(t, b.SetMsgs(banktypes.NewMsgSend(from, to, sdk.NewCoins(sdk.NewInt64Coin(BondDenom, amount)))))
	bz, err := enc.TxConfig.TxEncoder()(b.GetTx())
	require.NoError(t, err)
	return b.GetTx(), bz
}
