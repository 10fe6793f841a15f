package cli

import (
	"strconv"
	"testing"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

func TestParseDistribution(t *testing.T) {
	valid := []struct {
		name, typ string
		weight    uint32
		weights   string
		want      types.Distribution
	}{
		{"basic", "basic", 0, "", types.Distribution{Type: types.DISTRIBUTION_TYPE_BASIC}},
		{"basic with weight, any case", " Basic ", 3, "", types.Distribution{Type: types.DISTRIBUTION_TYPE_BASIC, Weight: 3}},
		{"egalitarian", "egalitarian", 1, "", types.Distribution{Type: types.DISTRIBUTION_TYPE_EGALITARIAN, Weight: 1}},
		{"weighted", "weighted", 2, "1=3,2=1", types.Distribution{
			Type: types.DISTRIBUTION_TYPE_WEIGHTED, Weight: 2,
			Weights: []types.TargetWeight{{TargetId: 1, Weight: 3}, {TargetId: 2, Weight: 1}},
		}},
		{"weighted with spaces", "WEIGHTED", 0, " 7 = 1 , 4=4294967295 ", types.Distribution{
			Type:    types.DISTRIBUTION_TYPE_WEIGHTED,
			Weights: []types.TargetWeight{{TargetId: 7, Weight: 1}, {TargetId: 4, Weight: 4294967295}},
		}},
	}
	for _, tc := range valid {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseDistribution(groupPools, tc.typ, tc.weight, tc.weights)
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
			require.NoError(t, got.Validate(groupPools))
		})
	}

	invalid := []struct {
		name, group, typ, weights, errContains string
	}{
		{"unknown type", groupPools, "proportional", "", `invalid --pools-type "proportional": want basic, weighted or egalitarian`},
		{"empty type", groupOperators, "", "", `invalid --operators-type ""`},
		{"full enum name", groupPools, "DISTRIBUTION_TYPE_BASIC", "", `invalid --pools-type`},
		{"weights on basic", groupPools, "basic", "1=1", "--pools-weights is only for --pools-type weighted"},
		{"weights on egalitarian", groupOperators, "egalitarian", "1=1", "--operators-weights is only for --operators-type weighted"},
		{"weighted without weights", groupOperators, "weighted", " ", "--operators-type weighted needs --operators-weights"},
		{"missing =", groupPools, "weighted", "1=3,2", `invalid --pools-weights "1=3,2": "2": write each target as TARGET-ID=WEIGHT`},
		{"empty entry", groupPools, "weighted", "1=3,", `invalid --pools-weights "1=3,": "": write each target as TARGET-ID=WEIGHT`},
		{"bad id", groupPools, "weighted", "x=3", `"x=3": target id "x" is not a positive 32-bit integer`},
		{"zero id", groupPools, "weighted", "0=3", `"0=3": target id "0" is not a positive 32-bit integer`},
		{"negative id", groupPools, "weighted", "-1=3", `target id "-1" is not a positive 32-bit integer`},
		{"id over 32 bits", groupOperators, "weighted", "4294967296=1", `invalid --operators-weights "4294967296=1": "4294967296=1": target id`},
		{"bad weight", groupPools, "weighted", "1=abc", `"1=abc": weight "abc" is not a positive 32-bit integer`},
		{"zero weight", groupPools, "weighted", "1=0", `"1=0": weight "0" is not a positive 32-bit integer`},
		{"empty weight", groupPools, "weighted", "1=", `"1=": weight "" is not a positive 32-bit integer`},
		{"weight over 32 bits", groupPools, "weighted", "1=4294967296", `weight "4294967296" is not a positive 32-bit integer`},
		{"repeated id", groupPools, "weighted", "1=1,2=2,1=3", `invalid --pools-weights "1=1,2=2,1=3": target 1 is listed twice`},
	}
	for _, tc := range invalid {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseDistribution(tc.group, tc.typ, 1, tc.weights)
			require.ErrorContains(t, err, tc.errContains)
		})
	}
}

func TestParseTargetWeightsTooMany(t *testing.T) {
	list := "1=1"
	for i := 2; i <= types.MaxWeightedTargets; i++ {
		list += "," + strconv.Itoa(i) + "=1"
	}
	got, err := ParseTargetWeights(list)
	require.NoError(t, err)
	require.Len(t, got, types.MaxWeightedTargets)

	_, err = ParseTargetWeights(list + ",1000=1")
	require.ErrorContains(t, err, "101 targets listed, at most 100 allowed")
}

// planCmd returns a command with the plan flags, parsed from args.
func planCmd(t *testing.T, args ...string) *cobra.Command {
	t.Helper()
	cmd := &cobra.Command{Use: "test"}
	addPlanFlags(cmd)
	require.NoError(t, cmd.ParseFlags(args))
	return cmd
}

