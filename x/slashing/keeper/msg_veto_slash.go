package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// VetoSlash cancels a pending slash. Only the resolver of the rule the
// slash was submitted under may, or governance when it names none; and
// only while the window is open.
func (ms msgServer) VetoSlash(ctx context.Context, msg *types.MsgVetoSlash) (*types.MsgVetoSlashResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	slash, err := ms.slashes.Get(ctx, msg.SlashId)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, errorsmod.Wrapf(types.ErrSlashNotFound, "slash %d", msg.SlashId)
	}
	if err != nil {
		return nil, err
	}
	resolver := slash.Rule.Resolver
	if resolver == "" {
		resolver = ms.authority
	}
	if msg.Sender != resolver {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "only %s may veto slash %d", resolver, msg.SlashId)
	}
	switch slash.Status {
	case types.SLASH_STATUS_PENDING:
	case types.SLASH_STATUS_EXECUTED:
		return nil, errorsmod.Wrapf(types.ErrVetoWindowClosed, "slash %d executed (window closed at %s)", slash.Id, slash.ExecuteAt)
	default:
		return nil, errorsmod.Wrapf(types.ErrSlashNotPending, "slash %d is %s", slash.Id, slash.Status)
	}
	now, err := ms.restaking.Now(ctx)
	if err != nil {
		return nil, err
	}
	if !now.Before(slash.ExecuteAt) {
		return nil, errorsmod.Wrapf(types.ErrVetoWindowClosed, "slash %d executes at %s, now %s", slash.Id, slash.ExecuteAt, now)
	}
	if err := ms.dequeue(ctx, slash); err != nil {
		return nil, err
	}
	if err := ms.burnBond(ctx, slash); err != nil {
		return nil, err
	}
	// A vetoed submission does not use the fault up: the real evidence for
	// it may still come.
	if err := ms.evidence.Remove(ctx, slash.EvidenceHash); err != nil {
		return nil, err
	}
	slash.Status, slash.Reason = types.SLASH_STATUS_VETOED, msg.Reason
	if err := ms.slashes.Set(ctx, slash.Id, slash); err != nil {
		return nil, err
	}
	return &types.MsgVetoSlashResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSlashVetoed{
		SlashId: slash.Id, Vetoer: msg.Sender, Reason: msg.Reason,
	})
}
