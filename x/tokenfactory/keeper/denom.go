package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// GetParams returns the module params.
func (k *Keeper) GetParams(ctx context.Context) (types.Params, error) {
	return k.params.Get(ctx)
}

// GetAuthorityMetadata returns the admin record of a factory denom or
// ErrDenomNotFound.
func (k *Keeper) GetAuthorityMetadata(ctx context.Context, denom string) (types.DenomAuthorityMetadata, error) {
	m, err := k.denoms.Get(ctx, denom)
	if errors.Is(err, collections.ErrNotFound) {
		return types.DenomAuthorityMetadata{}, errorsmod.Wrapf(types.ErrDenomNotFound, "%s", denom)
	}
	return m, err
}

// GetDenomsFromCreator lists the denoms creator made, in byte order, from
// the creator index.
func (k *Keeper) GetDenomsFromCreator(ctx context.Context, creator string) ([]string, error) {
	iter, err := k.denoms.Indexes.Creator.MatchExact(ctx, creator)
	if err != nil {
		return nil, err
	}
	return iter.PrimaryKeys()
}

// createDenom records denom with admin and gives it minimal bank metadata
// (one unit, exponent 0) unless metadata exists already, so wallets can
// show it before the admin sets more.
func (k *Keeper) createDenom(ctx context.Context, denom, admin string) error {
	if has, err := k.denoms.Has(ctx, denom); err != nil {
		return err
	} else if has {
		return errorsmod.Wrapf(types.ErrDenomExists, "%s", denom)
	}
	if err := k.denoms.Set(ctx, denom, types.DenomAuthorityMetadata{Admin: admin}); err != nil {
		return err
	}
	if _, found := k.bank.GetDenomMetaData(ctx, denom); !found {
		k.bank.SetDenomMetaData(ctx, banktypes.Metadata{
			Base:       denom,
			DenomUnits: []*banktypes.DenomUnit{{Denom: denom, Exponent: 0}},
		})
	}
	return nil
}

// requireNotInCustody refuses module accounts and accounts another module
// keeps books for (restaking targets): taking tokens out of them behind
// their module's back would break that module's accounting.
func (k *Keeper) requireNotInCustody(ctx context.Context, addr sdk.AccAddress) error {
	if acc := k.accountKeeper.GetAccount(ctx, addr); acc != nil {
		if _, isModule := acc.(sdk.ModuleAccountI); isModule {
			return errorsmod.Wrapf(types.ErrProtectedAccount, "%s is a module account", addr)
		}
	}
	for _, inCustody := range k.custody {
		held, err := inCustody(ctx, addr)
		if err != nil {
			return err
		}
		if held {
			return errorsmod.Wrapf(types.ErrProtectedAccount, "%s is a restaking target account", addr)
		}
	}
	return nil
}

// requireCanReceive refuses the addresses the bank blocks (module
// accounts), with this module's error code.
func (k *Keeper) requireCanReceive(addr sdk.AccAddress) error {
	if k.bank.BlockedAddr(addr) {
		return errorsmod.Wrapf(types.ErrBlockedRecipient, "%s", addr)
	}
	return nil
}

// addressOr parses addr, or returns fallback when addr is empty.
func addressOr(addr string, fallback sdk.AccAddress) (sdk.AccAddress, error) {
	if addr == "" {
		return fallback, nil
	}
	a, err := sdk.AccAddressFromBech32(addr)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidAddress, err.Error())
	}
	return a, nil
}
