package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// refusal is one Msg that must fail with want and change nothing.
type refusal struct {
	name string
	run  func() error
	want error
}

// requireRefusals runs each case and checks the error and that the
// slashing, restaking and rewards state and every balance are unchanged.
func (e *env) requireRefusals(t *testing.T, cases []refusal) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := e.snapshot()
			err := tc.run()
			require.ErrorIs(t, err, tc.want)
			require.Equal(t, before, e.snapshot(), "a refused Msg must change nothing")
		})
	}
}

// msgFixture is a world for the error tables: service s with rules
// (double sign with a resolver, attested with a slasher), an inactive
// service, a service with no rules, o1 joined to s and sNoRules with task
// keys for both, o2 joined to s without a key and jailed there since
// genesis, oOut joined nowhere; alice delegated to o1; a pending
// double-sign slash (resolver-ruled), a vetoed one and a pending attested
// one (governance-ruled). The chain is past height 25 and the evidence age
// limit is 20 blocks.
type msgFixture struct {
	e                      *env
	s, sInactive, sNoRules uint32
	o1, o2, oOut           uint32
	pendingDS, vetoedDS    uint64
	pendingAttested        uint64
	jailedUntil            time.Time
}

// The fixture's governance bounds.
const (
	fixtureMaxFraction = "0.5"
	fixtureMaxJail     = 7 * 24 * time.Hour
	fixtureMinVeto     = time.Hour
	fixtureMaxVeto     = 2 * 24 * time.Hour
	fixtureMaxAge      = 20
)

func newMsgFixture(t *testing.T) *msgFixture {
	f := &msgFixture{jailedUntil: genesisTime.Add(24 * time.Hour)}
	f.e = newEnv(t, func(e *env, gs *types.GenesisState) {
		f.s, f.sInactive, f.sNoRules = e.service(), e.service(true), e.service()
		f.o1 = e.operator(op1Admin, f.s, f.sNoRules)
		f.o2 = e.operator(op2Admin, f.s)
		f.oOut = e.operator(op2Admin)
		gs.Params.MaxSlashFraction = dec(fixtureMaxFraction)
		gs.Params.MaxJailDuration = fixtureMaxJail
		gs.Params.MinSubjectiveVetoWindow = fixtureMinVeto
		gs.Params.MaxVetoWindow = fixtureMaxVeto
		gs.Params.MaxEvidenceAge = fixtureMaxAge
		gs.Jails = []types.Jail{{OperatorId: f.o2, ServiceId: f.s, Until: f.jailedUntil}}
	})
	e := f.e
	ds := rule(types.FAULT_KIND_DOUBLE_SIGN, "0.3", time.Hour, time.Minute)
	ds.Resolver = resolver
	e.setRules(f.s, slasher, ds, rule(types.FAULT_KIND_ATTESTED, "0.3", 0, fixtureMinVeto))
	e.registerKey(op1Admin, f.o1, f.s)
	e.registerKey(op1Admin, f.o1, f.sNoRules)
	e.delegate(alice, opType, f.o1, "1000umilktia")
	e.advance(25, block)
	h := e.ctx.BlockHeight() - 1
	f.pendingDS = e.submitDoubleSign(doubleSign(eve, f.s, f.o1, 1, h, "0.1")).SlashId
	f.vetoedDS = e.submitDoubleSign(doubleSign(eve, f.s, f.o1, 2, h, "0.1")).SlashId
	_, err := e.msgs.VetoSlash(e.ctx, &types.MsgVetoSlash{Sender: resolver, SlashId: f.vetoedDS})
	require.NoError(t, err)
	res, err := e.msgs.SubmitAttestedFault(e.ctx, f.attested(slasher, f.s, f.o1))
	require.NoError(t, err)
	f.pendingAttested = res.SlashId
	return f
}

// attested is an attested fault against operator at service by from,
// pointing at a blob in the evidence namespace.
func (f *msgFixture) attested(from string, service, operator uint32) *types.MsgSubmitAttestedFault {
	return &types.MsgSubmitAttestedFault{
		Slasher: from, ServiceId: service, OperatorId: operator, Fraction: dec("0.1"),
		InfractionHeight: f.e.ctx.BlockHeight() - 1, Reason: "missed 40 tasks",
		Evidence: types.DAPointer{Namespace: types.DefaultParams().EvidenceNamespace, Height: 77, Commitment: []byte("commitment")},
	}
}

