package keeper_test

import (
	"context"

	"github.com/cosmos/cosmos-sdk/runtime"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// recordingHooks records every restaking hook call in order.
type recordingHooks struct{ calls []string }

func (h *recordingHooks) BeforeDelegationSharesModified(_ context.Context, t types.DelegationType, id uint32, _ sdk.AccAddress) error {
	h.calls = append(h.calls, "before "+t.String())
	return nil
}

func (h *recordingHooks) AfterDelegationModified(_ context.Context, t types.DelegationType, id uint32, _ sdk.AccAddress) error {
	h.calls = append(h.calls, "after "+t.String())
	return nil
}

func (h *recordingHooks) AfterUnbondingInitiated(context.Context, uint64) error {
	h.calls = append(h.calls, "unbonding")
	return nil
}

func (h *recordingHooks) AfterUserPreferencesModified(_ context.Context, _ sdk.AccAddress, oldPrefs, newPrefs types.UserPreferences) error {
	h.calls = append(h.calls, "preferences")
	return nil
}

func (h *recordingHooks) AfterPoolClassSlashed(context.Context, uint32, uint64, uint64, []uint32, sdk.DecCoins) error {
	h.calls = append(h.calls, "class slashed")
	return nil
}

// TestHooksFollowEveryChange: rewards and slashing will rely on these
// calls, in this order, around every share change.
func (s *KeeperTestSuite) TestHooksFollowEveryChange() {
	hooks := &recordingHooks{}
	// The app's keeper already has rewards' hooks, and hooks are set once
	// (SetHooks panics on a second call): record on a second restaking
	// keeper over the same store and the app's other keepers.
	a := s.f.App
	s.k = keeper.NewKeeper(a.AppCodec(), runtime.NewKVStoreService(a.GetKey(types.StoreKey)), a.BankKeeper,
		a.PoolsKeeper, a.OperatorsKeeper, a.ServicesKeeper, authority)
	s.k.SetHooks(hooks)
	s.msgs = keeper.NewMsgServer(s.k)
	s.delegatePool(alice, "100umilktia")
	_, err := s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: alice, Amount: sdk.NewInt64Coin("umilktia", 10)})
	s.Require().NoError(err)
	s.activeService()
	_, err = s.msgs.SetUserPreferences(s.ctx, &types.MsgSetUserPreferences{User: alice, Preferences: types.UserPreferences{
		TrustedServices: []types.TrustedServiceEntry{{ServiceId: 1}}}})
	s.Require().NoError(err)
	s.Require().Equal([]string{
		"before DELEGATION_TYPE_POOL", "after DELEGATION_TYPE_POOL",
		"before DELEGATION_TYPE_POOL", "after DELEGATION_TYPE_POOL", "unbonding",
		"preferences",
	}, hooks.calls)
}
