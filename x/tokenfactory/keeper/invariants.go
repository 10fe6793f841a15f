package keeper

import (
	"context"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// DenomsInvariant checks that every stored denom is well formed, has a
// valid authority, is indexed under its creator, and has bank metadata
// whose base is the denom; and that every factory/ denom with a bank
// supply is a denom this module created (no other module minted into the
// factory namespace). It returns a description of the first broken rule,
// or "" and false.
//
// Supply is not compared with minted minus burned: other modules may burn
// factory denoms they hold legitimately (x/slashing burns slashed restaked
// stake), so the bank's supply is the only truth.
func (k *Keeper) DenomsInvariant(ctx context.Context) (string, bool) {
	var msg string
	stored := 0
	err := k.denoms.Walk(ctx, nil, func(denom string, m types.DenomAuthorityMetadata) (bool, error) {
		stored++
		_, _, err := types.DeconstructDenom(denom)
		switch {
		case err != nil:
			msg = fmt.Sprintf("stored denom %q is malformed: %s", denom, err)
		case m.Validate() != nil:
			msg = fmt.Sprintf("denom %s has an invalid authority: %s", denom, m.Validate())
		default:
			if md, found := k.bank.GetDenomMetaData(ctx, denom); !found || md.Base != denom {
				msg = fmt.Sprintf("denom %s has no bank metadata with base %s", denom, denom)
			}
		}
		return msg != "", nil
	})
	if err != nil {
		return err.Error(), true
	}
	if msg != "" {
		return msg, true
	}
	// The creator index has exactly one entry per denom, under its creator.
	indexed := 0
	err = k.denoms.Indexes.Creator.Walk(ctx, nil, func(creator, denom string) (bool, error) {
		indexed++
		if c, _, err := types.DeconstructDenom(denom); err != nil || c != creator {
			msg = fmt.Sprintf("denom %s is indexed under %s, not its creator", denom, creator)
		} else if has, err := k.denoms.Has(ctx, denom); err != nil || !has {
			msg = fmt.Sprintf("creator index lists %s, which is not stored", denom)
		}
		return msg != "", nil
	})
	if err != nil {
		return err.Error(), true
	}
	if msg == "" && indexed != stored {
		msg = fmt.Sprintf("creator index has %d entries for %d denoms", indexed, stored)
	}
	if msg != "" {
		return msg, true
	}
	k.bank.IterateTotalSupply(ctx, func(c sdk.Coin) bool {
		if !types.IsFactoryDenom(c.Denom) {
			return false
		}
		if has, err := k.denoms.Has(ctx, c.Denom); err != nil || !has {
			msg = fmt.Sprintf("%s has a supply of %s but no authority metadata", c.Denom, c.Amount)
		}
		return msg != ""
	})
	return msg, msg != ""
}
