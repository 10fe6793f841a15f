package cmd

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/app"
	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
	"github.com/milkyway-labs/milkyway-rollup/da/mockda"
	slashingtypes "github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// forceIncludeEnv is a running mock DA and the client context the command
// decodes transactions with.
type forceIncludeEnv struct {
	srv       *mockda.Server
	clientCtx client.Context
	dir       string
}

func newForceIncludeEnv(t *testing.T) *forceIncludeEnv {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	srv, err := mockda.New(mockda.Config{Home: t.TempDir(), ListenAddress: "127.0.0.1:0", BlockTime: 20 * time.Millisecond}, nil)
	require.NoError(t, err)
	require.NoError(t, srv.Start(ctx))
	t.Cleanup(func() { _ = srv.Stop() })
	return &forceIncludeEnv{srv: srv, clientCtx: testClientCtx(), dir: t.TempDir()}
}

// testClientCtx decodes the chain's txs (with slashing Msgs) as the CLI does.
func testClientCtx() client.Context {
	enc := app.MakeEncodingConfig()
	slashingtypes.RegisterInterfaces(enc.InterfaceRegistry)
	return client.Context{}.WithTxConfig(enc.TxConfig).WithCodec(enc.Codec).WithInterfaceRegistry(enc.InterfaceRegistry)
}

// signedTxFile writes a signed tx carrying a veto with a reason of
// padding bytes as JSON (what `tx sign` prints) and returns its path and
// the tx bytes the chain sees.
func (e *forceIncludeEnv) signedTxFile(t *testing.T, name string, padding int, sign bool) (string, []byte) {
	b := e.clientCtx.TxConfig.NewTxBuilder()
	require.NoError(t, b.SetMsgs(&slashingtypes.MsgVetoSlash{
		Sender: "milk1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu", SlashId: 7, Reason: string(bytes.Repeat([]byte("r"), padding)),
	}))
	b.SetGasLimit(200_000)
	if sign {
		key := secp256k1.GenPrivKeyFromSecret([]byte("force-include test"))
		require.NoError(t, b.SetSignatures(signing.SignatureV2{
			PubKey: key.PubKey(), Sequence: 3,
			Data: &signing.SingleSignatureData{SignMode: signing.SignMode_SIGN_MODE_DIRECT, Signature: bytes.Repeat([]byte{9}, 64)},
		}))
	}
	js, err := e.clientCtx.TxConfig.TxJSONEncoder()(b.GetTx())
	require.NoError(t, err)
	raw, err := e.clientCtx.TxConfig.TxEncoder()(b.GetTx())
	require.NoError(t, err)
	path := filepath.Join(e.dir, name)
	require.NoError(t, os.WriteFile(path, js, 0o600))
	return path, raw
}

// run runs `da force-include` with args and returns its stdout.
func (e *forceIncludeEnv) run(t *testing.T, args ...string) (string, error) {
	cmd := daForceIncludeCmd()
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs(append(args, "--da-url", "http://"+e.srv.Addr()))
	ctx := context.WithValue(context.Background(), client.ClientContextKey, &e.clientCtx)
	err := cmd.ExecuteContext(ctx)
	return out.String(), err
}

// laneBlobs is every blob in the lane namespace up to the DA's tip.
func (e *forceIncludeEnv) laneBlobs(t *testing.T) int {
	c := celestia.New("http://"+e.srv.Addr(), "")
	n := 0
	for h := uint64(1); h <= e.srv.Height(); h++ {
		ids, err := c.GetIDs(context.Background(), h, laneNS.Bytes())
		require.NoError(t, err)
		n += len(ids)
	}
	return n
}

