package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// ClassEventKey is ((trust class, event), (service, denom)).
type ClassEventKey = collections.Pair[collections.Pair[uint64, uint64], BucketID]

func classEventKey(classID, event uint64, b BucketKey) ClassEventKey {
	return collections.Join(collections.Join(classID, event), b.K2())
}

// AfterPoolClassSlashed records, once per trust class a slash hit (not
// per member), the ratio of each of the class's buckets at the event (its
// members' earnings are split there when they settle), and lowers each
// trusted service's share base by the shares the class lost
// (docs/adr/002, amendment 2). Ratios are kept, not pruned: the ADR says
// why.
func (h Hooks) AfterPoolClassSlashed(ctx context.Context, poolID uint32, classID, event uint64, services []uint32, burned sdk.DecCoins) error {
	for _, s := range services {
		for _, b := range burned {
			bucket := bucketKey(restakingtypes.DELEGATION_TYPE_POOL, poolID, s, b.Denom)
			ratio, err := getCoins(ctx, h.k.rewardsPerShare, bucket)
			if err != nil {
				return err
			}
			// An absent ratio reads as zero, which is what it was.
			if err := setCoins(ctx, h.k.classEventRatios, classEventKey(classID, event, bucket), ratio); err != nil {
				return err
			}
			if b.Amount.IsPositive() {
				if err := h.k.addPoolShares(ctx, poolID, s, b.Amount.Neg()); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
