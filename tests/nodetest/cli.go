package nodetest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// moduleAddressRe finds the address in `query auth module-account -o json`,
// whose account is an Any (its JSON shape differs between SDK versions).
var moduleAddressRe = regexp.MustCompile(`"address":\s*"(milk1[0-9a-z]+)"`)

// ParseModuleAddress reads the module account's address from the output
// of `milkywayd query auth module-account <name> -o json`.
func ParseModuleAddress(out string) (string, error) {
	m := moduleAddressRe.FindStringSubmatch(out)
	if m == nil {
		return "", fmt.Errorf("no address in %s", out)
	}
	return m[1], nil
}

// Delegation is one entry of `query restaking delegator-delegations`.
type Delegation struct {
	Type     string // "DELEGATION_TYPE_POOL", ...
	User     string
	TargetID uint32
	Value    string // the delegation's tokens, "1umilk,2umilktia"
}

// ParseDelegations reads the output of `milkywayd query restaking
// delegator-delegations <user> -o json`.
func ParseDelegations(out []byte) ([]Delegation, error) {
	var res struct {
		Delegations []struct {
			Delegation struct {
				Type     string `json:"type"`
				User     string `json:"user_address"`
				TargetID uint32 `json:"target_id"`
			} `json:"delegation"`
			Balance []struct {
				Denom  string `json:"denom"`
				Amount string `json:"amount"`
			} `json:"balance"`
		} `json:"delegations"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return nil, fmt.Errorf("delegator-delegations: %w: %s", err, out)
	}
	ds := make([]Delegation, 0, len(res.Delegations))
	for _, d := range res.Delegations {
		coins := make([]string, 0, len(d.Balance))
		for _, c := range d.Balance {
			coins = append(coins, c.Amount+c.Denom)
		}
		ds = append(ds, Delegation{Type: d.Delegation.Type, User: d.Delegation.User,
			TargetID: d.Delegation.TargetID, Value: strings.Join(coins, ",")})
	}
	return ds, nil
}