// TestForceInclude: the signed tx's bytes land as one blob in the lane
// namespace, at the height and under the commitment the command prints.
func TestForceInclude(t *testing.T) {
	e := newForceIncludeEnv(t)
	path, raw := e.signedTxFile(t, "signed.json", 10, true)
	out, err := e.run(t, path, "--namespace", hex.EncodeToString(laneNS.Bytes()))
	require.NoError(t, err)

	var res struct {
		DAHeight   uint64  `json:"da_height"`
		Namespace  string  `json:"namespace"`
		Commitment string  `json:"commitment"`
		TxHash     string  `json:"tx_hash"`
		Deadline   *uint64 `json:"deadline_da_height"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res), out)
	require.NotZero(t, res.DAHeight)
	require.Equal(t, hex.EncodeToString(laneNS.Bytes()), res.Namespace)
	sum := sha256.Sum256(raw)
	require.Equal(t, fmt.Sprintf("%X", sum), res.TxHash, "upper-case hex SHA-256 of the tx bytes, as q tx takes it")
	require.Nil(t, res.Deadline, "offline (--namespace) the lane's epochs are unknown")

	commitment, err := hex.DecodeString(res.Commitment)
	require.NoError(t, err)
	c := celestia.New("http://"+e.srv.Addr(), "")
	ids, err := c.GetIDs(context.Background(), res.DAHeight, laneNS.Bytes())
	require.NoError(t, err)
	require.Equal(t, [][]byte{da.MakeID(res.DAHeight, commitment)}, toBytes(ids))
	blobs, err := c.Get(context.Background(), ids, laneNS.Bytes())
	require.NoError(t, err)
	require.Equal(t, raw, []byte(blobs[0]), "the raw tx bytes, as the chain encodes them")
	proofs, err := c.GetProofs(context.Background(), ids, laneNS.Bytes())
	require.NoError(t, err)
	valid, err := c.Validate(context.Background(), ids, proofs, laneNS.Bytes())
	require.NoError(t, err)
	require.Equal(t, []bool{true}, valid)
	chainIDs, err := c.GetIDs(context.Background(), res.DAHeight, chainNS.Bytes())
	require.NoError(t, err)
	require.Empty(t, chainIDs, "nothing goes to the chain's own namespace")

	// The short (v0 id) form of the namespace names the same lane.
	out, err = e.run(t, path, "--namespace", hex.EncodeToString([]byte("milkyforce")))
	require.NoError(t, err)
	require.Contains(t, out, res.TxHash)
}

// TestForceIncludeDeadline: with the lane's rules the result names the
// deadline of the DA height the blob landed at.
func TestForceIncludeDeadline(t *testing.T) {
	e := newForceIncludeEnv(t)
	_, raw := e.signedTxFile(t, "signed.json", 10, true)
	dal, err := celestia.Connect(context.Background(), "http://"+e.srv.Addr(), "")
	require.NoError(t, err)
	rules := censorRules
	rules.MaxTxBytes, rules.EpochByteBudget = 1000, 2000
	res, err := forceInclude(context.Background(), dal, rules, raw, -1)
	require.NoError(t, err)
	require.Equal(t, rules.Deadline(res.DAHeight), res.Deadline)
	require.Equal(t, (res.DAHeight/5+2)*5-1, res.Deadline, "the end of the epoch after the blob's (epochs of 5, 1 of grace)")

	_, err = forceInclude(context.Background(), dal, rules, bytes.Repeat([]byte("t"), 1001), -1)
	require.ErrorContains(t, err, "over the lane's max_tx_bytes 1000")
	require.Equal(t, 1, e.laneBlobs(t))
}

// TestForceIncludeRefusals: nothing is posted for a missing file, bytes
// that are not a signed transaction, or a tx over max_tx_bytes.
func TestForceIncludeRefusals(t *testing.T) {
	e := newForceIncludeEnv(t)
	ns := hex.EncodeToString(laneNS.Bytes())
	write := func(name, content string) string {
		p := filepath.Join(e.dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
		return p
	}
	unsigned, _ := e.signedTxFile(t, "unsigned.json", 10, false)
	big, raw := e.signedTxFile(t, "big.json", 300, true)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"file missing", []string{filepath.Join(e.dir, "nope.json"), "--namespace", ns}, "reading the tx file"},
		{"not JSON", []string{write("junk.json", "not a transaction"), "--namespace", ns}, "is not a transaction as JSON"},
		{"JSON but not a tx", []string{write("other.json", `{"hello": "world"}`), "--namespace", ns}, "is not a transaction as JSON"},
		{"not signed", []string{unsigned, "--namespace", ns}, "is not signed"},
		{"over max_tx_bytes", []string{big, "--namespace", ns, "--max-tx-bytes", "300"},
			fmt.Sprintf("the transaction has %d bytes, over the lane's max_tx_bytes 300", len(raw))},
		{"bad namespace", []string{big, "--namespace", "zz"}, "--namespace"},
		{"no args", nil, "accepts 1 arg"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.run(t, tc.args...)
			require.ErrorContains(t, err, tc.want)
		})
	}
	require.Zero(t, e.laneBlobs(t), "nothing was posted")
	// The default limit (the default lane's 64 KiB) lets it through.
	_, err := e.run(t, big, "--namespace", ns)
	require.NoError(t, err)
	require.Equal(t, 1, e.laneBlobs(t))
}

func toBytes[T ~[]byte](ids []T) [][]byte {
	out := make([][]byte, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}
