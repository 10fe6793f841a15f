package cometrpc

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	rpctypes "github.com/cometbft/cometbft/rpc/jsonrpc/types"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/rollkit/rollkit/mempool"
	"github.com/stretchr/testify/require"
)

// fakeMempool answers CheckTx with a fixed response or error and records
// what entered it.
type fakeMempool struct {
	res     *abci.ResponseCheckTx
	err     error
	entered []cmtypes.Tx
}

func (m *fakeMempool) CheckTx(tx cmtypes.Tx, cb func(*abci.ResponseCheckTx), _ mempool.TxInfo) error {
	if m.err != nil {
		return m.err
	}
	m.entered = append(m.entered, tx)
	if cb != nil {
		cb(m.res)
	}
	return nil
}

// A sequencer's broadcasts enter its mempool directly and answer with
// CheckTx's result, as rollkit's client does, without gossiping the tx.
func TestSequencerBroadcastsEnterTheMempool(t *testing.T) {
	m := &fakeMempool{res: &abci.ResponseCheckTx{Code: 5, Codespace: "sdk", Log: "insufficient funds", Data: []byte{1}}}
	s := New(nil, "tcp://127.0.0.1:26657", nil).WithMempool(m)
	ctx := &rpctypes.Context{HTTPReq: httptest.NewRequest("POST", "/", nil).WithContext(context.Background())}
	tx := cmtypes.Tx("a tx")

	res, err := s.broadcastTxSync(ctx, tx)
	require.NoError(t, err)
	require.Equal(t, uint32(5), res.Code)
	require.Equal(t, "sdk", res.Codespace)
	require.Equal(t, "insufficient funds", res.Log)
	require.Equal(t, tx.Hash(), []byte(res.Hash))

	res, err = s.broadcastTxAsync(ctx, tx)
	require.NoError(t, err)
	require.Equal(t, uint32(0), res.Code, "async answers before CheckTx")
	require.Len(t, m.entered, 2)

	m.err = errors.New("tx already exists in cache")
	_, err = s.broadcastTxSync(ctx, tx)
	require.ErrorContains(t, err, "already exists")
	_, err = s.broadcastTxAsync(ctx, tx)
	require.ErrorContains(t, err, "already exists")
}
