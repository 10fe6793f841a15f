package cmd

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/celestiaorg/go-square/v2/share"
	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"
	cmtypes "github.com/cometbft/cometbft/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	goda "github.com/rollkit/go-da"
	rollkittypes "github.com/rollkit/rollkit/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway/gatewaytest"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode/fraud"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
	slashingtypes "github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

const censorChainID = "milkyway-censor-1"

var (
	censorSeqKey = cmted25519.GenPrivKeyFromSecret([]byte("censorship test sequencer"))
	laneNS       = share.MustNewV0Namespace([]byte("milkyforce"))
	chainNS      = share.MustNewV0Namespace([]byte("milkyway"))
)

// censorRules: epochs of 5 DA heights and one of grace, so a tx posted at
// DA height 7 (epoch 1) is due by DA height 14; 200 bytes an epoch.
var censorRules = sequencertypes.ForcedInclusion{
	Namespace: laneNS.Bytes(), EpochLength: 5, GraceEpochs: 1, EpochByteBudget: 200, MaxTxBytes: 100,
}

// seqBlock is a block of the chain signed by the test sequencer.
func seqBlock(height uint64, txs ...[]byte) *rollkittypes.Block {
	return gatewaytest.Block(gatewaytest.BlockSpec{
		ChainID: censorChainID, Height: height, Time: time.Unix(1_800_000_000+int64(height), 0).UTC(), Txs: txs, Key: censorSeqKey,
	})
}

func headerBytes(t *testing.T, b *rollkittypes.Block) []byte {
	bz, err := b.SignedHeader.MarshalBinary()
	require.NoError(t, err)
	return bz
}

// fakeDA is an in-memory DA whose blobs sit at the heights a test puts
// them: IDs carry real share commitments, proofs are accepted for blobs
// it holds. Heights above the highest one used are from the future.
type fakeDA struct {
	blobs map[string]map[uint64][][]byte // namespace -> height -> blobs
	tip   uint64
}

func newFakeDA() *fakeDA { return &fakeDA{blobs: map[string]map[uint64][][]byte{}} }

func (f *fakeDA) put(t *testing.T, ns share.Namespace, height uint64, blob []byte) slashingtypes.DAPointer {
	t.Helper()
	if f.blobs[string(ns.Bytes())] == nil {
		f.blobs[string(ns.Bytes())] = map[uint64][][]byte{}
	}
	f.blobs[string(ns.Bytes())][height] = append(f.blobs[string(ns.Bytes())][height], blob)
	f.tip = max(f.tip, height)
	c, err := da.CreateCommitment(ns, blob)
	require.NoError(t, err)
	return slashingtypes.DAPointer{Namespace: ns.Bytes(), Height: height, Commitment: c}
}

func (f *fakeDA) putBlock(t *testing.T, height uint64, b *rollkittypes.Block) slashingtypes.DAPointer {
	return f.put(t, chainNS, height, gatewaytest.PostedBlob(b))
}

func (f *fakeDA) find(id goda.ID, ns goda.Namespace) ([]byte, bool) {
	h, c, err := da.SplitID(id)
	if err != nil {
		return nil, false
	}
	n, _ := share.NewNamespaceFromBytes(ns)
	for _, b := range f.blobs[string(ns)][h] {
		if bc, _ := da.CreateCommitment(n, b); bytes.Equal(bc, c) {
			return b, true
		}
	}
	return nil, false
}

func (f *fakeDA) MaxBlobSize(context.Context) (uint64, error) { return 1 << 20, nil }

func (f *fakeDA) GetIDs(_ context.Context, height uint64, ns goda.Namespace) ([]goda.ID, error) {
	if height > f.tip {
		return nil, fmt.Errorf("height %d: %w", height, da.ErrHeightFromFuture)
	}
	n, _ := share.NewNamespaceFromBytes(ns)
	var ids []goda.ID
	for _, b := range f.blobs[string(ns)][height] {
		c, err := da.CreateCommitment(n, b)
		if err != nil {
			return nil, err
		}
		ids = append(ids, da.MakeID(height, c))
	}
	return ids, nil
}

func (f *fakeDA) Get(_ context.Context, ids []goda.ID, ns goda.Namespace) ([]goda.Blob, error) {
	var out []goda.Blob
	for _, id := range ids {
		b, ok := f.find(id, ns)
		if !ok {
			return nil, da.ErrBlobNotFound
		}
		out = append(out, b)
	}
	return out, nil
}

