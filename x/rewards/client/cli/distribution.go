package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// The plan's split between its three groups is set by these flags: a type
// and a group weight for the pools and the operators, a target list for
// the weighted type, and a group weight for the service's own delegators.
const (
	groupPools     = "pools"
	groupOperators = "operators"

	FlagPoolsType        = groupPools + flagTypeSuffix
	FlagPoolsWeight      = groupPools + flagWeightSuffix
	FlagPoolsWeights     = groupPools + flagWeightsSuffix
	FlagOperatorsType    = groupOperators + flagTypeSuffix
	FlagOperatorsWeight  = groupOperators + flagWeightSuffix
	FlagOperatorsWeights = groupOperators + flagWeightsSuffix
	FlagUsersWeight      = "users-weight"

	flagTypeSuffix    = "-type"
	flagWeightSuffix  = "-weight"
	flagWeightsSuffix = "-weights"

	typeBasic       = "basic"
	typeWeighted    = "weighted"
	typeEgalitarian = "egalitarian"
)

// distributionHelp is the Long help shared by create-plan and edit-plan.
const distributionHelp = `How the plan is split:

  Group weights split each payment between three groups: the pools
  (--pools-weight), the operators (--operators-weight) and the service's own
  delegators (--users-weight). A group gets weight / sum of the weights of
  the groups that have someone to pay; a group of weight 0 then gets nothing.
  If all the weights are 0 (the default), the groups share by the USD value
  restaked in each.

  Inside the pools and the operators groups, --pools-type and
  --operators-type pick the split between targets:
    basic        by each target's USD value (default)
    weighted     by the weights listed in --pools-weights / --operators-weights
                 as TARGET-ID=WEIGHT,... e.g. 1=3,2=1; unlisted targets get nothing
    egalitarian  equally among the eligible targets
  The service's own delegators are always split by value.`

// addDistributionFlags adds the distribution flags to cmd.
func addDistributionFlags(cmd *cobra.Command) {
	for _, group := range []string{groupPools, groupOperators} {
		cmd.Flags().String(group+flagTypeSuffix, typeBasic,
			fmt.Sprintf("how the %s group is split: %s|%s|%s", group, typeBasic, typeWeighted, typeEgalitarian))
		cmd.Flags().Uint32(group+flagWeightSuffix, 0,
			fmt.Sprintf("weight of the %s group against the other groups", group))
		cmd.Flags().String(group+flagWeightsSuffix, "",
			fmt.Sprintf("for --%s%s %s: TARGET-ID=WEIGHT,... e.g. 1=3,2=1", group, flagTypeSuffix, typeWeighted))
	}
	cmd.Flags().Uint32(FlagUsersWeight, 0, "weight of the service's own delegators against the other groups")
}

// DistributionsFromFlags reads the distribution flags added by
// addDistributionFlags.
func DistributionsFromFlags(fs *pflag.FlagSet) (pools, operators types.Distribution, users types.UsersDistribution, err error) {
	read := func(group string) (types.Distribution, error) {
		typ, err := fs.GetString(group + flagTypeSuffix)
		if err != nil {
			return types.Distribution{}, err
		}
		weight, err := fs.GetUint32(group + flagWeightSuffix)
		if err != nil {
			return types.Distribution{}, err
		}
		weights, err := fs.GetString(group + flagWeightsSuffix)
		if err != nil {
			return types.Distribution{}, err
		}
		return ParseDistribution(group, typ, weight, weights)
	}
	if pools, err = read(groupPools); err != nil {
		return
	}
	if operators, err = read(groupOperators); err != nil {
		return
	}
	w, err := fs.GetUint32(FlagUsersWeight)
	if err != nil {
		return
	}
	users = types.UsersDistribution{Weight: w}
	return
}

// ParseDistribution builds the distribution of group ("pools" or
// "operators") from its flag values; errors name the flag at fault.
func ParseDistribution(group, typ string, weight uint32, weights string) (types.Distribution, error) {
	typeFlag, weightsFlag := "--"+group+flagTypeSuffix, "--"+group+flagWeightsSuffix
	d := types.Distribution{Weight: weight}
	switch strings.ToLower(strings.TrimSpace(typ)) {
	case typeBasic:
		d.Type = types.DISTRIBUTION_TYPE_BASIC
	case typeWeighted:
		d.Type = types.DISTRIBUTION_TYPE_WEIGHTED
	case typeEgalitarian:
		d.Type = types.DISTRIBUTION_TYPE_EGALITARIAN
	default:
		return types.Distribution{}, fmt.Errorf("invalid %s %q: want %s, %s or %s",
			typeFlag, typ, typeBasic, typeWeighted, typeEgalitarian)
	}
	weights = strings.TrimSpace(weights)
	if d.Type != types.DISTRIBUTION_TYPE_WEIGHTED {
		if weights != "" {
			return types.Distribution{}, fmt.Errorf("%s is only for %s %s", weightsFlag, typeFlag, typeWeighted)
		}
		return d, nil
	}
	if weights == "" {
		return types.Distribution{}, fmt.Errorf("%s %s needs %s, e.g. 1=3,2=1", typeFlag, typeWeighted, weightsFlag)
	}
	list, err := ParseTargetWeights(weights)
	if err != nil {
		return types.Distribution{}, fmt.Errorf("invalid %s %q: %w", weightsFlag, weights, err)
	}
	d.Weights = list
	return d, nil
}

// ParseTargetWeights parses TARGET-ID=WEIGHT,... with positive ids and
// weights, each id at most once.
func ParseTargetWeights(s string) ([]types.TargetWeight, error) {
	entries := strings.Split(s, ",")
	if len(entries) > types.MaxWeightedTargets {
		return nil, fmt.Errorf("%d targets listed, at most %d allowed", len(entries), types.MaxWeightedTargets)
	}
	out := make([]types.TargetWeight, 0, len(entries))
	seen := make(map[uint32]bool, len(entries))
	for _, entry := range entries {
		entry = strings.TrimSpace(entry)
		idStr, weightStr, ok := strings.Cut(entry, "=")
		if !ok {
			return nil, fmt.Errorf("%q: write each target as TARGET-ID=WEIGHT", entry)
		}
		id, err := strconv.ParseUint(strings.TrimSpace(idStr), 10, 32)
		if err != nil || id == 0 {
			return nil, fmt.Errorf("%q: target id %q is not a positive 32-bit integer", entry, idStr)
		}
		weight, err := strconv.ParseUint(strings.TrimSpace(weightStr), 10, 32)
		if err != nil || weight == 0 {
			return nil, fmt.Errorf("%q: weight %q is not a positive 32-bit integer", entry, weightStr)
		}
		if seen[uint32(id)] {
			return nil, fmt.Errorf("target %d is listed twice", id)
		}
		seen[uint32(id)] = true
		out = append(out, types.TargetWeight{TargetId: uint32(id), Weight: uint32(weight)})
	}
	return out, nil
}