func TestSetSlashingRulesRefusals(t *testing.T) {
	f := newMsgFixture(t)
	e := f.e
	set := func(sender string, service uint32, slasherAddr string, rules ...types.SlashingRule) func() error {
		return func() error {
			_, err := e.msgs.SetSlashingRules(e.ctx, &types.MsgSetSlashingRules{Sender: sender, ServiceId: service, Slasher: slasherAddr, Rules: rules})
			return err
		}
	}
	ok := rule(types.FAULT_KIND_DOUBLE_SIGN, "0.2", time.Hour, time.Minute)
	with := func(mod func(r *types.SlashingRule)) types.SlashingRule {
		r := ok
		mod(&r)
		return r
	}
	e.requireRefusals(t, []refusal{
		{"bad sender", set("milk1notanaddress", f.s, "", ok), types.ErrInvalidAddress},
		{"non-admin", set(alice, f.s, "", ok), access.ErrNotAdmin},
		{"unknown service", set(admin, 99, "", ok), types.ErrServiceNotFound},
		{"zero service id", set(admin, 0, "", ok), types.ErrInvalidRule},
		{"bad slasher", set(admin, f.s, "slasher", ok), types.ErrInvalidAddress},
		{"fraction above the gov max", set(admin, f.s, "", with(func(r *types.SlashingRule) { r.MaxFraction = dec("0.51") })), types.ErrInvalidRule},
		{"fraction above one", set(admin, f.s, "", with(func(r *types.SlashingRule) { r.MaxFraction = dec("1.01") })), types.ErrInvalidRule},
		{"zero fraction", set(admin, f.s, "", with(func(r *types.SlashingRule) { r.MaxFraction = dec("0") })), types.ErrInvalidRule},
		{"jail above the gov max", set(admin, f.s, "", with(func(r *types.SlashingRule) { r.JailDuration = fixtureMaxJail + time.Second })), types.ErrInvalidRule},
		{"veto window above the gov max", set(admin, f.s, "", with(func(r *types.SlashingRule) { r.VetoWindow = fixtureMaxVeto + time.Second })), types.ErrInvalidRule},
		{"negative veto window", set(admin, f.s, "", with(func(r *types.SlashingRule) { r.VetoWindow = -time.Second })), types.ErrInvalidRule},
		{"attested rule with a veto window below the minimum", set(admin, f.s, "",
			rule(types.FAULT_KIND_ATTESTED, "0.1", 0, fixtureMinVeto-time.Second)), types.ErrInvalidRule},
		{"state mismatch rule with a veto window below the minimum", set(admin, f.s, "",
			rule(types.FAULT_KIND_STATE_MISMATCH, "0.1", 0, 0)), types.ErrInvalidRule},
		{"duplicate kinds", set(admin, f.s, "", ok, with(func(r *types.SlashingRule) { r.MaxFraction = dec("0.1") })), types.ErrInvalidRule},
		{"unknown kind", set(admin, f.s, "", with(func(r *types.SlashingRule) { r.Kind = 9 })), types.ErrInvalidRule},
		{"unspecified kind", set(admin, f.s, "", with(func(r *types.SlashingRule) { r.Kind = types.FAULT_KIND_UNSPECIFIED })), types.ErrInvalidRule},
		{"bad recipient", set(admin, f.s, "", with(func(r *types.SlashingRule) { r.Recipient = "treasury" })), types.ErrInvalidAddress},
		{"bad resolver", set(admin, f.s, "", with(func(r *types.SlashingRule) { r.Resolver = "milk1xyz" })), types.ErrInvalidAddress},
	})

	// An objective rule may have no veto window; the config replaces the old one.
	require.NoError(t, set(admin, f.s, "", rule(types.FAULT_KIND_EQUIVOCATION, "0.5", 0, 0))())
	cfg, err := e.queries.ServiceConfig(e.ctx, &types.QueryServiceConfigRequest{ServiceId: f.s})
	require.NoError(t, err)
	require.Equal(t, admin, cfg.Config.Slasher, "no slasher: the service admin")
	require.Len(t, cfg.Config.Rules, 1)
	require.Equal(t, types.FAULT_KIND_EQUIVOCATION, cfg.Config.Rules[0].Kind)
	// Pending slashes keep the rule they were submitted under.
	require.Equal(t, resolver, e.slash(f.pendingDS).Rule.Resolver)
}

