package types_test

import (
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

func TestValidateNewRate(t *testing.T) {
	p := testParams() // rate 0.1, max 0.2, change 0.01, updated at t0
	day := t0.Add(types.CommissionUpdateInterval)
	tests := []struct {
		name   string
		rate   string
		at     time.Time
		expErr error
	}{
		{"increase by the max change after a day", "0.11", day, nil},
		{"decrease to zero", "0", day, nil},
		{"up to the max rate in steps is allowed", "0.105", day, nil},
		{"one nanosecond too early", "0.11", day.Add(-time.Nanosecond), types.ErrCommissionUpdateTooSoon},
		{"increase too big", "0.111", day, types.ErrCommissionChangeTooBig},
		{"above max", "0.3", day, types.ErrCommissionAboveMax},
		{"negative", "-0.1", day, types.ErrInvalidCommission},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := p.ValidateNewRate(math.LegacyMustNewDecFromStr(tc.rate), tc.at)
			if tc.expErr == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.expErr)
		})
	}
	require.ErrorIs(t, p.ValidateNewRate(math.LegacyDec{}, day), types.ErrInvalidCommission, "unset rate")
}
