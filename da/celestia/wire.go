package celestia

import "time"

// JSON shapes of celestia-node v0.32.1, as recorded (wire_test.go checks
// them). Byte slices are base64 in JSON, as the node expects.

// submitBlob is a blob as blob.Submit takes it. The commitment is not sent:
// the node computes it (and ignores one if given).
type submitBlob struct {
	Namespace    []byte `json:"namespace"`
	Data         []byte `json:"data"`
	ShareVersion uint8  `json:"share_version"`
}

// submitOptions is blob.Submit's TxConfig. It must be an object: with
// null, celestia-node v0.32.1 panics (HTTP 500). Empty, the node picks the
// gas price itself.
type submitOptions struct {
	GasPrice      float64 `json:"gas_price,omitempty"`
	IsGasPriceSet bool    `json:"is_gas_price_set,omitempty"`
}

// blob is a blob as blob.GetAll and blob.Get return it.
type blob struct {
	Namespace    []byte `json:"namespace"`
	Data         []byte `json:"data"`
	ShareVersion uint8  `json:"share_version"`
	Commitment   []byte `json:"commitment"`
	Index        int    `json:"index"`
}

// extendedHeader is the part of a celestia-node ExtendedHeader the client
// reads. Integers in it are JSON strings.
type extendedHeader struct {
	Header struct {
		ChainID string    `json:"chain_id"`
		Height  uint64    `json:"height,string"`
		Time    time.Time `json:"time"`
	} `json:"header"`
}

// NodeInfo is node.Info's answer.
type NodeInfo struct {
	Type       string `json:"type"`
	APIVersion string `json:"api_version"`
}

// Balance is state.Balance's answer: the node account's balance.
type Balance struct {
	Denom  string `json:"denom"`
	Amount string `json:"amount"`
}

// Header is what the client exposes of a DA block header.
type Header struct {
	ChainID string
	Height  uint64
	Time    time.Time
}

func (h extendedHeader) toHeader() Header {
	return Header{ChainID: h.Header.ChainID, Height: h.Header.Height, Time: h.Header.Time}
}
