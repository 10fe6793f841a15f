package types_test

import (
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/celestiaorg/go-square/v2/share"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	reserved := share.PayForBlobNamespace.Bytes()
	for _, tc := range []struct {
		name string
		mod  func(p *types.Params)
	}{
		{"nil max fraction", func(p *types.Params) { p.MaxSlashFraction = sdkmath.LegacyDec{} }},
		{"zero max fraction", func(p *types.Params) { p.MaxSlashFraction = dec("0") }},
		{"negative max fraction", func(p *types.Params) { p.MaxSlashFraction = dec("-0.1") }},
		{"max fraction above one", func(p *types.Params) { p.MaxSlashFraction = dec("1.000000000000000001") }},
		{"negative max jail", func(p *types.Params) { p.MaxJailDuration = -time.Nanosecond }},
		{"negative subjective window", func(p *types.Params) { p.MinSubjectiveVetoWindow = -time.Nanosecond; p.MaxVetoWindow = 0 }},
		{"max veto below the subjective minimum", func(p *types.Params) { p.MaxVetoWindow = p.MinSubjectiveVetoWindow - 1 }},
		{"zero evidence age", func(p *types.Params) { p.MaxEvidenceAge = 0 }},
		{"negative evidence age", func(p *types.Params) { p.MaxEvidenceAge = -1 }},
		{"no namespace", func(p *types.Params) { p.EvidenceNamespace = nil }},
		{"short namespace", func(p *types.Params) { p.EvidenceNamespace = []byte("milk-evid") }},
		{"reserved namespace", func(p *types.Params) { p.EvidenceNamespace = reserved }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.mod(&p)
			require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
		})
	}
	// Bounds are inclusive.
	p := types.DefaultParams()
	p.MaxSlashFraction, p.MaxJailDuration, p.MaxVetoWindow = dec("0.999999999999999999"), 0, p.MinSubjectiveVetoWindow
	require.NoError(t, p.Validate())
	// A whole slash is never allowed (it would strand delegations).
	p.MaxSlashFraction = dec("1")
	require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
}

func TestDefaultParams(t *testing.T) {
	p := types.DefaultParams()
	require.Equal(t, "0.500000000000000000", p.MaxSlashFraction.String())
	require.Equal(t, 30*24*time.Hour, p.MaxJailDuration)
	require.Equal(t, 24*time.Hour, p.MinSubjectiveVetoWindow)
	require.Equal(t, 14*24*time.Hour, p.MaxVetoWindow)
	require.Equal(t, int64(1_000_000), p.MaxEvidenceAge)
	ns, err := share.NewNamespaceFromBytes(p.EvidenceNamespace)
	require.NoError(t, err)
	require.Equal(t, share.NamespaceVersionZero, ns.Version())
	require.Equal(t, []byte("milk-evid"), ns.ID()[len(ns.ID())-len("milk-evid"):])
}

func TestFaultKind(t *testing.T) {
	require.True(t, types.FAULT_KIND_ATTESTED.Subjective())
	require.True(t, types.FAULT_KIND_STATE_MISMATCH.Subjective())
	require.False(t, types.FAULT_KIND_DOUBLE_SIGN.Subjective())
	require.False(t, types.FAULT_KIND_EQUIVOCATION.Subjective())
	require.True(t, types.FAULT_KIND_CENSORSHIP.Subjective())
	require.True(t, types.FAULT_KIND_CENSORSHIP.Bonded())
	require.True(t, types.FAULT_KIND_STATE_MISMATCH.Bonded())
	require.False(t, types.FAULT_KIND_ATTESTED.Bonded(), "a service's own slasher posts no bond")
	require.False(t, types.FAULT_KIND_EQUIVOCATION.Bonded())
	for _, k := range []types.FaultKind{types.FAULT_KIND_DOUBLE_SIGN, types.FAULT_KIND_ATTESTED, types.FAULT_KIND_EQUIVOCATION, types.FAULT_KIND_STATE_MISMATCH, types.FAULT_KIND_CENSORSHIP} {
		require.NoError(t, k.Validate())
	}
	require.ErrorIs(t, types.FAULT_KIND_UNSPECIFIED.Validate(), types.ErrInvalidRule)
	require.ErrorIs(t, types.FaultKind(6).Validate(), types.ErrInvalidRule)
}

func validRule() types.SlashingRule {
	return types.SlashingRule{Kind: types.FAULT_KIND_DOUBLE_SIGN, MaxFraction: dec("0.1"), JailDuration: time.Hour,
		VetoWindow: time.Minute, Recipient: addr("treasury"), Resolver: addr("resolver")}
}

