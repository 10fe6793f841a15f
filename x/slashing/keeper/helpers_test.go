package keeper_test

import (
	"fmt"
	"time"

	sdkmath "cosmossdk.io/math"
	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	operatorskeeper "github.com/milkyway-labs/milkyway-rollup/x/operators/keeper"
	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	restakingkeeper "github.com/milkyway-labs/milkyway-rollup/x/restaking/keeper"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	rewardskeeper "github.com/milkyway-labs/milkyway-rollup/x/rewards/keeper"
	rewardstypes "github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
	serviceskeeper "github.com/milkyway-labs/milkyway-rollup/x/services/keeper"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

const (
	pool    = restakingtypes.DELEGATION_TYPE_POOL
	opType  = restakingtypes.DELEGATION_TYPE_OPERATOR
	svcType = restakingtypes.DELEGATION_TYPE_SERVICE
)

// service creates a service administered by admin and activates it
// unless inactive is set.
func (e *env) service(inactive ...bool) uint32 {
	msgs := serviceskeeper.NewMsgServer(e.services)
	res, err := msgs.CreateService(e.ctx, &servicestypes.MsgCreateService{Sender: admin, Name: "oracle"})
	require.NoError(e.t, err)
	if len(inactive) == 0 || !inactive[0] {
		_, err = msgs.ActivateService(e.ctx, &servicestypes.MsgActivateService{Sender: admin, ServiceId: res.NewServiceId})
		require.NoError(e.t, err)
	}
	return res.NewServiceId
}

// operator registers an operator administered by owner, with no
// commission, and joins it to the given services.
func (e *env) operator(owner string, services ...uint32) uint32 {
	res, err := operatorskeeper.NewMsgServer(e.operators).RegisterOperator(e.ctx, &operatorstypes.MsgRegisterOperator{
		Sender: owner, Moniker: "operator", CommissionRate: sdkmath.LegacyZeroDec(),
		MaxCommissionRate: sdkmath.LegacyOneDec(), MaxCommissionChangeRate: sdkmath.LegacyNewDecWithPrec(1, 2),
	})
	require.NoError(e.t, err)
	for _, s := range services {
		e.join(owner, res.NewOperatorId, s)
	}
	return res.NewOperatorId
}

func (e *env) join(owner string, operatorID, serviceID uint32) {
	_, err := restakingkeeper.NewMsgServer(e.restaking).JoinService(e.ctx, &restakingtypes.MsgJoinService{
		Sender: owner, OperatorId: operatorID, ServiceId: serviceID})
	require.NoError(e.t, err)
}

func (e *env) borrowPool(service, poolID uint32) {
	_, err := restakingkeeper.NewMsgServer(e.restaking).BorrowPoolSecurity(e.ctx, &restakingtypes.MsgBorrowPoolSecurity{
		Sender: admin, ServiceId: service, PoolId: poolID})
	require.NoError(e.t, err)
}

// trust sets the services user trusts with every pool.
func (e *env) trust(user string, services ...uint32) {
	require.NoError(e.t, e.tryTrust(user, services...))
}

// tryTrust sets the services user trusts with every pool.
func (e *env) tryTrust(user string, services ...uint32) error {
	prefs := restakingtypes.UserPreferences{}
	for _, id := range services {
		prefs.TrustedServices = append(prefs.TrustedServices, restakingtypes.TrustedServiceEntry{ServiceId: id})
	}
	_, err := restakingkeeper.NewMsgServer(e.restaking).SetUserPreferences(e.ctx, &restakingtypes.MsgSetUserPreferences{
		User: user, Preferences: prefs})
	return err
}

func (e *env) tryDelegate(user string, t restakingtypes.DelegationType, id uint32, amount string) error {
	msgs := restakingkeeper.NewMsgServer(e.restaking)
	var err error
	switch t {
	case pool:
		_, err = msgs.DelegatePool(e.ctx, &restakingtypes.MsgDelegatePool{Delegator: user, Amount: coins(amount)[0]})
	case opType:
		_, err = msgs.DelegateOperator(e.ctx, &restakingtypes.MsgDelegateOperator{Delegator: user, OperatorId: id, Amount: coins(amount)})
	default:
		_, err = msgs.DelegateService(e.ctx, &restakingtypes.MsgDelegateService{Delegator: user, ServiceId: id, Amount: coins(amount)})
	}
	return err
}

func (e *env) delegate(user string, t restakingtypes.DelegationType, id uint32, amount string) {
	require.NoError(e.t, e.tryDelegate(user, t, id, amount))
}

func (e *env) tryUndelegate(user string, t restakingtypes.DelegationType, id uint32, amount sdk.Coins) error {
	msgs := restakingkeeper.NewMsgServer(e.restaking)
	var err error
	switch t {
	case pool:
		_, err = msgs.UndelegatePool(e.ctx, &restakingtypes.MsgUndelegatePool{Delegator: user, Amount: amount[0]})
	case opType:
		_, err = msgs.UndelegateOperator(e.ctx, &restakingtypes.MsgUndelegateOperator{Delegator: user, OperatorId: id, Amount: amount})
	default:
		_, err = msgs.UndelegateService(e.ctx, &restakingtypes.MsgUndelegateService{Delegator: user, ServiceId: id, Amount: amount})
	}
	return err
}

func (e *env) undelegate(user string, t restakingtypes.DelegationType, id uint32, amount string) {
	require.NoError(e.t, e.tryUndelegate(user, t, id, coins(amount)))
}

// plan creates a plan of service paying perDay for 30 days from now.
func (e *env) plan(service uint32, perDay, funds string, pools, operators, users uint32) uint64 {
	res, err := rewardskeeper.NewMsgServer(e.rewards).CreateRewardsPlan(e.ctx, &rewardstypes.MsgCreateRewardsPlan{
		Sender: admin, ServiceId: service, Description: "plan", AmountPerDay: coins(perDay)[0],
		StartTime: e.ctx.BlockTime(), EndTime: e.ctx.BlockTime().Add(30 * 24 * time.Hour),
		PoolsDistribution:     rewardstypes.Distribution{Type: rewardstypes.DISTRIBUTION_TYPE_BASIC, Weight: pools},
		OperatorsDistribution: rewardstypes.Distribution{Type: rewardstypes.DISTRIBUTION_TYPE_BASIC, Weight: operators},
		UsersDistribution:     rewardstypes.UsersDistribution{Weight: users},
		Funds:                 coins(funds)[0],
	})
	require.NoError(e.t, err)
	return res.PlanId
}

// withdraw pays user's rewards of one delegation and returns them.
func (e *env) withdraw(user string, t restakingtypes.DelegationType, id uint32) sdk.Coins {
	res, err := rewardskeeper.NewMsgServer(e.rewards).WithdrawDelegatorReward(e.ctx, &rewardstypes.MsgWithdrawDelegatorReward{
		Delegator: user, DelegationType: t, TargetId: id})
	require.NoError(e.t, err)
	return res.Amount
}

func (e *env) balance(of, denom string) sdkmath.Int {
	return e.bank.GetBalance(e.ctx, mustAcc(of), denom).Amount
}

func (e *env) supply(denom string) sdkmath.Int { return e.bank.GetSupply(e.ctx, denom).Amount }

func (e *env) stake(t restakingtypes.DelegationType, id uint32, denom string) restakingtypes.DenomStake {
	s, err := e.restaking.GetTargetStake(e.ctx, t, id, denom)
	require.NoError(e.t, err)
	return s
}

func (e *env) delegation(user string, t restakingtypes.DelegationType, id uint32) (restakingtypes.Delegation, bool) {
	d, found, err := e.restaking.GetDelegation(e.ctx, t, id, mustAcc(user))
	require.NoError(e.t, err)
	return d, found
}

// unbondingBalances lists user's unbonding entry balances from a target.
func (e *env) unbondingBalances(user string, t restakingtypes.DelegationType, id uint32) []sdk.Coins {
	u, found, err := e.restaking.GetUnbondingDelegation(e.ctx, t, id, mustAcc(user))
	require.NoError(e.t, err)
	if !found {
		return nil
	}
	out := make([]sdk.Coins, len(u.Entries))
	for i, entry := range u.Entries {
		out[i] = entry.Balance
	}
	return out
}

// rule is a slashing rule with the given max fraction (a decimal string).
func rule(kind types.FaultKind, maxFraction string, jail, veto time.Duration) types.SlashingRule {
	return types.SlashingRule{Kind: kind, MaxFraction: sdkmath.LegacyMustNewDecFromStr(maxFraction), JailDuration: jail, VetoWindow: veto}
}

func (e *env) setRules(service uint32, slasherAddr string, rules ...types.SlashingRule) {
	_, err := e.msgs.SetSlashingRules(e.ctx, &types.MsgSetSlashingRules{Sender: admin, ServiceId: service, Slasher: slasherAddr, Rules: rules})
	require.NoError(e.t, err)
}

// taskKey is operator's deterministic task key for service.
func taskKey(operatorID, serviceID uint32) cmted25519.PrivKey {
	return cmted25519.GenPrivKeyFromSecret([]byte(fmt.Sprintf("operator %d task key for service %d", operatorID, serviceID)))
}

// registerKey registers taskKey(operator, service) as the operator admin.
func (e *env) registerKey(owner string, operatorID, serviceID uint32) {
	_, err := e.msgs.RegisterOperatorKey(e.ctx, &types.MsgRegisterOperatorKey{Sender: owner, OperatorId: operatorID,
		ServiceId: serviceID, PubKey: taskKey(operatorID, serviceID).PubKey().Bytes()})
	require.NoError(e.t, err)
}

// task signs a task answer with key.
func task(key cmted25519.PrivKey, serviceID, operatorID uint32, taskID uint64, height int64, payload string) types.SignedTask {
	t, err := types.SignedTask{ServiceId: serviceID, OperatorId: operatorID, TaskId: taskID, Height: height,
		Payload: []byte(payload)}.Sign(chainID, key)
	if err != nil {
		panic(err)
	}
	return t
}

// doubleSign is a double sign by operator's registered key: two payloads
// for taskID at height.
func doubleSign(submitter string, serviceID, operatorID uint32, taskID uint64, height int64, fraction string) *types.MsgSubmitDoubleSign {
	key := taskKey(operatorID, serviceID)
	return &types.MsgSubmitDoubleSign{
		Submitter: submitter, Fraction: sdkmath.LegacyMustNewDecFromStr(fraction),
		First:  task(key, serviceID, operatorID, taskID, height, "answer A"),
		Second: task(key, serviceID, operatorID, taskID, height, "answer B"),
	}
}

func (e *env) submitDoubleSign(msg *types.MsgSubmitDoubleSign) *types.MsgSubmitEvidenceResponse {
	res, err := e.msgs.SubmitDoubleSign(e.ctx, msg)
	require.NoError(e.t, err)
	return res
}

func (e *env) slash(id uint64) types.Slash {
	res, err := e.queries.Slash(e.ctx, &types.QuerySlashRequest{SlashId: id})
	require.NoError(e.t, err)
	return res.Slash
}

func (e *env) isJailed(operatorID, serviceID uint32) bool {
	jailed, err := e.k.IsJailed(e.ctx, operatorID, serviceID)
	require.NoError(e.t, err)
	return jailed
}

func (e *env) pendingIDs() []uint64 {
	res, err := e.queries.PendingSlashes(e.ctx, &types.QueryPendingSlashesRequest{})
	require.NoError(e.t, err)
	var ids []uint64
	for _, s := range res.Slashes {
		ids = append(ids, s.Id)
	}
	return ids
}

// untilExecutionDue runs blocks of d until the block time reaches at, so
// the slash due at is still pending but its window has closed.
func (e *env) untilExecutionDue(at time.Time, d time.Duration) {
	for e.ctx.BlockTime().Before(at) {
		e.nextBlock(d)
	}
}

// exportSlashing is the slashing genesis as JSON.
func (e *env) exportSlashing() []byte {
	gs, err := e.k.ExportGenesis(e.ctx)
	require.NoError(e.t, err)
	return e.cdc.MustMarshalJSON(gs)
}

// snapshot is every piece of state a rejected Msg must leave alone: the
// slashing, restaking and rewards genesis and every balance.
func (e *env) snapshot() []string {
	slashing := e.exportSlashing()
	restaking, err := e.restaking.ExportGenesis(e.ctx)
	require.NoError(e.t, err)
	rewards, err := e.rewards.ExportGenesis(e.ctx)
	require.NoError(e.t, err)
	bank := e.bank.ExportGenesis(e.ctx)
	return []string{string(slashing), string(e.cdc.MustMarshalJSON(restaking)), string(e.cdc.MustMarshalJSON(rewards)),
		string(e.cdc.MustMarshalJSON(bank))}
}

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

func sdkInt(i int64) sdkmath.Int { return sdkmath.NewInt(i) }

func (e *env) rewardsQueries() rewardstypes.QueryServer {
	return rewardskeeper.NewQueryServer(e.rewards)
}

// requireStake checks a target's stake in denom.
func (e *env) requireStake(t restakingtypes.DelegationType, id uint32, denom string, tokens int64, shares string) {
	s := e.stake(t, id, denom)
	require.Equal(e.t, sdkInt(tokens).String(), s.Tokens.String(), "%s %d %s tokens", t, id, denom)
	require.Equal(e.t, dec(shares).String(), s.Shares.String(), "%s %d %s shares", t, id, denom)
}
