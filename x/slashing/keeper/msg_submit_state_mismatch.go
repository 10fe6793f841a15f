package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// SubmitStateMismatch verifies the disputed header is the sequencer's; the
// re-execution claim itself is checked from the DA by anyone (milkywayd
// evidence verify) during the veto window, with governance as resolver
// unless the sequencing rule names one.
func (ms msgServer) SubmitStateMismatch(ctx context.Context, msg *types.MsgSubmitStateMismatch) (*types.MsgSubmitEvidenceResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	seq, key, err := ms.activeSequencing(ctx)
	if err != nil {
		return nil, err
	}
	header, err := types.VerifySequencerHeader(msg.Header, sdk.UnwrapSDKContext(ctx).ChainID(), key)
	if err != nil {
		return nil, err
	}
	if string(header.AppHash) == string(msg.ExpectedAppHash) {
		return nil, errorsmod.Wrap(types.ErrInvalidEvidence, "the header claims the expected app hash: nothing to dispute")
	}
	ptr := msg.Block
	return ms.respond(ms.submit(ctx, evidence{
		kind: types.FAULT_KIND_STATE_MISMATCH, serviceID: seq.ServiceId, operatorID: seq.OperatorId, fraction: msg.Fraction,
		infractionHeight: int64(header.Height()), submitter: msg.Submitter, da: &ptr,
		id: types.EvidenceID(types.FAULT_KIND_STATE_MISMATCH, header.Height()),
	}))
}
