package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// SubmitDoubleSign verifies two conflicting tasks signed with the key the
// operator registered for the service. Anyone may submit.
func (ms msgServer) SubmitDoubleSign(ctx context.Context, msg *types.MsgSubmitDoubleSign) (*types.MsgSubmitEvidenceResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	a, b := msg.First, msg.Second
	if _, err := ms.activeService(ctx, a.ServiceId); err != nil {
		return nil, err
	}
	key, err := ms.GetOperatorKey(ctx, a.OperatorId, a.ServiceId)
	if err != nil {
		return nil, err
	}
	chainID := sdk.UnwrapSDKContext(ctx).ChainID()
	for i, t := range []types.SignedTask{a, b} {
		if err := t.VerifySignature(chainID, key.PubKey); err != nil {
			return nil, errorsmod.Wrapf(err, "task %d of 2", i+1)
		}
	}
	return ms.respond(ms.submit(ctx, evidence{
		kind: types.FAULT_KIND_DOUBLE_SIGN, serviceID: a.ServiceId, operatorID: a.OperatorId, fraction: msg.Fraction,
		infractionHeight: min(a.Height, b.Height), submitter: msg.Submitter,
		id: types.EvidenceID(types.FAULT_KIND_DOUBLE_SIGN, uint64(a.ServiceId), uint64(a.OperatorId), a.TaskId),
	}))
}
