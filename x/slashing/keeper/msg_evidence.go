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

// SubmitAttestedFault takes the service slasher's word (the Msg signature)
// for a fault whose data sits on the DA; the veto window is the check.
func (ms msgServer) SubmitAttestedFault(ctx context.Context, msg *types.MsgSubmitAttestedFault) (*types.MsgSubmitEvidenceResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	svc, err := ms.activeService(ctx, msg.ServiceId)
	if err != nil {
		return nil, err
	}
	slasher, err := ms.slasherOf(ctx, svc)
	if err != nil {
		return nil, err
	}
	if slasher != msg.Slasher {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "%s is not the slasher of service %d", msg.Slasher, msg.ServiceId)
	}
	if err := ms.checkEvidenceNamespace(ctx, msg.Evidence); err != nil {
		return nil, err
	}
	// A service can only slash operators that secure it.
	if joined, err := ms.restaking.IsOperatorJoined(ctx, msg.OperatorId, msg.ServiceId); err != nil || !joined {
		if err == nil {
			err = errorsmod.Wrapf(types.ErrNotJoined, "operator %d has not joined service %d", msg.OperatorId, msg.ServiceId)
		}
		return nil, err
	}
	ptr := msg.Evidence
	return ms.respond(ms.submit(ctx, evidence{
		kind: types.FAULT_KIND_ATTESTED, serviceID: msg.ServiceId, operatorID: msg.OperatorId, fraction: msg.Fraction,
		infractionHeight: msg.InfractionHeight, submitter: msg.Slasher, da: &ptr, reason: msg.Reason,
		id: types.AttestedEvidenceID(msg.ServiceId, msg.OperatorId, ptr),
	}))
}

// SubmitEquivocation verifies two sequencer headers for one height; the
// sequencing service's stake answers for it.
func (ms msgServer) SubmitEquivocation(ctx context.Context, msg *types.MsgSubmitEquivocation) (*types.MsgSubmitEvidenceResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	seq, key, err := ms.sequencingTarget(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := ms.activeService(ctx, seq.ServiceId); err != nil {
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

// SubmitStateMismatch verifies the disputed header is the sequencer's; the
// re-execution claim itself is checked from the DA by anyone (milkywayd
// evidence verify) during the veto window, with governance as resolver
// unless the sequencing rule names one.
func (ms msgServer) SubmitStateMismatch(ctx context.Context, msg *types.MsgSubmitStateMismatch) (*types.MsgSubmitEvidenceResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	seq, key, err := ms.sequencingTarget(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := ms.activeService(ctx, seq.ServiceId); err != nil {
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

func (ms msgServer) respond(slash types.Slash, err error) (*types.MsgSubmitEvidenceResponse, error) {
	if err != nil {
		return nil, err
	}
	return &types.MsgSubmitEvidenceResponse{SlashId: slash.Id, ExecuteAt: slash.ExecuteAt}, nil
}

// checkEvidenceNamespace: attested evidence lives in the chain's evidence
// namespace, so verifiers know where to look and cannot be pointed at the
// chain's own block blobs.
func (k *Keeper) checkEvidenceNamespace(ctx context.Context, ptr types.DAPointer) error {
	params, err := k.params.Get(ctx)
	if err != nil {
		return err
	}
	if string(ptr.Namespace) != string(params.EvidenceNamespace) {
		return errorsmod.Wrapf(types.ErrInvalidDAPointer, "namespace %X is not the evidence namespace %X", ptr.Namespace, params.EvidenceNamespace)
	}
	return nil
}