func (f *fakeDA) GetProofs(_ context.Context, ids []goda.ID, ns goda.Namespace) ([]goda.Proof, error) {
	out := make([]goda.Proof, len(ids))
	for i, id := range ids {
		if _, ok := f.find(id, ns); !ok {
			return nil, da.ErrBlobNotFound
		}
		out[i] = goda.Proof(`[{"nmt":"proof"}]`)
	}
	return out, nil
}

func (f *fakeDA) Validate(_ context.Context, ids []goda.ID, proofs []goda.Proof, ns goda.Namespace) ([]bool, error) {
	out := make([]bool, len(ids))
	for i, id := range ids {
		_, ok := f.find(id, ns)
		out[i] = ok && string(proofs[i]) == `[{"nmt":"proof"}]`
	}
	return out, nil
}

func (f *fakeDA) Commit(context.Context, []goda.Blob, goda.Namespace) ([]goda.Commitment, error) {
	return nil, errors.New("not supported")
}

func (f *fakeDA) Submit(context.Context, []goda.Blob, float64, goda.Namespace) ([]goda.ID, error) {
	return nil, errors.New("not supported")
}

// isTestTx is the test chain's "is a transaction": bytes starting "tx".
func isTestTx(tx []byte) error {
	if !bytes.HasPrefix(tx, []byte("tx")) {
		return errors.New("not a tx")
	}
	return nil
}

// censorWorld is a DA where the forced tx "tx forced" is at DA height 7
// (deadline 14) and the sequencer posted blocks 1 (DA 3), 2 (DA 8), 3 (DA
// 12) without it and blocks 4 and 5 at DA 15, the first ones after the
// deadline; block 6 at DA 16.
type censorWorld struct {
	da       *fakeDA
	forced   slashingtypes.DAPointer
	tx       []byte
	blocks   map[uint64]*rollkittypes.Block
	at       [][2]uint64 // rollup height, DA height, in posting order
	pointers map[uint64]slashingtypes.DAPointer
}

func newCensorWorld(t *testing.T, edit func(w *censorWorld)) *censorWorld {
	w := &censorWorld{da: newFakeDA(), tx: []byte("tx forced"), blocks: map[uint64]*rollkittypes.Block{},
		at: [][2]uint64{{1, 3}, {2, 8}, {3, 12}, {5, 15}, {4, 15}, {6, 16}}, pointers: map[uint64]slashingtypes.DAPointer{}}
	for h := uint64(1); h <= 6; h++ {
		w.blocks[h] = seqBlock(h, []byte(fmt.Sprintf("tx other %d", h)))
	}
	if edit != nil {
		edit(w)
	}
	// Junk and a forged block in the chain namespace are skipped.
	w.da.put(t, chainNS, 8, []byte("junk"))
	forger := cmted25519.GenPrivKeyFromSecret([]byte("forger"))
	w.da.put(t, chainNS, 12, gatewaytest.PostedBlob(gatewaytest.Block(gatewaytest.BlockSpec{
		ChainID: censorChainID, Height: 3, Txs: [][]byte{w.tx}, Key: forger})))
	w.forced = w.da.put(t, laneNS, 7, w.tx)
	for _, hd := range w.at {
		w.pointers[hd[0]] = w.da.putBlock(t, hd[1], w.blocks[hd[0]])
	}
	return w
}

// evidence is the Msg naming block late as the late one.
func (w *censorWorld) evidence(t *testing.T, late uint64) *slashingtypes.MsgSubmitCensorship {
	sum := sha256.Sum256(w.tx)
	return &slashingtypes.MsgSubmitCensorship{
		Submitter: sdk.AccAddress(bytes.Repeat([]byte{1}, 20)).String(), ForcedTx: w.forced, TxHash: sum[:],
		LateHeader: headerBytes(t, w.blocks[late]), LateBlock: w.pointers[late], Fraction: sdkmath.LegacyMustNewDecFromStr("0.1"),
	}
}

func (w *censorWorld) check(t *testing.T, m *slashingtypes.MsgSubmitCensorship, rules sequencertypes.ForcedInclusion) (*evidenceVerdict, uint64) {
	v := &evidenceVerdict{}
	verifier := gateway.NewBlockVerifier(censorChainID, cmtypes.GenesisValidator{
		Address: censorSeqKey.PubKey().Address(), PubKey: censorSeqKey.PubKey(), Power: 1,
	})
	late := checkCensorship(context.Background(), w.da, verifier, chainNS.Bytes(), v, m, rules, isTestTx,
		censorChainID, censorSeqKey.PubKey().Bytes())
	v.Verified = len(v.Checks) > 0
	for _, c := range v.Checks {
		v.Verified = v.Verified && c.OK
	}
	return v, late
}

