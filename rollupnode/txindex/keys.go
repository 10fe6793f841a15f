package txindex

import (
	"encoding/binary"
	"errors"
)

// The index's keys. Every integer is big-endian, so badger's key order is
// height order and a height range is one key range.
//
//	'r' hash                                        -> the tx's abci.TxResult
//	'c' height first last                           -> the group's txs: (uvarint index, 32-byte hash)...
//	'e' len(tag) tag len(value) value height first last -> the group's txs with that attribute: uvarint index...
//	'h'                                             -> the height written up to (SetIndexedHeight)
//
// A group is a run of consecutive txs of one block, first to last, written
// by one AddBatch call. The same run is the same txs, so writing a block
// again in the same chunks (the node always does: rollupnode.writeTxs)
// overwrites its keys; other chunks only add groups that overlap, and a
// search takes each tx once.
const (
	resultPrefix  byte = 'r'
	groupPrefix   byte = 'c'
	postingPrefix byte = 'e'
	heightKey     byte = 'h'
)

const hashLen = 32 // CometBFT's tx hash: SHA-256

func resultKey(hash []byte) []byte { return append([]byte{resultPrefix}, hash...) }

func groupKey(height int64, first, last uint32) []byte {
	return appendGroup([]byte{groupPrefix}, height, first, last)
}

// groupLen is what appendGroup appends.
const groupLen = 16

func appendGroup(key []byte, height int64, first, last uint32) []byte {
	key = binary.BigEndian.AppendUint64(key, uint64(height))
	key = binary.BigEndian.AppendUint32(key, first)
	return binary.BigEndian.AppendUint32(key, last)
}

// tagPrefix is the start of every posting of tag.
func tagPrefix(tag string) []byte {
	key := append([]byte{postingPrefix}, binary.AppendUvarint(nil, uint64(len(tag)))...)
	return append(key, tag...)
}

// valuePrefix is the start of every posting of tag = value.
func valuePrefix(tag, value string) []byte {
	key := binary.AppendUvarint(tagPrefix(tag), uint64(len(value)))
	return append(key, value...)
}

func postingKey(tag, value string, height int64, first, last uint32) []byte {
	return appendGroup(valuePrefix(tag, value), height, first, last)
}

var errBadKey = errors.New("malformed tx index key")

// splitPosting returns a posting key's value and the key of its group.
func splitPosting(key []byte) (value string, height int64, group []byte, err error) {
	rest := key[1:]
	n, w := binary.Uvarint(rest)
	if w <= 0 || n > uint64(len(rest)-w) {
		return "", 0, nil, errBadKey
	}
	rest = rest[w+int(n):]
	n, w = binary.Uvarint(rest)
	if w <= 0 || len(rest)-w < groupLen || n != uint64(len(rest)-w-groupLen) {
		return "", 0, nil, errBadKey
	}
	value = string(rest[w : w+int(n)])
	tail := rest[w+int(n):]
	return value, int64(binary.BigEndian.Uint64(tail)), append([]byte{groupPrefix}, tail...), nil
}
