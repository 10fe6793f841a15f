package types_test

import (
	"math/big"
	"math/rand"
	"testing"

	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// EventDelegate.ABCIEvent is what the SDK's typed-event conversion makes,
// byte for byte, for random events: big and zero amounts, nil and empty
// coin lists, IBC and factory denoms, every delegation type and one with
// no name, extreme target ids, and strings that JSON escapes. A field
// added to the message shows up in the SDK's conversion (it writes every
// field, zero or not) and fails this test.
func TestEventDelegateABCIEventIsTheSDKs(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	denoms := []string{"umilk", "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2",
		"factory/milk1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu/milkTIA", "a<b>&c\"d\u2028"}
	bigInt := func() math.Int {
		if rng.Intn(5) == 0 {
			return math.ZeroInt()
		}
		return math.NewIntFromBigInt(new(big.Int).Rand(rng, new(big.Int).Lsh(big.NewInt(1), uint(rng.Intn(200)+1))))
	}
	events := []*types.EventDelegate{
		{}, // every field zero, nil lists
		{Amount: sdk.Coins{}, NewShares: sdk.DecCoins{}, TargetId: ^uint32(0), Type: types.DelegationType(99)},
		{Amount: sdk.Coins{{Denom: "umilk"}}, NewShares: sdk.DecCoins{{Denom: "umilk"}}}, // nil amounts
	}
	for i := 0; i < 500; i++ {
		e := &types.EventDelegate{Type: types.DelegationType(rng.Intn(4)), TargetId: rng.Uint32(),
			Delegator: sdk.AccAddress(big.NewInt(rng.Int63()).Bytes()).String()}
		if i%50 == 0 {
			e.Delegator = "</script>\"\\\n\t\u00e9"
		}
		for n := rng.Intn(4); n > 0; n-- {
			e.Amount = append(e.Amount, sdk.Coin{Denom: denoms[rng.Intn(len(denoms))], Amount: bigInt()})
			e.NewShares = append(e.NewShares, sdk.DecCoin{Denom: denoms[rng.Intn(len(denoms))],
				Amount: math.LegacyNewDecFromBigIntWithPrec(bigInt().BigInt(), int64(rng.Intn(19)))})
		}
		events = append(events, e)
	}
	for i, e := range events {
		want, err := sdk.TypedEventToEvent(e)
		require.NoError(t, err)
		require.Equal(t, want, e.ABCIEvent(), "event %d: %+v", i, e)
	}
}

// BenchmarkEventDelegate compares the SDK's typed-event conversion with
// ABCIEvent on a restake's event.
func BenchmarkEventDelegate(b *testing.B) {
	e := &types.EventDelegate{Type: types.DELEGATION_TYPE_POOL, TargetId: 1,
		Delegator: "milk1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu", Amount: sdk.NewCoins(sdk.NewInt64Coin("umilk", 1000)),
		NewShares: sdk.NewDecCoins(sdk.NewInt64DecCoin("umilk", 1000))}
	b.Run("sdk", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := sdk.TypedEventToEvent(e); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("direct", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_ = e.ABCIEvent()
		}
	})
}