// failed is the first failed check.
func failed(v *evidenceVerdict) evidenceCheck {
	for _, c := range v.Checks {
		if !c.OK {
			return c
		}
	}
	return evidenceCheck{}
}

// TestVerifyCensorship: `evidence verify` confirms censorship from the DA
// alone when the forced tx is in no sequencer block up to the deadline,
// and names the first block posted after it.
func TestVerifyCensorship(t *testing.T) {
	w := newCensorWorld(t, nil)
	v, late := w.check(t, w.evidence(t, 4), censorRules)
	require.True(t, v.Verified, "%+v", v.Checks)
	require.Equal(t, uint64(4), late)
	var names []string
	for _, c := range v.Checks {
		names = append(names, c.Check)
	}
	require.Equal(t, []string{
		"late header signed by the sequencer",
		"forced tx in the forced-inclusion lane",
		"late block posted after the deadline",
		"forced tx blob available on the DA under the claimed commitment",
		"forced tx blob inclusion proof",
		"forced tx blob hashes to the tx hash",
		"forced tx admitted by the lane's rule",
		"late block available on the DA under the claimed commitment",
		"late block signed by the sequencer, with the late header",
		"first sequencer block posted after the deadline",
		"forced tx absent from every sequencer block posted by the deadline",
	}, names)
	require.Contains(t, v.Checks[0].Detail, fmt.Sprintf("rollup height 4, hash %X", []byte(w.blocks[4].Hash())))
	require.Contains(t, v.Checks[2].Detail, "deadline 14")
	require.Contains(t, v.Checks[9].Detail, "rollup height 4 at DA height 15")
	require.Contains(t, v.Checks[10].Detail, "2 sequencer blocks at DA heights 7..14 (rollup heights 2..3)")

	// Naming a later late block still holds: the first one is below it.
	v, late = w.check(t, w.evidence(t, 6), censorRules)
	require.True(t, v.Verified, "%+v", v.Checks)
	require.Equal(t, uint64(4), late)

	// A block rollkit posts again past the deadline is not the first late
	// block (ADR 004): block 3 again at DA 15, the new blocks at DA 16.
	w = newCensorWorld(t, func(w *censorWorld) {
		w.at = [][2]uint64{{1, 3}, {2, 8}, {3, 12}, {3, 15}, {4, 16}, {5, 16}, {6, 17}}
	})
	v, late = w.check(t, w.evidence(t, 4), censorRules)
	require.True(t, v.Verified, "%+v", v.Checks)
	require.Equal(t, uint64(4), late)
	require.Contains(t, v.Checks[9].Detail, "rollup height 4 at DA height 16")
	// Evidence naming the re-posted block still holds: B is block 4.
	v, late = w.check(t, w.evidence(t, 3), censorRules)
	require.True(t, v.Verified, "%+v", v.Checks)
	require.Equal(t, uint64(4), late)
}

