package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// SetSlashingRules replaces a service's slasher and rules. Pending slashes
// keep the rule they were submitted under.
func (ms msgServer) SetSlashingRules(ctx context.Context, msg *types.MsgSetSlashingRules) (*types.MsgSetSlashingRulesResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := ms.requireServiceAdmin(ctx, msg.ServiceId, msg.Sender); err != nil {
		return nil, err
	}
	rp, err := ms.restaking.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range msg.Rules {
		// Coins sent to a module or blocked address could never be used,
		// and the send would fail at execution.
		if r.Recipient != "" && ms.bank.BlockedAddr(sdk.MustAccAddressFromBech32(r.Recipient)) {
			return nil, errorsmod.Wrapf(types.ErrInvalidRule, "%s: recipient %s cannot receive funds", r.Kind, r.Recipient)
		}
		// A window as long as the unbonding time would let every delegator
		// unbond and be paid before the slash executes.
		if r.VetoWindow >= rp.UnbondingTime {
			return nil, errorsmod.Wrapf(types.ErrInvalidRule, "%s: veto_window %s must be shorter than the unbonding time %s",
				r.Kind, r.VetoWindow, rp.UnbondingTime)
		}
	}
	cfg, err := ms.setConfig(ctx, msg.ServiceId, msg.Slasher, msg.Rules)
	if err != nil {
		return nil, err
	}
	from := cfg.PendingFrom
	if !cfg.HasPending {
		if from, err = ms.restaking.Now(ctx); err != nil {
			return nil, err
		}
	}
	return &types.MsgSetSlashingRulesResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSlashingRulesSet{
		ServiceId: msg.ServiceId, Slasher: msg.Slasher, Rules: uint32(len(msg.Rules)), ActiveFrom: from,
	})
}
