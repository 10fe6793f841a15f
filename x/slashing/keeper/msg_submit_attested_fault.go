package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

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