// TestVerifyCensorshipRefutes: evidence that does not hold from the DA
// fails the verdict, with the check that says why.
func TestVerifyCensorshipRefutes(t *testing.T) {
	t.Run("the tx is in a block posted by the deadline", func(t *testing.T) {
		w := newCensorWorld(t, func(w *censorWorld) { w.blocks[3] = seqBlock(3, []byte("tx other 3"), w.tx) })
		v, late := w.check(t, w.evidence(t, 4), censorRules)
		require.False(t, v.Verified)
		require.Zero(t, late)
		c := failed(v)
		require.Equal(t, "forced tx absent from every sequencer block posted by the deadline", c.Check)
		require.Contains(t, c.Detail, "rollup block 3 at DA height 12")
	})
	t.Run("no new block after the deadline yet", func(t *testing.T) {
		w := newCensorWorld(t, func(w *censorWorld) {
			w.at = [][2]uint64{{1, 3}, {2, 8}, {3, 12}, {4, 13}, {3, 15}}
		})
		v, _ := w.check(t, w.evidence(t, 3), censorRules)
		require.Equal(t, "first sequencer block posted after the deadline", failed(v).Check)
		require.Contains(t, failed(v).Detail, "no new sequencer block from DA height 15")
	})
	t.Run("the late block was posted at the deadline", func(t *testing.T) {
		w := newCensorWorld(t, nil)
		m := w.evidence(t, 4)
		m.LateBlock = w.da.putBlock(t, 14, w.blocks[4])
		v, _ := w.check(t, m, censorRules)
		require.Equal(t, "late block posted after the deadline", failed(v).Check)
	})
	t.Run("the forced blob is not a transaction", func(t *testing.T) {
		w := newCensorWorld(t, func(w *censorWorld) { w.tx = []byte("junk, not a tx") })
		v, _ := w.check(t, w.evidence(t, 4), censorRules)
		require.Equal(t, "forced tx admitted by the lane's rule", failed(v).Check)
		require.Contains(t, failed(v).Detail, "not a transaction")
	})
	t.Run("the epoch's byte budget was used up before it", func(t *testing.T) {
		w := newCensorWorld(t, nil)
		w.da.put(t, laneNS, 5, append([]byte("tx"), make([]byte, 98)...))
		w.da.put(t, laneNS, 6, append([]byte("tx"), bytes.Repeat([]byte{1}, 98)...))
		v, _ := w.check(t, w.evidence(t, 4), censorRules)
		require.Equal(t, "forced tx admitted by the lane's rule", failed(v).Check)
		require.Contains(t, failed(v).Detail, "budget")
	})
	t.Run("the tx hash is not the blob's", func(t *testing.T) {
		w := newCensorWorld(t, nil)
		m := w.evidence(t, 4)
		m.TxHash = make([]byte, 32)
		v, _ := w.check(t, m, censorRules)
		require.Equal(t, "forced tx blob hashes to the tx hash", failed(v).Check)
	})
	t.Run("the forced blob is not on the DA", func(t *testing.T) {
		w := newCensorWorld(t, nil)
		m := w.evidence(t, 4)
		m.ForcedTx.Commitment = bytes.Repeat([]byte{7}, 32)
		v, _ := w.check(t, m, censorRules)
		require.Equal(t, "forced tx blob available on the DA", failed(v).Check)
	})
	t.Run("the late header is not the late block's", func(t *testing.T) {
		w := newCensorWorld(t, nil)
		m := w.evidence(t, 4)
		m.LateHeader = headerBytes(t, w.blocks[6])
		v, _ := w.check(t, m, censorRules)
		require.Equal(t, "late block signed by the sequencer, with the late header", failed(v).Check)
	})
	t.Run("the late header is not the sequencer's", func(t *testing.T) {
		w := newCensorWorld(t, nil)
		m := w.evidence(t, 4)
		m.LateHeader = headerBytes(t, gatewaytest.Block(gatewaytest.BlockSpec{
			ChainID: censorChainID, Height: 4, Key: cmted25519.GenPrivKeyFromSecret([]byte("someone"))}))
		v, _ := w.check(t, m, censorRules)
		require.Equal(t, "late header signed by the sequencer", failed(v).Check)
	})
	t.Run("the chain has no lane", func(t *testing.T) {
		w := newCensorWorld(t, nil)
		v, _ := w.check(t, w.evidence(t, 4), sequencertypes.ForcedInclusion{})
		require.Equal(t, "forced tx in the forced-inclusion lane", failed(v).Check)
	})
	t.Run("the blob is before the lane starts", func(t *testing.T) {
		w := newCensorWorld(t, nil)
		rules := censorRules
		rules.StartDaHeight = 8
		v, _ := w.check(t, w.evidence(t, 4), rules)
		require.Equal(t, "forced tx in the forced-inclusion lane", failed(v).Check)
	})
}

