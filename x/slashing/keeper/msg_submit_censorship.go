package keeper

import (
	"bytes"
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// SubmitCensorship accepts evidence that the sequencer left a transaction
// of the forced-inclusion lane out past its deadline (ADR 004). The chain
// cannot read the DA, so it checks what it can: the blob is in the lane
// namespace at a DA height the lane counts, the late block was posted after
// the deadline the lane's rules give for that height, and its header is
// the sequencer's. That the transaction is in no block below the late one
// is checked from the DA by anyone (milkywayd evidence verify) during the
// veto window, with a bond as for state mismatches.
func (ms msgServer) SubmitCensorship(ctx context.Context, msg *types.MsgSubmitCensorship) (*types.MsgSubmitEvidenceResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	seq, key, err := ms.activeSequencing(ctx)
	if err != nil {
		return nil, err
	}
	lane, err := ms.sequencer.GetForcedInclusion(ctx)
	if err != nil {
		return nil, err
	}
	if !lane.Enabled() {
		return nil, errorsmod.Wrap(types.ErrInvalidEvidence, "this chain has no forced-inclusion lane")
	}
	forced := msg.ForcedTx
	if !bytes.Equal(forced.Namespace, lane.Namespace) {
		return nil, errorsmod.Wrapf(types.ErrInvalidDAPointer, "namespace %X is not the forced-inclusion lane %X", forced.Namespace, lane.Namespace)
	}
	if !lane.Counts(forced.Height) {
		return nil, errorsmod.Wrapf(types.ErrInvalidEvidence, "DA height %d is before the lane starts (%d)", forced.Height, lane.StartDaHeight)
	}
	if deadline := lane.Deadline(forced.Height); msg.LateBlock.Height <= deadline {
		return nil, errorsmod.Wrapf(types.ErrInvalidEvidence, "the block at DA height %d was posted by the deadline %d: not late", msg.LateBlock.Height, deadline)
	}
	header, err := types.VerifySequencerHeader(msg.LateHeader, sdk.UnwrapSDKContext(ctx).ChainID(), key)
	if err != nil {
		return nil, err
	}
	return ms.respond(ms.submit(ctx, evidence{
		kind: types.FAULT_KIND_CENSORSHIP, serviceID: seq.ServiceId, operatorID: seq.OperatorId, fraction: msg.Fraction,
		infractionHeight: int64(header.Height()), submitter: msg.Submitter, da: &forced,
		id: types.CensorshipEvidenceID(forced),
	}))
}
