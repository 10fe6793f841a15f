package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// SubmitEquivocation verifies two sequencer headers for one height; the
// sequencing service's stake answers for it.
func (ms msgServer) SubmitEquivocation(ctx context.Context, msg *types.MsgSubmitEquivocation) (*types.MsgSubmitEvidenceResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	seq, key, err := ms.activeSequencing(ctx)
	if err != nil {
		return nil, err
	}
	height, err := types.CheckEquivocation(msg.FirstHeader, msg.SecondHeader, sdk.UnwrapSDKContext(ctx).ChainID(), key)
	if err != nil {
		return nil, err
	}
	return ms.respond(ms.submit(ctx, evidence{
		kind: types.FAULT_KIND_EQUIVOCATION, serviceID: seq.ServiceId, operatorID: seq.OperatorId, fraction: msg.Fraction,
		infractionHeight: int64(height), submitter: msg.Submitter,
		id: types.EvidenceID(types.FAULT_KIND_EQUIVOCATION, height),
	}))
}
