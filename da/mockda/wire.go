package mockda

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/milkyway-labs/milkyway-rollup/da"
)

// JSON shapes of celestia-node v0.32.1's blob API, as recorded from a
// bridge node (conformance_test.go compares the mock's answers with the
// recordings). Byte slices are base64 in JSON.

// Namespace is a namespace parameter. It is checked while the params are
// decoded, so a bad one is refused with JSON-RPC -32700 and the reason, as
// celestia-node does.
type Namespace []byte

// UnmarshalJSON decodes base64 and accepts only 29-byte, version 0,
// non-reserved namespaces.
func (n *Namespace) UnmarshalJSON(b []byte) error {
	var raw []byte
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	ns, err := da.NamespaceFromBytes(raw)
	if err != nil {
		return err
	}
	*n = ns.Bytes()
	return nil
}

// Blob is a blob as blob.Submit takes it and blob.GetAll/blob.Get return
// it. On submission Commitment and Index are ignored, as by celestia-node.
// The mock has no data square, so Index is always -1, celestia-node's
// value for "not set".
type Blob struct {
	Namespace    Namespace `json:"namespace"`
	Data         []byte    `json:"data"`
	ShareVersion uint8     `json:"share_version"`
	Commitment   []byte    `json:"commitment"`
	Index        int       `json:"index"`
}

// noIndex is celestia-node's Index of a blob whose square position is unknown.
const noIndex = -1

// SubmitOptions is blob.Submit's TxConfig. Only the gas price is looked at
// (fees are not emulated); the other fields celestia-node takes
// (max_gas_price, tx_priority, key_name, ...) are accepted and ignored.
type SubmitOptions struct {
	GasPrice      float64 `json:"gas_price"`
	IsGasPriceSet bool    `json:"is_gas_price_set"`
}

// NMTProof has the fields of a celestia-node NMT proof. The mock fills it
// with its own merkle proof (see proofs.go): Start/End are the blob's leaf
// range in the block's data root, Nodes the merkle aunts.
type NMTProof struct {
	Start                 int      `json:"start"`
	End                   int      `json:"end"`
	Nodes                 [][]byte `json:"nodes"`
	IsMaxNamespaceIgnored bool     `json:"is_max_namespace_ignored"`
}

// Proof is blob.GetProof's answer and blob.Included's parameter, an array
// of NMT proofs like celestia-node's (the mock's always has one).
type Proof []NMTProof

// UnmarshalJSON is strict: unknown fields are refused, so any altered
// byte of a proof either fails to decode or fails to verify.
func (p *Proof) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var proofs []NMTProof
	if err := dec.Decode(&proofs); err != nil {
		return fmt.Errorf("invalid proof: %w", err)
	}
	*p = proofs
	return nil
}

// NodeInfo is node.Info's answer.
type NodeInfo struct {
	Type       string `json:"type"`
	APIVersion string `json:"api_version"`
}

// Balance is state.Balance's answer.
type Balance struct {
	Denom  string `json:"denom"`
	Amount string `json:"amount"`
}
