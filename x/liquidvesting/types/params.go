package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	channeltypes "github.com/cosmos/ibc-go/v8/modules/core/04-channel/types"
	host "github.com/cosmos/ibc-go/v8/modules/core/24-host"
)

// DefaultInsurancePercentage is 2 (percent).
var DefaultInsurancePercentage = sdkmath.LegacyNewDec(2)

// NewParams builds Params.
func NewParams(insurancePercentage sdkmath.LegacyDec, burners, minters, allowedChannels []string) Params {
	return Params{InsurancePercentage: insurancePercentage, Burners: burners, Minters: minters, AllowedChannels: allowedChannels}
}

// DefaultParams: 2% insurance, no minters, burners or deposit channels.
func DefaultParams() Params { return NewParams(DefaultInsurancePercentage, nil, nil, nil) }

// Validate checks the params without state.
func (p Params) Validate() error {
	pct := p.InsurancePercentage
	if pct.IsNil() || !pct.IsPositive() || pct.GT(sdkmath.LegacyNewDec(100)) {
		return errorsmod.Wrapf(ErrInvalidParams, "insurance percentage %s not in (0, 100]", pct)
	}
	for field, addrs := range map[string][]string{"burners": p.Burners, "minters": p.Minters} {
		if err := validateAddressList(field, addrs); err != nil {
			return err
		}
	}
	seen := map[string]bool{}
	for _, ch := range p.AllowedChannels {
		if !channeltypes.IsValidChannelID(ch) {
			return errorsmod.Wrapf(ErrInvalidParams, "allowed channel %q: %s", ch, host.ErrInvalidID)
		}
		if seen[ch] {
			return errorsmod.Wrapf(ErrInvalidParams, "allowed channel %q listed twice", ch)
		}
		seen[ch] = true
	}
	return nil
}

func validateAddressList(field string, addrs []string) error {
	seen := map[string]bool{}
	for _, a := range addrs {
		if _, err := sdk.AccAddressFromBech32(a); err != nil {
			return errorsmod.Wrapf(ErrInvalidParams, "%s %q: %s", field, a, err)
		}
		if seen[a] {
			return errorsmod.Wrapf(ErrInvalidParams, "%s %q listed twice", field, a)
		}
		seen[a] = true
	}
	return nil
}

// IsMinter tells whether addr may mint.
func (p Params) IsMinter(addr string) bool { return contains(p.Minters, addr) }

// IsBurner tells whether addr may burn.
func (p Params) IsBurner(addr string) bool { return contains(p.Burners, addr) }

// IsAllowedChannel tells whether deposits may arrive over channel.
func (p Params) IsAllowedChannel(channel string) bool { return contains(p.AllowedChannels, channel) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// RequiredInsurance is what a fund must hold, in underlying denoms, to
// cover restaked locked tokens: pct% of each, rounded up so that any
// positive restake needs a positive fund.
func (p Params) RequiredInsurance(restakedLocked sdk.Coins) sdk.Coins {
	req := sdk.Coins{}
	for _, c := range restakedLocked {
		denom, ok := UnderlyingDenom(c.Denom)
		if !ok {
			continue
		}
		amt := sdkmath.LegacyNewDecFromInt(c.Amount).Mul(p.InsurancePercentage).QuoInt64(100).Ceil().TruncateInt()
		req = req.Add(sdk.NewCoin(denom, amt))
	}
	return req
}

// MaxCovered is how many locked/{denom} tokens a fund balance covers:
// the largest n with ceil(n × pct / 100) <= balance.
func (p Params) MaxCovered(balance sdk.Coin) sdk.Coin {
	n := sdkmath.LegacyNewDecFromInt(balance.Amount).MulInt64(100).Quo(p.InsurancePercentage).TruncateInt()
	return sdk.NewCoin(LockedDenom(balance.Denom), n)
}
