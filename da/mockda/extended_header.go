package mockda

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// ExtendedHeader has the fields and JSON types of celestia-node's
// ExtendedHeader (integers as strings, hashes as upper-case hex, keys and
// signatures base64). Only the height, the time, data_hash (the mock's data
// root) and dah (the data root as the single row and column root) mean
// something; the mock has no consensus, so the commit and the validator
// set are placeholders (one zero-key validator, a zero signature) that
// verify nothing.
type ExtendedHeader struct {
	Header       RawHeader    `json:"header"`
	Commit       Commit       `json:"commit"`
	ValidatorSet ValidatorSet `json:"validator_set"`
	DAH          DAHeader     `json:"dah"`
}

// RawHeader is the CometBFT header part.
type RawHeader struct {
	Version            Version   `json:"version"`
	ChainID            string    `json:"chain_id"`
	Height             string    `json:"height"`
	Time               time.Time `json:"time"`
	LastBlockID        BlockID   `json:"last_block_id"`
	LastCommitHash     string    `json:"last_commit_hash"`
	DataHash           string    `json:"data_hash"`
	ValidatorsHash     string    `json:"validators_hash"`
	NextValidatorsHash string    `json:"next_validators_hash"`
	ConsensusHash      string    `json:"consensus_hash"`
	AppHash            string    `json:"app_hash"`
	LastResultsHash    string    `json:"last_results_hash"`
	EvidenceHash       string    `json:"evidence_hash"`
	ProposerAddress    string    `json:"proposer_address"`
}

// Version is the block and app protocol versions, as strings.
type Version struct {
	Block string `json:"block"`
	App   string `json:"app"`
}

// BlockID names a block by hash and part set.
type BlockID struct {
	Hash  string        `json:"hash"`
	Parts PartSetHeader `json:"parts"`
}

// PartSetHeader is a block's part set summary (total is a number here).
type PartSetHeader struct {
	Total int    `json:"total"`
	Hash  string `json:"hash"`
}

// Commit is the commit of the header's block.
type Commit struct {
	Height     string      `json:"height"`
	Round      int         `json:"round"`
	BlockID    BlockID     `json:"block_id"`
	Signatures []CommitSig `json:"signatures"`
}

// CommitSig is one validator's commit signature.
type CommitSig struct {
	BlockIDFlag      int       `json:"block_id_flag"`
	ValidatorAddress string    `json:"validator_address"`
	Timestamp        time.Time `json:"timestamp"`
	Signature        []byte    `json:"signature"`
}

// ValidatorSet is the set that signed the commit.
type ValidatorSet struct {
	Validators []Validator `json:"validators"`
	Proposer   Validator   `json:"proposer"`
}

// Validator is one validator (voting power and priority as strings).
type Validator struct {
	Address          string `json:"address"`
	PubKey           PubKey `json:"pub_key"`
	VotingPower      string `json:"voting_power"`
	ProposerPriority string `json:"proposer_priority"`
}

// PubKey is an amino-JSON public key.
type PubKey struct {
	Type  string `json:"type"`
	Value []byte `json:"value"`
}

// DAHeader is the data availability header: the square's row and column roots.
type DAHeader struct {
	RowRoots    [][]byte `json:"row_roots"`
	ColumnRoots [][]byte `json:"column_roots"`
}

// mockChainID is the chain id in the mock's headers.
const mockChainID = "mockda"

// blockIDFlagCommit is CometBFT's flag for a signature on the block.
const blockIDFlagCommit = 2

// extendedHeader renders the header of a mock DA block; prev is the header
// of the block before (zero for height 1), whose hash links the two.
func extendedHeader(h, prev Header) ExtendedHeader {
	zeroHash := upperHex(make([]byte, 32))
	validator := Validator{
		Address:          upperHex(make([]byte, 20)),
		PubKey:           PubKey{Type: "tendermint/PubKeyEd25519", Value: make([]byte, 32)},
		VotingPower:      "1",
		ProposerPriority: "0",
	}
	var last BlockID
	last.Hash, last.Parts.Hash = zeroHash, zeroHash
	if prev.Height > 0 {
		last.Hash, last.Parts.Total = blockHash(prev), 1
	}
	height := strconv.FormatUint(h.Height, 10)
	return ExtendedHeader{
		Header: RawHeader{
			Version:        Version{Block: "11", App: "0"},
			ChainID:        mockChainID,
			Height:         height,
			Time:           h.Time,
			LastBlockID:    last,
			LastCommitHash: zeroHash, DataHash: upperHex(h.DataRoot),
			ValidatorsHash: zeroHash, NextValidatorsHash: zeroHash, ConsensusHash: zeroHash,
			AppHash: zeroHash, LastResultsHash: zeroHash, EvidenceHash: zeroHash,
			ProposerAddress: validator.Address,
		},
		Commit: Commit{
			Height:  height,
			BlockID: BlockID{Hash: blockHash(h), Parts: PartSetHeader{Total: 1, Hash: zeroHash}},
			Signatures: []CommitSig{{
				BlockIDFlag: blockIDFlagCommit, ValidatorAddress: validator.Address,
				Timestamp: h.Time, Signature: make([]byte, 64),
			}},
		},
		ValidatorSet: ValidatorSet{Validators: []Validator{validator}, Proposer: validator},
		DAH:          DAHeader{RowRoots: [][]byte{h.DataRoot}, ColumnRoots: [][]byte{h.DataRoot}},
	}
}

// blockHash identifies a mock DA block: SHA-256 of its stored header.
func blockHash(h Header) string {
	sum := sha256.Sum256(encodeHeader(h))
	return upperHex(sum[:])
}

func upperHex(b []byte) string { return strings.ToUpper(hex.EncodeToString(b)) }
