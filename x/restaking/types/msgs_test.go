package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

var user = sdk.AccAddress([]byte("user________________")).String()

func TestMsgValidateBasic(t *testing.T) {
	ok := sdk.NewCoins(sdk.NewInt64Coin("umilk", 5))
	bad := sdk.Coins{{Denom: "umilk", Amount: sdkmath.NewInt(-5)}}
	badParams := types.DefaultParams()
	badParams.MaxEntries = 0
	tests := []struct {
		name   string
		msg    interface{ ValidateBasic() error }
		expErr error
	}{
		{"pool ok", &types.MsgDelegatePool{Delegator: user, Amount: ok[0]}, nil},
		{"pool bad address", &types.MsgDelegatePool{Delegator: "x", Amount: ok[0]}, types.ErrInvalidAddress},
		{"pool zero", &types.MsgDelegatePool{Delegator: user, Amount: sdk.NewInt64Coin("umilk", 0)}, types.ErrInvalidAmount},
		{"operator zero id", &types.MsgDelegateOperator{Delegator: user, Amount: ok}, types.ErrInvalidTarget},
		{"operator negative", &types.MsgDelegateOperator{Delegator: user, OperatorId: 1, Amount: bad}, types.ErrInvalidAmount},
		{"service empty", &types.MsgDelegateService{Delegator: user, ServiceId: 1}, types.ErrInvalidAmount},
		{"undelegate pool bad denom", &types.MsgUndelegatePool{Delegator: user, Amount: sdk.Coin{Denom: "1x", Amount: sdkmath.NewInt(1)}}, types.ErrInvalidAmount},
		{"undelegate operator ok", &types.MsgUndelegateOperator{Delegator: user, OperatorId: 2, Amount: ok}, nil},
		{"undelegate service zero id", &types.MsgUndelegateService{Delegator: user, Amount: ok}, types.ErrInvalidTarget},
		{"params bad", &types.MsgUpdateParams{Authority: user, Params: badParams}, types.ErrInvalidParams},
		{"params ok", &types.MsgUpdateParams{Authority: user, Params: types.DefaultParams()}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.msg.ValidateBasic()
			if tc.expErr == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.expErr)
		})
	}
}

// FuzzMsgDelegateOperatorValidateBasic: validation never panics, and what
// it accepts has a valid delegator, a target id and valid positive coins.
func FuzzMsgDelegateOperatorValidateBasic(f *testing.F) {
	f.Add(user, uint32(1), "100umilk")
	f.Add("", uint32(0), "")
	f.Add(user, uint32(7), "5umilk,-3uatom")
	f.Fuzz(func(t *testing.T, delegator string, id uint32, amount string) {
		coins, _ := sdk.ParseCoinsNormalized(amount)
		msg := &types.MsgDelegateOperator{Delegator: delegator, OperatorId: id, Amount: coins}
		if msg.ValidateBasic() == nil {
			require.NotZero(t, id)
			require.True(t, coins.IsAllPositive())
			_, err := sdk.AccAddressFromBech32(delegator)
			require.NoError(t, err)
		}
	})
}
