package types

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	errorsmod "cosmossdk.io/errors"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// Memo field names inside {"restake": {...}}.
const (
	fieldTarget = "target"
	fieldID     = "id"
)

// targetTypes maps the memo's target names to delegation types.
var targetTypes = map[string]restakingtypes.DelegationType{
	"pool":     restakingtypes.DELEGATION_TYPE_POOL,
	"operator": restakingtypes.DELEGATION_TYPE_OPERATOR,
	"service":  restakingtypes.DELEGATION_TYPE_SERVICE,
}

// RestakeMemo is the restake instruction of an ICS-20 memo:
//
//	{"restake": {"target": "pool" | "operator" | "service", "id": N}}
//
// id is required (positive) for an operator or a service. For a pool it is
// optional: without it the tokens go to the pool of the received denom
// (created on its first restakable delegation); with it, that pool must
// have this id.
type RestakeMemo struct {
	Target restakingtypes.DelegationType
	// ID is the target id; 0 only for a pool named by the received denom.
	ID uint32
}

// ParseMemo reads an ICS-20 memo. The memo is for this middleware (ours)
// when it is a JSON object with a top-level "restake" key, or text that
// starts as one (a JSON object whose syntax breaks only after the
// "restake" key: the sender meant to restake, and crediting the tokens
// unstaked would not be what it asked). Anything else (plain text, other
// JSON, an object without "restake") is not ours and passes through
// untouched. When ours, err names what is wrong with the instruction as a
// registered error (ErrMalformedMemo, ErrUnknownMemoField,
// ErrUnknownTargetType or ErrMissingTargetID).
//
// The parse is strict, because a sender whose instruction is read
// differently from what it meant would have its tokens locked somewhere it
// did not choose: field names match exactly (not case-insensitively as
// encoding/json would), a repeated field, an unknown field, a null, a
// number that is not a uint32 or data after the object are refused, and no
// other top-level key may sit next to "restake" (this chain runs no other
// memo middleware, so it would be silently ignored).
func ParseMemo(memo string) (m RestakeMemo, ours bool, err error) {
	top, repeated, err := objectFields([]byte(memo))
	if _, ok := top[MemoKey]; !ok {
		return RestakeMemo{}, false, nil
	}
	if err != nil {
		return RestakeMemo{}, true, errorsmod.Wrapf(ErrMalformedMemo, "not valid JSON: %s", err)
	}
	if slices.Contains(repeated, MemoKey) {
		return RestakeMemo{}, true, errorsmod.Wrapf(ErrMalformedMemo, "%q appears twice", MemoKey)
	}
	if len(top) > 1 {
		others := make([]string, 0, len(top)-1)
		for k := range top {
			if k != MemoKey {
				others = append(others, k)
			}
		}
		slices.Sort(others) // map order must not decide the error text
		return RestakeMemo{}, true, errorsmod.Wrapf(ErrUnknownMemoField,
			"top-level %s next to %q: no other memo instruction runs here", quoteAll(others), MemoKey)
	}
	m, err = parseRestake(top[MemoKey])
	return m, true, err
}

// parseRestake reads the object under "restake".
func parseRestake(body json.RawMessage) (RestakeMemo, error) {
	fields, repeated, err := objectFields(body)
	if err != nil {
		return RestakeMemo{}, errorsmod.Wrapf(ErrMalformedMemo, "%q: %s", MemoKey, err)
	}
	if len(repeated) > 0 {
		return RestakeMemo{}, errorsmod.Wrapf(ErrMalformedMemo, "%q repeats %s", MemoKey, quoteAll(repeated))
	}
	var unknown []string
	for k := range fields {
		if k != fieldTarget && k != fieldID {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return RestakeMemo{}, errorsmod.Wrapf(ErrUnknownMemoField, "%s in %q: it takes only %q and %q",
			quoteAll(unknown), MemoKey, fieldTarget, fieldID)
	}

	rawTarget, ok := fields[fieldTarget]
	if !ok {
		return RestakeMemo{}, errorsmod.Wrapf(ErrUnknownTargetType, "%q is missing: give pool, operator or service", fieldTarget)
	}
	var name string
	if err := decodeValue(rawTarget, &name); err != nil {
		return RestakeMemo{}, errorsmod.Wrapf(ErrMalformedMemo, "%q must be a string: %s", fieldTarget, err)
	}
	t, ok := targetTypes[name]
	if !ok {
		return RestakeMemo{}, errorsmod.Wrapf(ErrUnknownTargetType, "%q: give pool, operator or service", name)
	}

	m := RestakeMemo{Target: t}
	rawID, hasID := fields[fieldID]
	if hasID {
		if err := decodeValue(rawID, &m.ID); err != nil {
			return RestakeMemo{}, errorsmod.Wrapf(ErrMalformedMemo, "%q must be an integer from 1 to %d: %s", fieldID, uint32(1<<32-1), err)
		}
		if m.ID == 0 {
			return RestakeMemo{}, errorsmod.Wrapf(ErrMissingTargetID, "%q is 0: ids start at 1", fieldID)
		}
	} else if t != restakingtypes.DELEGATION_TYPE_POOL {
		return RestakeMemo{}, errorsmod.Wrapf(ErrMissingTargetID, "%q is required for a %s target", fieldID, name)
	}
	return m, nil
}

// errNull is returned for a JSON null where a value is required.
var errNull = errors.New("null is not allowed")

// decodeValue decodes one JSON value into v, refusing null (which
// encoding/json would silently skip).
func decodeValue(raw json.RawMessage, v any) error {
	if string(bytes.TrimSpace(raw)) == "null" {
		return errNull
	}
	return json.Unmarshal(raw, v)
}

// objectFields splits a JSON object into its fields, keeping each value's
// raw text, and lists the keys that appear more than once (encoding/json
// would keep the last one silently). Anything but exactly one object,
// including trailing data, is an error; on a syntax error the keys read
// before it are still returned (with the value that broke left nil).
func objectFields(raw []byte) (map[string]json.RawMessage, []string, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil {
		return nil, nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, nil, errors.New("not a JSON object")
	}
	fields := make(map[string]json.RawMessage)
	var repeated []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fields, repeated, err
		}
		key, ok := tok.(string)
		if !ok {
			return fields, repeated, errors.New("object key is not a string")
		}
		if _, seen := fields[key]; seen && !slices.Contains(repeated, key) {
			repeated = append(repeated, key)
		}
		fields[key] = nil
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return fields, repeated, err
		}
		fields[key] = value
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return fields, repeated, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fields, repeated, errors.New("data after the JSON object")
	}
	return fields, repeated, nil
}

func quoteAll(keys []string) string {
	q := make([]string, len(keys))
	for i, k := range keys {
		q[i] = strconv.Quote(k)
	}
	return strings.Join(q, ", ")
}
