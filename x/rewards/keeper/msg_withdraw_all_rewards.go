package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// WithdrawAllRewards pays every delegation of the sender: one prefix walk
// over the sender's own delegations.
func (ms msgServer) WithdrawAllRewards(ctx context.Context, msg *types.MsgWithdrawAllRewards) (*types.MsgWithdrawAllRewardsResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	user := sdk.MustAccAddressFromBech32(msg.Delegator)
	var delegations []restakingtypes.Delegation
	// As stored: a delegation burned whole by its trust class is hidden from
	// the settled views but still owed what it earned before the burn.
	if err := ms.restaking.IterateUserStoredDelegations(ctx, user, func(d restakingtypes.Delegation) (bool, error) {
		delegations = append(delegations, d)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if len(delegations) == 0 {
		return nil, errorsmod.Wrapf(types.ErrDelegationNotFound, "%s has no delegations", msg.Delegator)
	}
	total := sdk.Coins{}
	for _, d := range delegations {
		paid, err := ms.settle(ctx, user, d)
		if err != nil {
			return nil, err
		}
		total = total.Add(paid...)
	}
	return &types.MsgWithdrawAllRewardsResponse{Amount: total}, nil
}
