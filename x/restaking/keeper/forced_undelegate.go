package keeper

import (
	"context"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// UndelegateFrom starts unbonding amount of user's delegation to (t, id)
// on another module's behalf (x/liquidvesting burning locked tokens). It
// is the same path as a user's own undelegation: the same checks
// (max_entries included), the same unbonding_time, and the tokens reach
// the user when EndBlock pays the matured entry. It returns the
// completion time on the restaking clock.
func (k *Keeper) UndelegateFrom(ctx context.Context, t types.DelegationType, id uint32, user sdk.AccAddress, amount sdk.Coins) (time.Time, error) {
	target, err := k.existingTarget(ctx, t, id)
	if err != nil {
		return time.Time{}, err
	}
	completion, _, err := k.Undelegate(ctx, target, user, amount)
	return completion, err
}
