package keeper

import "context"

// The hook calls below are no-ops until SetHooks is called.

func (k *Keeper) afterOperatorRegistered(ctx context.Context, id uint32) error {
	if k.hooks == nil {
		return nil
	}
	return k.hooks.AfterOperatorRegistered(ctx, id)
}

func (k *Keeper) afterOperatorInactivatingStarted(ctx context.Context, id uint32) error {
	if k.hooks == nil {
		return nil
	}
	return k.hooks.AfterOperatorInactivatingStarted(ctx, id)
}

func (k *Keeper) afterOperatorInactivatingCompleted(ctx context.Context, id uint32) error {
	if k.hooks == nil {
		return nil
	}
	return k.hooks.AfterOperatorInactivatingCompleted(ctx, id)
}

func (k *Keeper) afterOperatorReactivated(ctx context.Context, id uint32) error {
	if k.hooks == nil {
		return nil
	}
	return k.hooks.AfterOperatorReactivated(ctx, id)
}

func (k *Keeper) beforeOperatorDeleted(ctx context.Context, id uint32) error {
	if k.hooks == nil {
		return nil
	}
	return k.hooks.BeforeOperatorDeleted(ctx, id)
}
