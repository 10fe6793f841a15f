package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/restakehooks/types"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

func TestParseMemo(t *testing.T) {
	pool, operator, service := restakingtypes.DELEGATION_TYPE_POOL, restakingtypes.DELEGATION_TYPE_OPERATOR, restakingtypes.DELEGATION_TYPE_SERVICE
	tests := []struct {
		name    string
		memo    string
		expOurs bool
		expMemo types.RestakeMemo
		expErr  error
	}{
		// Not for this middleware: passed through untouched.
		{name: "empty memo", memo: ""},
		{name: "plain text", memo: "thanks for the coffee"},
		{name: "broken JSON without restake", memo: `{"forward": {`},
		{name: "broken JSON, restake only nested", memo: `{"x":{"restake":{"target":"pool"},}}`},
		{name: "JSON array", memo: `[{"restake":{"target":"pool"}}]`},
		{name: "JSON string", memo: `"restake"`},
		{name: "JSON null", memo: `null`},
		{name: "other middleware's memo", memo: `{"wasm":{"contract":"x","msg":{}}}`},
		{name: "forward memo", memo: `{"forward":{"receiver":"a","port":"transfer","channel":"channel-1"}}`},
		{name: "key is case-sensitive", memo: `{"Restake":{"target":"pool"}}`},
		{name: "restake nested, not top-level", memo: `{"x":{"restake":{"target":"pool"}}}`},

		// Ours and valid.
		{name: "pool of the received denom", memo: `{"restake":{"target":"pool"}}`, expOurs: true, expMemo: types.RestakeMemo{Target: pool}},
		{name: "pool by id", memo: `{"restake":{"target":"pool","id":3}}`, expOurs: true, expMemo: types.RestakeMemo{Target: pool, ID: 3}},
		{name: "operator", memo: `{"restake":{"target":"operator","id":2}}`, expOurs: true, expMemo: types.RestakeMemo{Target: operator, ID: 2}},
		{name: "service, whitespace", memo: " {\n \"restake\" : { \"id\": 7, \"target\": \"service\" } }\n", expOurs: true, expMemo: types.RestakeMemo{Target: service, ID: 7}},
		{name: "largest id", memo: `{"restake":{"target":"operator","id":4294967295}}`, expOurs: true, expMemo: types.RestakeMemo{Target: operator, ID: 4294967295}},

		// Ours and refused, each with its registered error.
		{name: "truncated after restake", memo: `{"restake": `, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "trailing comma inside restake", memo: `{"restake":{"target":"pool",}}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "unquoted value inside restake", memo: `{"restake":{"target":pool}}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "broken after a valid restake", memo: `{"restake":{"target":"pool"},}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "data after the object", memo: `{"restake":{"target":"pool"}} x`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "restake is not an object", memo: `{"restake":"pool"}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "restake is null", memo: `{"restake":null}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "restake is an array", memo: `{"restake":[1]}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "restake twice", memo: `{"restake":{"target":"pool"},"restake":{"target":"operator","id":1}}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "field twice", memo: `{"restake":{"target":"pool","target":"operator","id":1}}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "target not a string", memo: `{"restake":{"target":1,"id":1}}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "target null", memo: `{"restake":{"target":null,"id":1}}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "id as a string", memo: `{"restake":{"target":"operator","id":"1"}}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "id negative", memo: `{"restake":{"target":"operator","id":-1}}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "id fractional", memo: `{"restake":{"target":"operator","id":1.5}}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "id exponent", memo: `{"restake":{"target":"operator","id":1e2}}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "id over uint32", memo: `{"restake":{"target":"operator","id":4294967296}}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "id null", memo: `{"restake":{"target":"pool","id":null}}`, expOurs: true, expErr: types.ErrMalformedMemo},
		{name: "unknown field", memo: `{"restake":{"target":"pool","amount":"5"}}`, expOurs: true, expErr: types.ErrUnknownMemoField},
		{name: "trust preferences are not taken", memo: `{"restake":{"target":"pool","trusted_services":[{"service_id":1}]}}`, expOurs: true, expErr: types.ErrUnknownMemoField},
		{name: "field case differs", memo: `{"restake":{"Target":"pool"}}`, expOurs: true, expErr: types.ErrUnknownMemoField},
		{name: "other top-level key", memo: `{"restake":{"target":"pool"},"wasm":{}}`, expOurs: true, expErr: types.ErrUnknownMemoField},
		{name: "unknown target type", memo: `{"restake":{"target":"validator","id":1}}`, expOurs: true, expErr: types.ErrUnknownTargetType},
		{name: "target type case differs", memo: `{"restake":{"target":"Pool"}}`, expOurs: true, expErr: types.ErrUnknownTargetType},
		{name: "target missing", memo: `{"restake":{"id":1}}`, expOurs: true, expErr: types.ErrUnknownTargetType},
		{name: "empty object", memo: `{"restake":{}}`, expOurs: true, expErr: types.ErrUnknownTargetType},
		{name: "operator without id", memo: `{"restake":{"target":"operator"}}`, expOurs: true, expErr: types.ErrMissingTargetID},
		{name: "service without id", memo: `{"restake":{"target":"service"}}`, expOurs: true, expErr: types.ErrMissingTargetID},
		{name: "operator id 0", memo: `{"restake":{"target":"operator","id":0}}`, expOurs: true, expErr: types.ErrMissingTargetID},
		{name: "pool id 0", memo: `{"restake":{"target":"pool","id":0}}`, expOurs: true, expErr: types.ErrMissingTargetID},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ours, err := types.ParseMemo(tc.memo)
			require.Equal(t, tc.expOurs, ours, "ours")
			if tc.expErr != nil {
				require.ErrorIs(t, err, tc.expErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.expMemo, m)
		})
	}
}

// TestParseMemoErrorsAreStable: the error text (which goes to events and
// logs) must not depend on map order.
func TestParseMemoErrorsAreStable(t *testing.T) {
	memo := `{"restake":{"target":"pool","z":1,"a":2,"m":3},"b":1,"y":2}`
	_, _, first := types.ParseMemo(memo)
	require.ErrorIs(t, first, types.ErrUnknownMemoField)
	for range 50 {
		_, _, err := types.ParseMemo(memo)
		require.Equal(t, first.Error(), err.Error())
	}
	_, _, err := types.ParseMemo(`{"restake":{"target":"pool","z":1,"a":2,"m":3}}`)
	require.ErrorContains(t, err, `"a", "m", "z"`)
}

// FuzzParseMemo: no memo panics the parser, and a memo that is not a JSON
// object is never ours.
func FuzzParseMemo(f *testing.F) {
	for _, s := range []string{"", "x", `{"restake":{"target":"pool"}}`, `{"restake":{"target":"operator","id":1}}`, `{"restake":[`, `{"a":1}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, memo string) {
		m, ours, err := types.ParseMemo(memo)
		if !ours {
			require.NoError(t, err)
			return
		}
		if err == nil {
			require.NoError(t, m.Target.Validate())
			if m.Target != restakingtypes.DELEGATION_TYPE_POOL {
				require.NotZero(t, m.ID)
			}
		}
	})
}
