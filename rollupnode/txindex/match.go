package txindex

import (
	"math/big"
	"strings"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/libs/pubsub/query/syntax"
	cmtypes "github.com/cometbft/cometbft/types"
)

// matcher judges a tx as CometBFT v0.38's kv index does, which its RPC
// clients were written against:
//
//   - the attribute conditions must all be met within one event of the tx
//     (CometBFT matches on the event's sequence number);
//   - `=` compares the text exactly (`transfer.amount = 5` does not match
//     "5umilk" or "5.0"); CONTAINS is a substring; EXISTS needs the tag;
//   - the range conditions on one tag are one range that a single value
//     must fall in; a value is compared as a number only if all of it is
//     one ("-3", "1e3", not "5umilk"), and a range with a time or date
//     bound matches nothing, as kv does not evaluate them;
//   - tx.height conditions judge the tx's height.
//
// Only indexed attributes of typed events count, as only those are keys
// in kv.
type matcher struct {
	heights []syntax.Condition
	attrs   []syntax.Condition            // =, CONTAINS, EXISTS
	ranges  map[string][]syntax.Condition // by tag
}

func newMatcher(conds []syntax.Condition) *matcher {
	m := &matcher{ranges: map[string][]syntax.Condition{}}
	for _, c := range conds {
		switch {
		case c.Tag == cmtypes.TxHeightKey:
			m.heights = append(m.heights, c)
		case isRange(c.Op):
			m.ranges[c.Tag] = append(m.ranges[c.Tag], c)
		default:
			m.attrs = append(m.attrs, c)
		}
	}
	return m
}

func isRange(op syntax.Token) bool {
	return op == syntax.TLt || op == syntax.TLeq || op == syntax.TGt || op == syntax.TGeq
}

func (m *matcher) matches(res *abci.TxResult) bool {
	height := new(big.Float).SetInt64(res.Height)
	for _, c := range m.heights {
		if !meets(c, height.Text('f', -1), height) {
			return false
		}
	}
	if len(m.attrs) == 0 && len(m.ranges) == 0 {
		return true
	}
	for _, e := range res.Result.Events {
		if e.Type != "" && m.matchesEvent(e) {
			return true
		}
	}
	return false
}

// matchesEvent reports whether one event meets every attribute condition.
func (m *matcher) matchesEvent(e abci.Event) bool {
	values := map[string][]string{}
	for _, a := range e.Attributes {
		if a.Key != "" && a.Index {
			tag := e.Type + "." + a.Key
			values[tag] = append(values[tag], a.Value)
		}
	}
	for _, c := range m.attrs {
		if !anyValue(values[c.Tag], func(v string) bool { return meets(c, v, nil) }) {
			return false
		}
	}
	for tag, conds := range m.ranges {
		inRange := func(v string) bool {
			n, ok := parseNumber(v)
			if !ok {
				return false
			}
			for _, c := range conds {
				if !meets(c, v, n) {
					return false
				}
			}
			return true
		}
		if !anyValue(values[tag], inRange) {
			return false
		}
	}
	return true
}

func anyValue(values []string, f func(string) bool) bool {
	for _, v := range values {
		if f(v) {
			return true
		}
	}
	return false
}

// meets judges one value; n is its number, for a range.
func meets(c syntax.Condition, v string, n *big.Float) bool {
	switch c.Op {
	case syntax.TEq:
		return v == c.Arg.Value()
	case syntax.TContains:
		return strings.Contains(v, c.Arg.Value())
	case syntax.TExists:
		return true
	}
	bound := c.Arg.Number()
	if n == nil || bound == nil || c.Arg.Type != syntax.TNumber {
		return false
	}
	cmp := n.Cmp(bound)
	switch c.Op {
	case syntax.TLt:
		return cmp < 0
	case syntax.TLeq:
		return cmp <= 0
	case syntax.TGt:
		return cmp > 0
	default: // TGeq
		return cmp >= 0
	}
}

// parseNumber reads v whole as an integer or a decimal, as kv does.
func parseNumber(v string) (*big.Float, bool) {
	if i, ok := new(big.Int).SetString(v, 10); ok {
		return new(big.Float).SetInt(i), true
	}
	f, _, err := big.ParseFloat(v, 10, 125, big.ToNearestEven)
	return f, err == nil
}
