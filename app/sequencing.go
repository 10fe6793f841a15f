package app

import (
	"encoding/json"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
	slashingtypes "github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// The rollup secures itself: its genesis holds a "sequencing" service whose
// one operator is the sequencer. Anyone may restake to that operator; the
// stake answers for sequencer equivocation (objective: both signatures are
// checked on chain; an hour's grace), state mismatches and censorship of
// the forced-inclusion lane (checked off chain: 36h, longer than an expedited governance vote (24h) so governance
// can veto a wrong dispute, shorter than the 72h unbonding time so the
// stake cannot leave first). Both service and operator are
// administered by governance: at init there is no account to give them to.
var (
	SequencingFraction         = sdkmath.LegacyNewDecWithPrec(1, 1)
	SequencingJail             = 7 * 24 * time.Hour
	SequencingEquivocationVeto = time.Hour
	SequencingMismatchVeto     = 36 * time.Hour
	// SequencingMismatchBond (100 MILK) is escrowed by a state-mismatch
	// submitter and burned if governance vetoes the dispute.
	SequencingMismatchBond = sdkmath.NewInt(100_000_000)
)

// SetSequencingGenesis adds the sequencing service, the sequencer's
// operator, its join, and the slashing rules to a genesis app state.
// genesisTime stamps the operator's commission (zero, changeable a day later).
func SetSequencingGenesis(cdc codec.JSONCodec, state map[string]json.RawMessage, moniker string, genesisTime time.Time) error {
	gov := authtypes.NewModuleAddress(govtypes.ModuleName).String()

	var services servicestypes.GenesisState
	if err := cdc.UnmarshalJSON(state[servicestypes.ModuleName], &services); err != nil {
		return err
	}
	svc := servicestypes.NewService(services.NextServiceId, gov, "sequencing",
		"Secures the rollup: restake to its sequencer operator; sequencer equivocation is slashed.", "", "")
	svc.Status = servicestypes.SERVICE_STATUS_ACTIVE
	services.Services = append(services.Services, svc)
	services.NextServiceId++
	state[servicestypes.ModuleName] = cdc.MustMarshalJSON(&services)

	var operators operatorstypes.GenesisState
	if err := cdc.UnmarshalJSON(state[operatorstypes.ModuleName], &operators); err != nil {
		return err
	}
	opID := operators.NextOperatorId
	op := operatorstypes.NewOperator(opID, operatorstypes.OPERATOR_STATUS_ACTIVE, gov, moniker+" (sequencer)", "", "",
		operatorstypes.OperatorAddress(opID).String())
	operators.Operators = append(operators.Operators, op)
	zero := sdkmath.LegacyZeroDec()
	operators.OperatorsParams = append(operators.OperatorsParams, operatorstypes.OperatorParamsRecord{
		OperatorId: opID, Params: operatorstypes.NewOperatorParams(zero, sdkmath.LegacyOneDec(), sdkmath.LegacyNewDecWithPrec(1, 2), genesisTime),
	})
	operators.NextOperatorId++
	state[operatorstypes.ModuleName] = cdc.MustMarshalJSON(&operators)

	var restaking restakingtypes.GenesisState
	if err := cdc.UnmarshalJSON(state[restakingtypes.ModuleName], &restaking); err != nil {
		return err
	}
	restaking.OperatorJoinedServices = append(restaking.OperatorJoinedServices,
		restakingtypes.OperatorServicePair{OperatorId: opID, ServiceId: svc.Id})
	state[restakingtypes.ModuleName] = cdc.MustMarshalJSON(&restaking)

	var slashing slashingtypes.GenesisState
	if err := cdc.UnmarshalJSON(state[slashingtypes.ModuleName], &slashing); err != nil {
		return err
	}
	slashing.Sequencing = slashingtypes.SequencingService{ServiceId: svc.Id, OperatorId: opID}
	// Anyone may dispute a sequencer header; a vetoed dispute costs its bond.
	slashing.Params.StateMismatchBond = sdk.NewCoins(sdk.NewCoin(BondDenom, SequencingMismatchBond))
	slashing.Configs = append(slashing.Configs, slashingtypes.ServiceSlashingConfig{
		ServiceId: svc.Id,
		Rules: []slashingtypes.SlashingRule{
			{Kind: slashingtypes.FAULT_KIND_EQUIVOCATION, MaxFraction: SequencingFraction, JailDuration: SequencingJail, VetoWindow: SequencingEquivocationVeto},
			{Kind: slashingtypes.FAULT_KIND_STATE_MISMATCH, MaxFraction: SequencingFraction, JailDuration: SequencingJail, VetoWindow: SequencingMismatchVeto},
			// Censorship of the forced-inclusion lane is checked from the
			// DA off chain like a state mismatch, so it waits as long.
			{Kind: slashingtypes.FAULT_KIND_CENSORSHIP, MaxFraction: SequencingFraction, JailDuration: SequencingJail, VetoWindow: SequencingMismatchVeto},
		},
	})
	state[slashingtypes.ModuleName] = cdc.MustMarshalJSON(&slashing)
	return nil
}
