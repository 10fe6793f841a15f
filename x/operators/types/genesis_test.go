package types_test

import (
	"testing"
	"time"

	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

var t0 = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func testOperator(id uint32, status types.OperatorStatus) types.Operator {
	return types.NewOperator(id, status, alice, "Op", "", "", types.OperatorAddress(id).String())
}

func testParams() types.OperatorParams {
	return types.NewOperatorParams(math.LegacyNewDecWithPrec(1, 1), math.LegacyNewDecWithPrec(2, 1), math.LegacyNewDecWithPrec(1, 2), t0)
}

// validGenesis has an ACTIVE operator 1 and an INACTIVATING operator 2.
func validGenesis() *types.GenesisState {
	return types.NewGenesisState(types.DefaultParams(), 3,
		[]types.Operator{testOperator(1, types.OPERATOR_STATUS_ACTIVE), testOperator(2, types.OPERATOR_STATUS_INACTIVATING)},
		[]types.InactivatingOperator{{OperatorId: 2, CompletionTime: t0}},
		[]types.OperatorParamsRecord{{OperatorId: 1, Params: testParams()}, {OperatorId: 2, Params: testParams()}},
	)
}

func TestGenesisValidate(t *testing.T) {
	edit := func(f func(gs *types.GenesisState)) *types.GenesisState {
		gs := validGenesis()
		f(gs)
		return gs
	}
	tests := []struct {
		name   string
		gs     *types.GenesisState
		expErr error
	}{
		{"default", types.DefaultGenesis(), nil},
		{"valid", validGenesis(), nil},
		{"next id zero", edit(func(gs *types.GenesisState) { gs.NextOperatorId = 0 }), types.ErrInvalidGenesis},
		{"operator id not below next id", edit(func(gs *types.GenesisState) { gs.NextOperatorId = 2 }), types.ErrInvalidGenesis},
		{"duplicate operator", edit(func(gs *types.GenesisState) { gs.Operators = append(gs.Operators, gs.Operators[0]) }), types.ErrInvalidGenesis},
		{"operator id zero", edit(func(gs *types.GenesisState) { gs.Operators[0].Id = 0 }), types.ErrInvalidOperatorID},
		{"unspecified status", edit(func(gs *types.GenesisState) { gs.Operators[0].Status = types.OPERATOR_STATUS_UNSPECIFIED }), types.ErrInvalidMetadata},
		{"unknown status", edit(func(gs *types.GenesisState) { gs.Operators[0].Status = 9 }), types.ErrInvalidMetadata},
		{"bad admin", edit(func(gs *types.GenesisState) { gs.Operators[0].Admin = "x" }), types.ErrInvalidAddress},
		{"address not derived from id", edit(func(gs *types.GenesisState) { gs.Operators[0].Address = types.OperatorAddress(7).String() }), types.ErrInvalidAddress},
		{"empty moniker", edit(func(gs *types.GenesisState) { gs.Operators[0].Moniker = "" }), types.ErrInvalidMetadata},
		{"operator without params", edit(func(gs *types.GenesisState) { gs.OperatorsParams = gs.OperatorsParams[:1] }), types.ErrInvalidGenesis},
		{"params of unknown operator", edit(func(gs *types.GenesisState) {
			gs.OperatorsParams = append(gs.OperatorsParams, types.OperatorParamsRecord{OperatorId: 9, Params: testParams()})
		}), types.ErrInvalidGenesis},
		{"duplicate params", edit(func(gs *types.GenesisState) { gs.OperatorsParams[1].OperatorId = 1 }), types.ErrInvalidGenesis},
		{"params rate above max", edit(func(gs *types.GenesisState) { gs.OperatorsParams[0].Params.CommissionRate = math.LegacyOneDec() }), types.ErrCommissionAboveMax},
		{"params without update time", edit(func(gs *types.GenesisState) { gs.OperatorsParams[0].Params.CommissionUpdateTime = time.Time{} }), types.ErrInvalidCommission},
		{"inactivating operator not queued", edit(func(gs *types.GenesisState) { gs.InactivatingOperators = nil }), types.ErrInvalidGenesis},
		{"active operator queued", edit(func(gs *types.GenesisState) {
			gs.InactivatingOperators = append(gs.InactivatingOperators, types.InactivatingOperator{OperatorId: 1, CompletionTime: t0})
		}), types.ErrInvalidGenesis},
		{"unknown operator queued", edit(func(gs *types.GenesisState) { gs.InactivatingOperators[0].OperatorId = 5 }), types.ErrInvalidGenesis},
		{"queued twice", edit(func(gs *types.GenesisState) {
			gs.InactivatingOperators = append(gs.InactivatingOperators, types.InactivatingOperator{OperatorId: 2, CompletionTime: t0.Add(time.Hour)})
		}), types.ErrInvalidGenesis},
		{"zero completion time", edit(func(gs *types.GenesisState) { gs.InactivatingOperators[0].CompletionTime = time.Time{} }), types.ErrInvalidGenesis},
		{"completion time after year 9999", edit(func(gs *types.GenesisState) {
			gs.InactivatingOperators[0].CompletionTime = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
		}), types.ErrInvalidGenesis},
		{"invalid params", edit(func(gs *types.GenesisState) { gs.Params.DeactivationTime = -time.Second }), types.ErrInvalidParams},
		{"invalid fee", edit(func(gs *types.GenesisState) { gs.Params.OperatorRegistrationFee = sdk.Coins{{Denom: "umilk"}} }), types.ErrInvalidParams},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.gs.Validate()
			if tc.expErr == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.expErr)
			require.ErrorIs(t, err, types.ErrInvalidGenesis, "every genesis error is an invalid genesis")
		})
	}
}
