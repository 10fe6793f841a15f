package types

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/cosmos/gogoproto/proto"

	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// ABCIEvent is e as sdk.TypedEventToEvent makes it, byte for byte: the
// type is the message name, and each field is an attribute whose key is
// the field's proto name and whose value is the field's JSON, keys in
// order. The SDK gets there by marshalling e to JSON through reflection
// and parsing it back; every restake emits this event, and that took a
// tenth of a full node's replay of a chain of restakes (issue 15). A test
// (events_test.go) holds it to the SDK's conversion, including for any
// field added to the message.
func (e *EventDelegate) ABCIEvent() sdk.Event {
	return sdk.Event{Type: proto.MessageName(e), Attributes: []abci.EventAttribute{
		{Key: "amount", Value: coinsJSON(e.Amount)},
		{Key: "delegator", Value: jsonString(e.Delegator)},
		{Key: "new_shares", Value: decCoinsJSON(e.NewShares)},
		{Key: "target_id", Value: strconv.FormatUint(uint64(e.TargetId), 10)},
		{Key: "type", Value: enumJSON(e.Type.String(), int32(e.Type))},
	}}
}

// jsonString is s as a JSON string, escaped as encoding/json (and so the
// SDK's jsonpb) escapes it.
func jsonString(s string) string {
	b, err := json.Marshal(s)
	if err != nil { // a string always marshals
		panic(err)
	}
	return string(b)
}

// enumJSON is an enum value as jsonpb writes it: its name quoted, or, for
// a value with no name, the bare number.
func enumJSON(name string, value int32) string {
	if n := strconv.Itoa(int(value)); name == n {
		return n
	}
	return `"` + name + `"`
}

// coinsJSON is coins as jsonpb writes them; a nil amount is written "0".
func coinsJSON(coins sdk.Coins) string {
	return coinListJSON(len(coins), func(i int) (string, string) {
		if coins[i].Amount.IsNil() {
			return coins[i].Denom, "0"
		}
		return coins[i].Denom, coins[i].Amount.String()
	})
}

// decCoinsJSON is coins as jsonpb writes them; a nil amount is written
// "0".
func decCoinsJSON(coins sdk.DecCoins) string {
	return coinListJSON(len(coins), func(i int) (string, string) {
		if coins[i].Amount.IsNil() {
			return coins[i].Denom, "0"
		}
		return coins[i].Denom, coins[i].Amount.String()
	})
}

// coinListJSON writes n {denom, amount} objects as a JSON array, the
// amount a string.
func coinListJSON(n int, coin func(i int) (denom, amount string)) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		denom, amount := coin(i)
		b.WriteString(`{"denom":` + jsonString(denom) + `,"amount":"` + amount + `"}`)
	}
	b.WriteByte(']')
	return b.String()
}