func TestRegisterOperatorKeyRefusals(t *testing.T) {
	f := newMsgFixture(t)
	e := f.e
	key := taskKey(f.o2, f.s).PubKey().Bytes()
	register := func(sender string, operator, service uint32, pub []byte) func() error {
		return func() error {
			_, err := e.msgs.RegisterOperatorKey(e.ctx, &types.MsgRegisterOperatorKey{Sender: sender, OperatorId: operator, ServiceId: service, PubKey: pub})
			return err
		}
	}
	e.requireRefusals(t, []refusal{
		{"bad sender", register("op2admin", f.o2, f.s, key), types.ErrInvalidAddress},
		{"31-byte key", register(op2Admin, f.o2, f.s, key[:31]), types.ErrInvalidKey},
		{"33-byte key", register(op2Admin, f.o2, f.s, append(append([]byte{}, key...), 0)), types.ErrInvalidKey},
		{"no key", register(op2Admin, f.o2, f.s, nil), types.ErrInvalidKey},
		{"zero operator id", register(op2Admin, 0, f.s, key), types.ErrInvalidKey},
		{"zero service id", register(op2Admin, f.o2, 0, key), types.ErrInvalidKey},
		{"non-admin", register(op1Admin, f.o2, f.s, key), access.ErrNotAdmin},
		{"unknown operator", register(op2Admin, 99, f.s, key), types.ErrOperatorNotFound},
		{"unknown service", register(op2Admin, f.o2, 99, key), types.ErrServiceNotFound},
		{"key already registered", register(op1Admin, f.o1, f.s, key), types.ErrKeyAlreadySet},
		{"same key again", register(op1Admin, f.o1, f.s, taskKey(f.o1, f.s).PubKey().Bytes()), types.ErrKeyAlreadySet},
	})
	require.NoError(t, register(op2Admin, f.o2, f.s, key)())
	got, err := e.queries.OperatorKey(e.ctx, &types.QueryOperatorKeyRequest{OperatorId: f.o2, ServiceId: f.s})
	require.NoError(t, err)
	require.Equal(t, key, got.Key.PubKey)
}

func TestUnjailRefusals(t *testing.T) {
	f := newMsgFixture(t)
	e := f.e
	unjail := func(sender string, operator, service uint32) func() error {
		return func() error {
			_, err := e.msgs.Unjail(e.ctx, &types.MsgUnjail{Sender: sender, OperatorId: operator, ServiceId: service})
			return err
		}
	}
	require.ErrorIs(t, e.tryDelegate(bob, opType, f.o2, "5uinit"), types.ErrOperatorJailed, "jailed since genesis")
	e.requireRefusals(t, []refusal{
		{"bad sender", unjail("nobody", f.o2, f.s), types.ErrInvalidAddress},
		{"zero ids", unjail(op2Admin, 0, f.s), types.ErrNotJailed},
		{"non-admin", unjail(op1Admin, f.o2, f.s), access.ErrNotAdmin},
		{"unknown operator", unjail(op2Admin, 99, f.s), types.ErrOperatorNotFound},
		{"not jailed", unjail(op1Admin, f.o1, f.s), types.ErrNotJailed},
		{"not jailed in that service", unjail(op2Admin, f.oOut, f.s), types.ErrNotJailed},
		{"still jailed", unjail(op2Admin, f.o2, f.s), types.ErrStillJailed},
	})
	e.advance(25, time.Hour)
	require.NoError(t, unjail(op2Admin, f.o2, f.s)())
	e.delegate(bob, opType, f.o2, "5uinit")
}

func TestUpdateParamsRefusals(t *testing.T) {
	f := newMsgFixture(t)
	e := f.e
	update := func(sender string, mod func(p *types.Params)) func() error {
		return func() error {
			p := types.DefaultParams()
			mod(&p)
			_, err := e.msgs.UpdateParams(e.ctx, &types.MsgUpdateParams{Authority: sender, Params: p})
			return err
		}
	}
	none := func(*types.Params) {}
	e.requireRefusals(t, []refusal{
		{"non-authority", update(admin, none), access.ErrNotGovAuthority},
		{"zero max fraction", update(authority, func(p *types.Params) { p.MaxSlashFraction = dec("0") }), types.ErrInvalidParams},
		{"max fraction above one", update(authority, func(p *types.Params) { p.MaxSlashFraction = dec("1.5") }), types.ErrInvalidParams},
		{"negative jail", update(authority, func(p *types.Params) { p.MaxJailDuration = -1 }), types.ErrInvalidParams},
		{"max veto below the subjective minimum", update(authority, func(p *types.Params) { p.MaxVetoWindow = p.MinSubjectiveVetoWindow - 1 }), types.ErrInvalidParams},
		{"zero evidence age", update(authority, func(p *types.Params) { p.MaxEvidenceAge = 0 }), types.ErrInvalidParams},
		{"bad namespace", update(authority, func(p *types.Params) { p.EvidenceNamespace = []byte("short") }), types.ErrInvalidParams},
	})
	require.NoError(t, update(authority, none)())
	params, err := e.queries.Params(e.ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	want := types.DefaultParams()
	require.Equal(t, e.cdc.MustMarshalJSON(&want), e.cdc.MustMarshalJSON(&params.Params))
}
