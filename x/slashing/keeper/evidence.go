package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// evidence is a verified fault on its way into the pipeline.
type evidence struct {
	kind             types.FaultKind
	serviceID        uint32
	operatorID       uint32
	fraction         sdkmath.LegacyDec
	infractionHeight int64
	submitter        string
	id               []byte
	da               *types.DAPointer
	reason           string
}

// submit turns verified evidence into a pending slash that executes when
// the rule's veto window has passed. Every check comes before any write.
func (k *Keeper) submit(ctx context.Context, ev evidence) (types.Slash, error) {
	cfg, err := k.GetConfig(ctx, ev.serviceID)
	if err != nil {
		return types.Slash{}, err
	}
	rule, ok := cfg.Rule(ev.kind)
	if !ok {
		return types.Slash{}, errorsmod.Wrapf(types.ErrNoRule, "service %d has no %s rule", ev.serviceID, ev.kind)
	}
	if err := rule.CheckFraction(ev.fraction); err != nil {
		return types.Slash{}, err
	}
	// Only a service's own slasher picks the fraction. Anything anyone may
	// submit is slashed at the rule's maximum: the fault can be submitted
	// only once, so a friendly first submission asking for a tiny fraction
	// would let the operator escape its own rule.
	if ev.kind != types.FAULT_KIND_ATTESTED {
		ev.fraction = rule.MaxFraction
	}
	if ev.kind == types.FAULT_KIND_ATTESTED {
		err = k.checkAge(ctx, ev.infractionHeight)
	} else {
		// The height comes from data the faulty party signed: a far-past or
		// future height must not make the evidence unusable, so it is
		// clamped into the window evidence may reach.
		ev.infractionHeight, err = k.clampHeight(ctx, ev.infractionHeight)
	}
	if err != nil {
		return types.Slash{}, err
	}
	if ev.kind.Bonded() {
		if err := k.refuseSecondPending(ctx, ev.kind, ev.operatorID); err != nil {
			return types.Slash{}, err
		}
	}
	if seen, err := k.evidence.Has(ctx, ev.id); err != nil || seen {
		if err == nil {
			err = errorsmod.Wrapf(types.ErrDuplicateEvidence, "%s against operator %d at service %d", ev.kind, ev.operatorID, ev.serviceID)
		}
		return types.Slash{}, err
	}
	now, err := k.restaking.Now(ctx)
	if err != nil {
		return types.Slash{}, err
	}
	weight, err := k.operatorWeight(ctx, ev.serviceID, ev.operatorID)
	if err != nil {
		return types.Slash{}, err
	}
	bond, err := k.takeBond(ctx, ev.kind, ev.submitter)
	if err != nil {
		return types.Slash{}, err
	}
	id, err := k.nextSlashID.Next(ctx)
	if err != nil {
		return types.Slash{}, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	slash := types.Slash{
		Id: id, Kind: ev.kind, ServiceId: ev.serviceID, OperatorId: ev.operatorID, Fraction: ev.fraction,
		InfractionHeight: ev.infractionHeight, Submitter: ev.submitter, EvidenceHash: ev.id,
		SubmitHeight: sdkCtx.BlockHeight(), SubmitTime: now, ExecuteAt: now.Add(rule.VetoWindow),
		Rule: rule, DaPointer: ev.da, Status: types.SLASH_STATUS_PENDING, Reason: ev.reason, Bond: bond,
		PoolWeight: weight,
	}
	if err := k.slashes.Set(ctx, id, slash); err != nil {
		return slash, err
	}
	if err := k.enqueue(ctx, slash); err != nil {
		return slash, err
	}
	if err := k.evidence.Set(ctx, ev.id, id); err != nil {
		return slash, err
	}
	return slash, sdkCtx.EventManager().EmitTypedEvent(&types.EventEvidenceSubmitted{
		SlashId: id, Kind: ev.kind, ServiceId: ev.serviceID, OperatorId: ev.operatorID,
		Fraction: ev.fraction.String(), ExecuteAt: slash.ExecuteAt, Submitter: ev.submitter,
	})
}

// checkAge refuses infractions in the future or older than the params allow.
func (k *Keeper) checkAge(ctx context.Context, infractionHeight int64) error {
	params, err := k.params.Get(ctx)
	if err != nil {
		return err
	}
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	if infractionHeight <= 0 || infractionHeight > height {
		return errorsmod.Wrapf(types.ErrInvalidEvidence, "infraction height %d is not in (0, %d]", infractionHeight, height)
	}
	if height-infractionHeight > params.MaxEvidenceAge {
		return errorsmod.Wrapf(types.ErrEvidenceTooOld, "infraction at %d, now %d, max age %d", infractionHeight, height, params.MaxEvidenceAge)
	}
	return nil
}

// clampHeight brings a signed height into [now - max_evidence_age, now].
func (k *Keeper) clampHeight(ctx context.Context, h int64) (int64, error) {
	params, err := k.params.Get(ctx)
	if err != nil {
		return 0, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockHeight()
	return min(max(h, now-params.MaxEvidenceAge, 1), now), nil
}

// activeSequencing is sequencingTarget once the sequencing service is
// active: evidence against the sequencer needs both.
func (k *Keeper) activeSequencing(ctx context.Context) (types.SequencingService, []byte, error) {
	seq, key, err := k.sequencingTarget(ctx)
	if err != nil {
		return seq, nil, err
	}
	if _, err := k.activeService(ctx, seq.ServiceId); err != nil {
		return seq, nil, err
	}
	return seq, key, nil
}

// sequencingTarget is the service and operator the sequencer answers with.
func (k *Keeper) sequencingTarget(ctx context.Context) (types.SequencingService, []byte, error) {
	seq, err := k.sequencing.Get(ctx)
	if err != nil || seq.ServiceId == 0 {
		return seq, nil, errorsmod.Wrap(types.ErrNoSequencing, "this chain has no sequencing service")
	}
	s, err := k.sequencer.GetSequencer(ctx)
	if err != nil {
		return seq, nil, errorsmod.Wrapf(types.ErrNoSequencing, "sequencer: %s", err)
	}
	return seq, s.ConsensusPubkey, nil
}

// respond turns the outcome of a Submit* Msg into its response.
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
