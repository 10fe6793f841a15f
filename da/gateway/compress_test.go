package gateway_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"cosmossdk.io/log"
	"github.com/cometbft/cometbft/crypto/ed25519"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/klauspost/compress/zstd"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/rollkit/go-da/proxy/jsonrpc"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/blobenc"
	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway/gatewaytest"
	"github.com/milkyway-labs/milkyway-rollup/da/mockda"
)

// compressFixture is a mock DA, a gateway in front of it with registered
// metrics, and a go-da client of the gateway (rollkit's view).
type compressFixture struct {
	ctx      context.Context
	upstream *celestia.Client
	gw       *gateway.Gateway
	metrics  *gateway.Metrics
	rollkit  *jsonrpc.Client
	ns       []byte
	seqKey   ed25519.PrivKey
}

// newCompressFixture builds the fixture; setup runs on the gateway before
// it listens (e.g. PostRaw).
func newCompressFixture(t *testing.T, setup ...func(*gateway.Gateway)) *compressFixture {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	mock, err := mockda.New(mockda.Config{Home: t.TempDir(), ListenAddress: "127.0.0.1:0", BlockTime: 20 * time.Millisecond}, nil)
	require.NoError(t, err)
	require.NoError(t, mock.Start(ctx))
	t.Cleanup(func() { mock.Stop() })
	f := &compressFixture{ctx: ctx, upstream: celestia.New("http://"+mock.Addr(), ""), seqKey: ed25519.GenPrivKey()}
	f.gw = gateway.New(f.upstream, gateway.NewBlockVerifier(chainID, cmtypes.GenesisValidator{
		Address: f.seqKey.PubKey().Address(), PubKey: f.seqKey.PubKey(), Power: 1,
	}), log.NewNopLogger())
	f.metrics = gateway.NewMetrics(prometheus.NewRegistry(), "test", nil)
	f.gw.SetMetrics(f.metrics)
	for _, fn := range setup {
		fn(f.gw)
	}
	url, err := f.gw.Listen("127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.gw.Close() })
	f.rollkit, err = jsonrpc.NewClient(ctx, url, "")
	require.NoError(t, err)
	t.Cleanup(f.rollkit.Close)
	namespace, err := da.ParseNamespace("6d696c6b79776179")
	require.NoError(t, err)
	f.ns = namespace.Bytes()
	return f
}

// block is a sequencer block at height h with n similar transactions, the
// shape of a block under load.
func (f *compressFixture) block(h uint64, n int) []byte {
	txs := make([][]byte, n)
	for i := range txs {
		txs[i] = []byte(fmt.Sprintf("/cosmos.bank.v1beta1.MsgSend milkyway1qy352eufqy352eufqy352eufqy352eufcx6ml9 -> milkyway1zg69v7yszg69v7yszg69v7yszg69v7ys7e8jyh 1umilk seq=%d", i))
	}
	return gatewaytest.Blob(gatewaytest.Block(gatewaytest.BlockSpec{ChainID: chainID, Height: h, Key: f.seqKey, Txs: txs}))
}

// TestGatewayPostsCompressedBlocks: the sequencer's blocks go to the DA as
// envelopes, one blob per block; the DA's commitments and inclusion proofs
// are over the compressed blob; rollkit reads the raw block back.
func TestGatewayPostsCompressedBlocks(t *testing.T) {
	f := newCompressFixture(t)
	raw := [][]byte{f.block(1, 200), f.block(2, 200)}
	ids, err := f.rollkit.DA.Submit(f.ctx, raw, -1, f.ns)
	require.NoError(t, err)
	require.Len(t, ids, len(raw), "one blob, one ID per block")

	height, _, err := da.SplitID(ids[0])
	require.NoError(t, err)
	posted, err := f.upstream.Get(f.ctx, ids, f.ns)
	require.NoError(t, err)
	namespace, err := da.ParseNamespace("6d696c6b79776179")
	require.NoError(t, err)
	var postedBytes int
	for i, blob := range posted {
		require.True(t, blobenc.IsEnvelope(blob))
		require.Less(t, len(blob), len(raw[i])/2)
		postedBytes += len(blob)
		_, commitment, err := da.SplitID(ids[i])
		require.NoError(t, err)
		c, err := da.CreateCommitment(namespace, blob)
		require.NoError(t, err)
		require.Equal(t, commitment, c, "the commitment is over the blob as posted")
	}
	proofs, err := f.upstream.GetProofs(f.ctx, ids, f.ns)
	require.NoError(t, err)
	valid, err := f.upstream.Validate(f.ctx, ids, proofs, f.ns)
	require.NoError(t, err)
	require.Equal(t, []bool{true, true}, valid)
	require.Equal(t, float64(postedBytes), counterValue(t, f.metrics.SubmittedBytes))
	require.Equal(t, float64(len(raw[0])+len(raw[1])), counterValue(t, f.metrics.SubmittedBlockBytes))

	got, err := f.rollkit.DA.GetIDs(f.ctx, height, f.ns)
	require.NoError(t, err)
	require.Equal(t, ids, got)
	blobs, err := f.rollkit.DA.Get(f.ctx, got, f.ns)
	require.NoError(t, err)
	require.Equal(t, raw, blobs, "rollkit reads raw blocks")
	// A Get that no GetIDs preceded (not served from memory) decodes too.
	blobs, err = f.rollkit.DA.Get(f.ctx, ids[1:], f.ns)
	require.NoError(t, err)
	require.Equal(t, raw[1:], blobs)
	require.Zero(t, counterValue(t, f.metrics.RejectedBlobs))
}

// TestGatewayPostsRawBlocksWhenTold: with PostRaw (the sequencer's
// --rollup.da_raw_blobs, for a rollout before every full node reads
// envelopes) the blocks reach the DA byte for byte, and read back the same.
func TestGatewayPostsRawBlocksWhenTold(t *testing.T) {
	f := newCompressFixture(t, (*gateway.Gateway).PostRaw)
	raw := [][]byte{f.block(1, 200)}
	ids, err := f.rollkit.DA.Submit(f.ctx, raw, -1, f.ns)
	require.NoError(t, err)
	posted, err := f.upstream.Get(f.ctx, ids, f.ns)
	require.NoError(t, err)
	require.Equal(t, raw, posted, "posted as they are")
	require.False(t, blobenc.IsEnvelope(posted[0]))
	height, _, err := da.SplitID(ids[0])
	require.NoError(t, err)
	got, err := f.rollkit.DA.GetIDs(f.ctx, height, f.ns)
	require.NoError(t, err)
	blobs, err := f.rollkit.DA.Get(f.ctx, got, f.ns)
	require.NoError(t, err)
	require.Equal(t, raw, blobs)
}

// TestGatewayReadsLegacyAndRejectsBadEnvelopes: raw blocks posted before
// compression still reach rollkit; envelopes of an unknown version or
// codec, a truncated one and a decompression bomb are rejected like
// forgeries: logged, left out and counted.
func TestGatewayReadsLegacyAndRejectsBadEnvelopes(t *testing.T) {
	f := newCompressFixture(t)
	legacy := f.block(1, 50)
	envelope := blobenc.Encode(f.block(2, 50))
	unknownVersion := append([]byte{}, envelope...)
	unknownVersion[4] = 2
	unknownCodec := append([]byte{}, envelope...)
	unknownCodec[5] = 7
	truncated := envelope[:len(envelope)-10]
	// A few KiB that declare 1 byte and decompress to 8 MiB of zeros.
	bomb := append([]byte{0x00, 'M', 'W', 'B', blobenc.Version, byte(blobenc.CodecZstd), 0x01},
		zstdEncoder(t).EncodeAll(make([]byte, 8<<20), nil)...)

	ids, err := f.upstream.Submit(f.ctx, [][]byte{legacy, unknownVersion, unknownCodec, truncated, bomb, envelope}, -1, f.ns)
	require.NoError(t, err)
	height, _, err := da.SplitID(ids[0])
	require.NoError(t, err)

	got, err := f.rollkit.DA.GetIDs(f.ctx, height, f.ns)
	require.NoError(t, err)
	require.Equal(t, [][]byte{ids[0], ids[5]}, got)
	blobs, err := f.rollkit.DA.Get(f.ctx, got, f.ns)
	require.NoError(t, err)
	require.Equal(t, legacy, blobs[0])
	decoded, _, err := blobenc.Decode(envelope)
	require.NoError(t, err)
	require.Equal(t, decoded, blobs[1])
	require.Equal(t, float64(4), counterValue(t, f.metrics.RejectedBlobs))
	require.Equal(t, uint64(2), f.gw.IncludedHeight())
}

func zstdEncoder(t *testing.T) *zstd.Encoder {
	enc, err := zstd.NewWriter(nil)
	require.NoError(t, err)
	return enc
}

func counterValue(t *testing.T, c prometheus.Counter) float64 {
	var m dto.Metric
	require.NoError(t, c.Write(&m))
	return m.GetCounter().GetValue()
}

// TestDecodeLimitIsTheBlockLimit: rollkit sizes blocks to the DA's
// MaxBlobSize, so the envelope's decode bound must be that size.
func TestDecodeLimitIsTheBlockLimit(t *testing.T) {
	require.Equal(t, celestia.MaxBlobSize, blobenc.MaxDecodedSize)
}