// TestFromReportCensorship: a full node's censorship report becomes a
// MsgSubmitCensorship pointing at the forced blob and the late block, with
// the late header as the report carries it (it still verifies).
func TestFromReportCensorship(t *testing.T) {
	w := newCensorWorld(t, nil)
	late := w.blocks[4]
	sum := sha256.Sum256(w.tx)
	report := &fraud.Report{
		Kind: fraud.KindCensorship, ChainID: censorChainID, SequencerAddress: fmt.Sprintf("%X", censorSeqKey.PubKey().Address()),
		Namespace: hex.EncodeToString(chainNS.Bytes()), Height: 4, DAHeight: 15, DetectedAt: time.Unix(1_800_000_100, 0).UTC(),
		Forced: &fraud.ForcedTx{
			Namespace: fmt.Sprintf("%X", laneNS.Bytes()), DAHeight: 7, Commitment: fmt.Sprintf("%X", w.forced.Commitment),
			Deadline: 14, TxHash: fmt.Sprintf("%X", sum), Tx: w.tx, Proof: []byte(`[{"nmt":"proof"}]`),
		},
		LateHeader:  &fraud.Header{Hash: fmt.Sprintf("%X", []byte(late.Hash())), DAHeight: 15, Source: fraud.SourceDA, SignedHeader: headerBytes(t, late)},
		LateBlockID: fmt.Sprintf("%X", da.MakeID(15, w.pointers[4].Commitment)),
		Scanned:     &fraud.Scan{FromDAHeight: 7, ToDAHeight: 15, Blocks: []fraud.ScannedBlock{{DAHeight: 8, Height: 2, Hash: "AA", Txs: 1}}},
	}
	// Through the report file, as the command reads it.
	path, err := fraud.Write(t.TempDir(), report)
	require.NoError(t, err)
	loaded, err := fraud.Load(path)
	require.NoError(t, err)

	submitter := sdk.AccAddress(bytes.Repeat([]byte{2}, 20))
	fraction := sdkmath.LegacyMustNewDecFromStr("0.1")
	msg, err := reportEvidence(nil, loaded, submitter, fraction)
	require.NoError(t, err)
	require.NoError(t, msg.ValidateBasic())
	m, ok := msg.(*slashingtypes.MsgSubmitCensorship)
	require.True(t, ok, "%T", msg)
	require.Equal(t, submitter.String(), m.Submitter)
	require.Equal(t, w.forced, m.ForcedTx, "the forced blob in the lane namespace")
	require.Equal(t, sum[:], m.TxHash)
	require.Equal(t, w.pointers[4], m.LateBlock, "the late block's blob in the chain namespace")
	require.Equal(t, fraction, m.Fraction)
	h, err := slashingtypes.VerifySequencerHeader(m.LateHeader, censorChainID, censorSeqKey.PubKey().Bytes())
	require.NoError(t, err)
	require.Equal(t, uint64(4), h.Height())
	// The Msg is what the verifier accepts.
	v, _ := w.check(t, m, censorRules)
	require.True(t, v.Verified, "%+v", v.Checks)
	require.Equal(t, slashingtypes.CensorshipEvidenceID(w.forced), evidenceIDOf(m))

	for name, edit := range map[string]func(r *fraud.Report){
		"no forced tx":            func(r *fraud.Report) { r.Forced = nil },
		"no late header":          func(r *fraud.Report) { r.LateHeader = nil },
		"no late block id":        func(r *fraud.Report) { r.LateBlockID = "" },
		"late block id too short": func(r *fraud.Report) { r.LateBlockID = "0F00000000000000" },
		"late block id not hex":   func(r *fraud.Report) { r.LateBlockID = "zz" },
		"bad lane namespace":      func(r *fraud.Report) { r.Forced.Namespace = "zz" },
		"bad chain namespace":     func(r *fraud.Report) { r.Namespace = "" },
		"commitment not hex":      func(r *fraud.Report) { r.Forced.Commitment = "xyz" },
		"tx hash not hex":         func(r *fraud.Report) { r.Forced.TxHash = "xyz" },
		"tx not the hash's":       func(r *fraud.Report) { r.Forced.Tx = []byte("tx another") },
	} {
		t.Run(name, func(t *testing.T) {
			r, err := fraud.Load(path)
			require.NoError(t, err)
			edit(r)
			_, err = reportEvidence(nil, r, submitter, fraction)
			require.Error(t, err)
		})
	}
}

// TestFindCensorshipEvidenceMsg: verify finds a censorship Msg among the
// submitting block's txs by the slash's fault id (the forced blob's).
func TestFindCensorshipEvidenceMsg(t *testing.T) {
	w := newCensorWorld(t, nil)
	clientCtx := testClientCtx()
	b := clientCtx.TxConfig.NewTxBuilder()
	m := w.evidence(t, 4)
	require.NoError(t, b.SetMsgs(m))
	raw, err := clientCtx.TxConfig.TxEncoder()(b.GetTx())
	require.NoError(t, err)
	block := seqBlock(20, []byte("tx not decodable"), raw)

	found, err := findEvidenceMsg(clientCtx, block, slashingtypes.Slash{EvidenceHash: slashingtypes.CensorshipEvidenceID(w.forced)})
	require.NoError(t, err)
	require.Equal(t, m, found)
	other := w.forced
	other.Height++
	_, err = findEvidenceMsg(clientCtx, block, slashingtypes.Slash{EvidenceHash: slashingtypes.CensorshipEvidenceID(other)})
	require.Error(t, err)
}
