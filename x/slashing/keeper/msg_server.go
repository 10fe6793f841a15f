package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

type msgServer struct{ *Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServer returns the Msg service implementation.
func NewMsgServer(k *Keeper) types.MsgServer { return msgServer{Keeper: k} }

// SetSlashingRules replaces a service's slasher and rules. Pending slashes
// keep the rule they were submitted under.
func (ms msgServer) SetSlashingRules(ctx context.Context, msg *types.MsgSetSlashingRules) (*types.MsgSetSlashingRulesResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	svc, err := ms.services.GetService(ctx, msg.ServiceId)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrServiceNotFound, "service %d", msg.ServiceId)
	}
	if svc.Admin != msg.Sender {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "%s is not the admin of service %d", msg.Sender, msg.ServiceId)
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

// RegisterOperatorKey records an operator's task key for a service. It is
// also the operator's consent to answer to the service's double-sign rule.
func (ms msgServer) RegisterOperatorKey(ctx context.Context, msg *types.MsgRegisterOperatorKey) (*types.MsgRegisterOperatorKeyResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	op, err := ms.operators.GetOperator(ctx, msg.OperatorId)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrOperatorNotFound, "operator %d", msg.OperatorId)
	}
	if op.Admin != msg.Sender {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "%s is not the admin of operator %d", msg.Sender, msg.OperatorId)
	}
	if _, err := ms.services.GetService(ctx, msg.ServiceId); err != nil {
		return nil, errorsmod.Wrapf(types.ErrServiceNotFound, "service %d", msg.ServiceId)
	}
	if _, err := ms.GetOperatorKey(ctx, msg.OperatorId, msg.ServiceId); err == nil {
		return nil, errorsmod.Wrapf(types.ErrKeyAlreadySet, "operator %d already has a key for service %d", msg.OperatorId, msg.ServiceId)
	}
	key := types.OperatorKey{OperatorId: msg.OperatorId, ServiceId: msg.ServiceId, PubKey: msg.PubKey}
	if err := ms.operatorKeys.Set(ctx, operatorServiceKey(msg.OperatorId, msg.ServiceId), key); err != nil {
		return nil, err
	}
	return &types.MsgRegisterOperatorKeyResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventOperatorKeyRegistered{
		OperatorId: msg.OperatorId, ServiceId: msg.ServiceId, PubKey: msg.PubKey,
	})
}

// UpdateParams sets the params (governance). Rules already stored keep
// their values; new rules must fit the new bounds.
func (ms msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if msg.Authority != ms.authority {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s", ms.authority, msg.Authority)
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, ms.params.Set(ctx, msg.Params)
}
