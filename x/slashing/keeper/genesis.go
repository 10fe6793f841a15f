package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// InitGenesis loads the state. It runs after services, operators and
// restaking, so the sequencing service and operator can be checked.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := k.params.Set(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.nextSlashID.Set(ctx, gs.NextSlashId); err != nil {
		return err
	}
	for _, c := range gs.Configs {
		for _, r := range c.Rules {
			if err := r.CheckBounds(gs.Params); err != nil {
				return errorsmod.Wrapf(types.ErrInvalidGenesis, "service %d: %s", c.ServiceId, err)
			}
		}
		if err := k.configs.Set(ctx, c.ServiceId, c); err != nil {
			return err
		}
	}
	for _, key := range gs.OperatorKeys {
		if err := k.operatorKeys.Set(ctx, operatorServiceKey(key.OperatorId, key.ServiceId), key); err != nil {
			return err
		}
	}
	for _, s := range gs.Slashes {
		if err := k.slashes.Set(ctx, s.Id, s); err != nil {
			return err
		}
		if s.Status != types.SLASH_STATUS_VETOED {
			if err := k.evidence.Set(ctx, s.EvidenceHash, s.Id); err != nil {
				return err
			}
		}
		if s.Status == types.SLASH_STATUS_PENDING {
			if err := k.enqueue(ctx, s); err != nil {
				return err
			}
		}
	}
	for _, j := range gs.Jails {
		if err := k.jails.Set(ctx, operatorServiceKey(j.OperatorId, j.ServiceId), j.Until); err != nil {
			return err
		}
	}
	if !gs.Dust.IsZero() {
		if err := k.dust.Set(ctx, types.DustRecord{Coins: gs.Dust}); err != nil {
			return err
		}
	}
	return k.initSequencing(ctx, gs.Sequencing)
}

// initSequencing checks the sequencing service and operator exist (the
// operator may have left the service since: governance administers both).
func (k *Keeper) initSequencing(ctx context.Context, s types.SequencingService) error {
	if s.ServiceId == 0 {
		return nil
	}
	if _, err := k.services.GetService(ctx, s.ServiceId); err != nil {
		return errorsmod.Wrapf(types.ErrInvalidGenesis, "sequencing service %d: %s", s.ServiceId, err)
	}
	if _, err := k.operators.GetOperator(ctx, s.OperatorId); err != nil {
		return errorsmod.Wrapf(types.ErrInvalidGenesis, "sequencing operator %d: %s", s.OperatorId, err)
	}
	return k.sequencing.Set(ctx, s)
}

// ExportGenesis writes the state out.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	var err error
	if gs.Params, err = k.params.Get(ctx); err != nil {
		return nil, err
	}
	if gs.NextSlashId, err = k.nextSlashID.Peek(ctx); err != nil {
		return nil, err
	}
	if err := k.configs.Walk(ctx, nil, func(_ uint32, c types.ServiceSlashingConfig) (bool, error) {
		gs.Configs = append(gs.Configs, c)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.operatorKeys.Walk(ctx, nil, func(_ OperatorServiceKey, key types.OperatorKey) (bool, error) {
		gs.OperatorKeys = append(gs.OperatorKeys, key)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.slashes.Walk(ctx, nil, func(_ uint64, s types.Slash) (bool, error) {
		gs.Slashes = append(gs.Slashes, s)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.jails.Walk(ctx, nil, func(key OperatorServiceKey, until time.Time) (bool, error) {
		gs.Jails = append(gs.Jails, types.Jail{OperatorId: key.K1(), ServiceId: key.K2(), Until: until})
		return false, nil
	}); err != nil {
		return nil, err
	}
	seq, err := k.sequencing.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	gs.Sequencing = seq
	gs.Dust, err = k.GetDust(ctx)
	return gs, err
}