func TestSlashingRuleValidateBasic(t *testing.T) {
	require.NoError(t, validRule().ValidateBasic())
	for _, tc := range []struct {
		name string
		mod  func(r *types.SlashingRule)
		want error
	}{
		{"unspecified kind", func(r *types.SlashingRule) { r.Kind = types.FAULT_KIND_UNSPECIFIED }, types.ErrInvalidRule},
		{"unknown kind", func(r *types.SlashingRule) { r.Kind = 7 }, types.ErrInvalidRule},
		{"nil fraction", func(r *types.SlashingRule) { r.MaxFraction = sdkmath.LegacyDec{} }, types.ErrInvalidRule},
		{"zero fraction", func(r *types.SlashingRule) { r.MaxFraction = dec("0") }, types.ErrInvalidRule},
		{"fraction above one", func(r *types.SlashingRule) { r.MaxFraction = dec("1.1") }, types.ErrInvalidRule},
		{"negative jail", func(r *types.SlashingRule) { r.JailDuration = -1 }, types.ErrInvalidRule},
		{"negative veto window", func(r *types.SlashingRule) { r.VetoWindow = -1 }, types.ErrInvalidRule},
		{"bad recipient", func(r *types.SlashingRule) { r.Recipient = "treasury" }, types.ErrInvalidAddress},
		{"bad resolver", func(r *types.SlashingRule) { r.Resolver = "cosmos1abc" }, types.ErrInvalidAddress},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := validRule()
			tc.mod(&r)
			require.ErrorIs(t, r.ValidateBasic(), tc.want)
			require.ErrorIs(t, types.ValidateRules([]types.SlashingRule{r}), tc.want)
		})
	}
	r := validRule()
	r.Recipient, r.Resolver, r.JailDuration, r.VetoWindow, r.MaxFraction = "", "", 0, 0, dec("1")
	require.NoError(t, r.ValidateBasic(), "empty recipient burns, empty resolver is governance")
}

func TestValidateRules(t *testing.T) {
	ds, at := validRule(), validRule()
	at.Kind = types.FAULT_KIND_ATTESTED
	require.NoError(t, types.ValidateRules(nil))
	require.NoError(t, types.ValidateRules([]types.SlashingRule{ds, at}))
	require.ErrorIs(t, types.ValidateRules([]types.SlashingRule{ds, at, ds}), types.ErrInvalidRule)
	cfg := types.ServiceSlashingConfig{ServiceId: 1, Rules: []types.SlashingRule{ds, at}}
	got, ok := cfg.Rule(types.FAULT_KIND_ATTESTED)
	require.True(t, ok)
	require.Equal(t, at, got)
	_, ok = cfg.Rule(types.FAULT_KIND_EQUIVOCATION)
	require.False(t, ok)
}

func TestSlashingRuleCheckBounds(t *testing.T) {
	p := types.DefaultParams()
	p.MaxSlashFraction, p.MaxJailDuration, p.MinSubjectiveVetoWindow, p.MaxVetoWindow = dec("0.5"), time.Hour, time.Hour, 2*time.Hour
	at := func(mod func(r *types.SlashingRule)) types.SlashingRule {
		r := validRule()
		mod(&r)
		return r
	}
	ok := []types.SlashingRule{
		at(func(r *types.SlashingRule) {
			r.MaxFraction = dec("0.5")
			r.JailDuration = time.Hour
			r.VetoWindow = 2 * time.Hour
		}),
		at(func(r *types.SlashingRule) { r.VetoWindow = 0 }), // objective: no window needed
		at(func(r *types.SlashingRule) { r.Kind = types.FAULT_KIND_ATTESTED; r.VetoWindow = time.Hour }),
	}
	for _, r := range ok {
		require.NoError(t, r.CheckBounds(p), "%v", r)
	}
	for name, r := range map[string]types.SlashingRule{
		"fraction":        at(func(r *types.SlashingRule) { r.MaxFraction = dec("0.500000000000000001") }),
		"jail":            at(func(r *types.SlashingRule) { r.JailDuration = time.Hour + 1 }),
		"veto window":     at(func(r *types.SlashingRule) { r.VetoWindow = 2*time.Hour + 1 }),
		"attested window": at(func(r *types.SlashingRule) { r.Kind = types.FAULT_KIND_ATTESTED; r.VetoWindow = time.Hour - 1 }),
		"mismatch window": at(func(r *types.SlashingRule) { r.Kind = types.FAULT_KIND_STATE_MISMATCH; r.VetoWindow = 0 }),
	} {
		require.ErrorIs(t, r.CheckBounds(p), types.ErrInvalidRule, name)
	}
}

func TestCheckFraction(t *testing.T) {
	r := validRule() // max 0.1
	require.NoError(t, r.CheckFraction(dec("0.1")))
	require.NoError(t, r.CheckFraction(dec("0.000000000000000001")))
	require.ErrorIs(t, r.CheckFraction(dec("0.100000000000000001")), types.ErrFractionTooHigh)
	require.ErrorIs(t, r.CheckFraction(dec("0")), types.ErrInvalidFraction)
	require.ErrorIs(t, r.CheckFraction(dec("-0.1")), types.ErrInvalidFraction)
	require.ErrorIs(t, r.CheckFraction(sdkmath.LegacyDec{}), types.ErrInvalidFraction)
	require.ErrorIs(t, types.ValidateFraction(dec("1.1")), types.ErrInvalidFraction)
	require.NoError(t, types.ValidateFraction(dec("1")))
}
