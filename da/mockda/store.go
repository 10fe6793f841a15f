package mockda

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"time"

	"cosmossdk.io/log"
	"github.com/cockroachdb/pebble"

	"github.com/milkyway-labs/milkyway-rollup/da"
)

// Key layout of the pebble store. Heights are big-endian in keys so that
// byte order is height order.
//
//	"m/latest"                        -> latest produced height (uint64 BE)
//	"h/" height                       -> encoded Header
//	"i/" height namespace             -> commitments of the blobs of that
//	                                     namespace at that height, in
//	                                     submission order (32 bytes each)
//	"b/" namespace height commitment  -> blob data
//
// Iterating "i/" height yields namespaces in byte order, each with its
// commitments in submission order: exactly the data-root leaf order, so the
// leaves need not be stored separately.
var (
	keyLatest    = []byte("m/latest")
	prefixHeader = []byte("h/")
	prefixIndex  = []byte("i/")
	prefixBlob   = []byte("b/")
)

// headerVersion tags the header encoding, to allow changing it later.
const (
	headerVersion = 1
	headerSize    = 1 + 8 + da.CommitmentSize + 4 + 8
)

// Header is what the mock DA layer commits to per block: a light client
// only needs DataRoot to check inclusion proofs of that height.
type Header struct {
	Height    uint64
	Time      time.Time
	DataRoot  []byte
	BlobCount uint32
	BlobBytes uint64
}

// blockEntry is one blob of a block being written.
type blockEntry struct {
	ns, commitment, data []byte
}

// store persists DA blocks in pebble.
type store struct {
	db *pebble.DB
}

// openStore opens (creating if needed) the pebble store in dir.
func openStore(dir string, logger log.Logger) (*store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create mock DA data directory %s: %w", dir, err)
	}
	db, err := pebble.Open(dir, &pebble.Options{Logger: pebbleLogger{logger}})
	if err != nil {
		return nil, fmt.Errorf("open mock DA store in %s (is another DA server using it?): %w", dir, err)
	}
	return &store{db: db}, nil
}

func (s *store) close() error {
	return s.db.Close()
}

// get returns a copy of the value at key, or nil if absent.
func (s *store) get(key []byte) ([]byte, error) {
	v, closer, err := s.db.Get(key)
	if errors.Is(err, pebble.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer closer.Close()
	return append([]byte{}, v...), nil
}

// latestHeight returns the last produced height, 0 for a fresh store.
func (s *store) latestHeight() (uint64, error) {
	v, err := s.get(keyLatest)
	if err != nil || v == nil {
		return 0, err
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("corrupt latest height record (%d bytes)", len(v))
	}
	return binary.BigEndian.Uint64(v), nil
}

// writeBlock stores a block (entries in leaf order) and advances the latest
// height in one synced batch, so a crash never leaves half a block.
func (s *store) writeBlock(h Header, entries []blockEntry) error {
	b := s.db.NewBatch()
	defer b.Close()

	index := make(map[string][]byte)
	var order []string
	for _, e := range entries {
		ns := string(e.ns)
		if _, ok := index[ns]; !ok {
			order = append(order, ns)
		}
		index[ns] = append(index[ns], e.commitment...)
		if err := b.Set(blobKey(e.ns, h.Height, e.commitment), e.data, nil); err != nil {
			return err
		}
	}
	for _, ns := range order {
		if err := b.Set(indexKey(h.Height, []byte(ns)), index[ns], nil); err != nil {
			return err
		}
	}
	if err := b.Set(headerKey(h.Height), encodeHeader(h), nil); err != nil {
		return err
	}
	if err := b.Set(keyLatest, binary.BigEndian.AppendUint64(nil, h.Height), nil); err != nil {
		return err
	}
	return b.Commit(pebble.Sync)
}

// header returns the header at height, or ok=false if there is none.
func (s *store) header(height uint64) (h Header, ok bool, err error) {
	v, err := s.get(headerKey(height))
	if err != nil || v == nil {
		return Header{}, false, err
	}
	h, err = decodeHeader(height, v)
	return h, err == nil, err
}

// commitments returns the commitments stored for ns at height.
func (s *store) commitments(height uint64, ns []byte) ([][]byte, error) {
	v, err := s.get(indexKey(height, ns))
	if err != nil {
		return nil, err
	}
	return splitCommitments(v)
}

// blob returns the data of a blob, or nil if there is none.
func (s *store) blob(ns []byte, height uint64, commitment []byte) ([]byte, error) {
	return s.get(blobKey(ns, height, commitment))
}

// leaves rebuilds the ordered data-root leaves of height from the index.
func (s *store) leaves(height uint64) ([][]byte, error) {
	lower := heightKey(prefixIndex, height)
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: lower, UpperBound: heightKey(prefixIndex, height+1)})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var leaves [][]byte
	for it.First(); it.Valid(); it.Next() {
		ns := it.Key()[len(lower):]
		cs, err := splitCommitments(it.Value())
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			leaves = append(leaves, makeLeaf(ns, c))
		}
	}
	return leaves, it.Error()
}

func splitCommitments(v []byte) ([][]byte, error) {
	if len(v)%da.CommitmentSize != 0 {
		return nil, fmt.Errorf("corrupt blob index record (%d bytes)", len(v))
	}
	out := make([][]byte, 0, len(v)/da.CommitmentSize)
	for i := 0; i < len(v); i += da.CommitmentSize {
		out = append(out, v[i:i+da.CommitmentSize:i+da.CommitmentSize])
	}
	return out, nil
}

func heightKey(prefix []byte, height uint64) []byte {
	return binary.BigEndian.AppendUint64(append([]byte{}, prefix...), height)
}

func headerKey(height uint64) []byte { return heightKey(prefixHeader, height) }

func indexKey(height uint64, ns []byte) []byte {
	return append(heightKey(prefixIndex, height), ns...)
}

func blobKey(ns []byte, height uint64, commitment []byte) []byte {
	k := append(append([]byte{}, prefixBlob...), ns...)
	k = binary.BigEndian.AppendUint64(k, height)
	return append(k, commitment...)
}

func encodeHeader(h Header) []byte {
	v := make([]byte, 0, headerSize)
	v = append(v, headerVersion)
	v = binary.BigEndian.AppendUint64(v, uint64(h.Time.UnixNano()))
	v = append(v, h.DataRoot...)
	v = binary.BigEndian.AppendUint32(v, h.BlobCount)
	return binary.BigEndian.AppendUint64(v, h.BlobBytes)
}

func decodeHeader(height uint64, v []byte) (Header, error) {
	if len(v) != headerSize || v[0] != headerVersion {
		return Header{}, fmt.Errorf("corrupt header record at height %d", height)
	}
	return Header{
		Height:    height,
		Time:      time.Unix(0, int64(binary.BigEndian.Uint64(v[1:9]))).UTC(),
		DataRoot:  v[9 : 9+da.CommitmentSize],
		BlobCount: binary.BigEndian.Uint32(v[9+da.CommitmentSize:]),
		BlobBytes: binary.BigEndian.Uint64(v[13+da.CommitmentSize:]),
	}, nil
}

// pebbleLogger routes pebble's internal logging to the server logger.
type pebbleLogger struct{ log.Logger }

func (l pebbleLogger) Infof(format string, args ...any) {
	l.Debug("pebble: " + fmt.Sprintf(format, args...))
}

// Fatalf must not return (pebble's contract); the store is unusable.
func (l pebbleLogger) Fatalf(format string, args ...any) {
	msg := "pebble: " + fmt.Sprintf(format, args...)
	l.Error(msg)
	panic(msg)
}