func TestDistributionsFromFlags(t *testing.T) {
	// defaults: basic, all weights 0 (split by value)
	pools, operators, users, err := DistributionsFromFlags(planCmd(t).Flags())
	require.NoError(t, err)
	require.Equal(t, types.Distribution{Type: types.DISTRIBUTION_TYPE_BASIC}, pools)
	require.Equal(t, types.Distribution{Type: types.DISTRIBUTION_TYPE_BASIC}, operators)
	require.Equal(t, types.UsersDistribution{}, users)

	pools, operators, users, err = DistributionsFromFlags(planCmd(t,
		"--pools-type", "weighted", "--pools-weights", "1=3,2=1", "--pools-weight", "1",
		"--operators-type", "egalitarian", "--operators-weight", "2",
		"--users-weight", "5",
	).Flags())
	require.NoError(t, err)
	require.Equal(t, types.Distribution{
		Type: types.DISTRIBUTION_TYPE_WEIGHTED, Weight: 1,
		Weights: []types.TargetWeight{{TargetId: 1, Weight: 3}, {TargetId: 2, Weight: 1}},
	}, pools)
	require.Equal(t, types.Distribution{Type: types.DISTRIBUTION_TYPE_EGALITARIAN, Weight: 2}, operators)
	require.Equal(t, types.UsersDistribution{Weight: 5}, users)

	// each group's error names its own flag
	_, _, _, err = DistributionsFromFlags(planCmd(t, "--operators-weights", "1=1").Flags())
	require.EqualError(t, err, "--operators-weights is only for --operators-type weighted")
	_, _, _, err = DistributionsFromFlags(planCmd(t, "--pools-type", "weighted").Flags())
	require.EqualError(t, err, "--pools-type weighted needs --pools-weights, e.g. 1=3,2=1")

	// group weights are uint32 flags: cobra names the flag
	cmd := &cobra.Command{Use: "test"}
	addPlanFlags(cmd)
	require.ErrorContains(t, cmd.ParseFlags([]string{"--users-weight", "-1"}), `"--users-weight"`)
	require.ErrorContains(t, cmd.ParseFlags([]string{"--pools-weight", "4294967296"}), `"--pools-weight"`)
}

func TestParsePlanTerms(t *testing.T) {
	cmd := planCmd(t, "--description", "Q1 rewards", "--operators-type", "egalitarian", "--users-weight", "1")
	terms, err := parsePlanTerms(cmd, []string{"1000000umilk", "2025-01-01T00:00:00Z", "2025-03-01T01:00:00+01:00"})
	require.NoError(t, err)
	require.Equal(t, planTerms{
		Description:  "Q1 rewards",
		AmountPerDay: sdk.NewInt64Coin("umilk", 1000000),
		StartTime:    time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		EndTime:      time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
		Pools:        types.Distribution{Type: types.DISTRIBUTION_TYPE_BASIC},
		Operators:    types.Distribution{Type: types.DISTRIBUTION_TYPE_EGALITARIAN},
		Users:        types.UsersDistribution{Weight: 1},
	}, terms)

	for _, tc := range []struct {
		args        []string
		errContains string
	}{
		{[]string{"umilk", "2025-01-01T00:00:00Z", "2025-03-01T00:00:00Z"}, `invalid amount-per-day "umilk"`},
		{[]string{"1000000umilk", "2025-01-01", "2025-03-01T00:00:00Z"}, `invalid start-time "2025-01-01": want an RFC3339 time`},
		{[]string{"1000000umilk", "2025-01-01T00:00:00Z", "tomorrow"}, `invalid end-time "tomorrow"`},
	} {
		_, err := parsePlanTerms(planCmd(t), tc.args)
		require.ErrorContains(t, err, tc.errContains)
	}

	_, err = parseCoin("funds", "10umilk,5uatom")
	require.ErrorContains(t, err, `invalid funds "10umilk,5uatom"`)
}

func TestGetTxCmd(t *testing.T) {
	cmd := GetTxCmd()
	require.Equal(t, types.ModuleName, cmd.Use)
	var names []string
	for _, c := range cmd.Commands() {
		names = append(names, c.Name())
		for _, f := range []string{FlagDescription, FlagPoolsType, FlagPoolsWeight, FlagPoolsWeights,
			FlagOperatorsType, FlagOperatorsWeight, FlagOperatorsWeights, FlagUsersWeight, "from"} {
			require.NotNil(t, c.Flags().Lookup(f), "%s lacks --%s", c.Name(), f)
		}
	}
	require.ElementsMatch(t, []string{"create-plan", "edit-plan"}, names)
}
