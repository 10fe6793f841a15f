package cometrpc

import (
	"net/http"
	"sync"

	cmtlog "github.com/cometbft/cometbft/libs/log"
	rpcclient "github.com/cometbft/cometbft/rpc/client"
	rpcserver "github.com/cometbft/cometbft/rpc/jsonrpc/server"
)

// Subscription limits, CometBFT's defaults (config.RPCConfig).
const (
	maxSubscriptionClients    = 100
	maxSubscriptionsPerClient = 5
	subscriptionBufferSize    = 200
	maxQueryLength            = 512
)

// Server answers CometBFT RPC calls from a rollkit node's client.
type Server struct {
	client  rpcclient.Client
	rpcAddr string // this node's --rpc.laddr, reported by status
	logger  cmtlog.Logger
	mempool Mempool // set on a sequencer: broadcast.go

	mu   sync.Mutex
	subs map[string]int // remote address -> open subscriptions
}

// New serves client; rpcAddr is the node's own RPC listen address.
func New(client rpcclient.Client, rpcAddr string, logger cmtlog.Logger) *Server {
	return &Server{client: client, rpcAddr: rpcAddr, logger: logger, subs: map[string]int{}}
}

// Handler serves the JSON-RPC methods (POST and URI forms) at / and
// /<method>, and websocket subscriptions at /websocket.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	routes := s.routes()
	rpcserver.RegisterRPCFuncs(mux, routes, s.logger)
	wm := rpcserver.NewWebsocketManager(routes, rpcserver.OnDisconnect(s.dropSubscriptions))
	wm.SetLogger(s.logger)
	mux.HandleFunc("/websocket", wm.WebsocketHandler)
	return mux
}

// routes are CometBFT v0.38's public routes (rpc/core/routes.go), with
// the same parameter names.
func (s *Server) routes() map[string]*rpcserver.RPCFunc {
	return map[string]*rpcserver.RPCFunc{
		"subscribe":       rpcserver.NewWSRPCFunc(s.subscribe, "query"),
		"unsubscribe":     rpcserver.NewWSRPCFunc(s.unsubscribe, "query"),
		"unsubscribe_all": rpcserver.NewWSRPCFunc(s.unsubscribeAll, ""),

		"health":               rpcserver.NewRPCFunc(s.health, ""),
		"status":               rpcserver.NewRPCFunc(s.status, ""),
		"net_info":             rpcserver.NewRPCFunc(s.netInfo, ""),
		"blockchain":           rpcserver.NewRPCFunc(s.blockchain, "minHeight,maxHeight"),
		"genesis":              rpcserver.NewRPCFunc(s.genesis, ""),
		"genesis_chunked":      rpcserver.NewRPCFunc(s.genesisChunked, "chunk"),
		"block":                rpcserver.NewRPCFunc(s.block, "height"),
		"block_by_hash":        rpcserver.NewRPCFunc(s.blockByHash, "hash"),
		"block_results":        rpcserver.NewRPCFunc(s.blockResults, "height"),
		"commit":               rpcserver.NewRPCFunc(s.commit, "height"),
		"header":               rpcserver.NewRPCFunc(s.header, "height"),
		"header_by_hash":       rpcserver.NewRPCFunc(s.headerByHash, "hash"),
		"check_tx":             rpcserver.NewRPCFunc(s.checkTx, "tx"),
		"tx":                   rpcserver.NewRPCFunc(s.tx, "hash,prove"),
		"tx_search":            rpcserver.NewRPCFunc(s.txSearch, "query,prove,page,per_page,order_by"),
		"block_search":         rpcserver.NewRPCFunc(s.blockSearch, "query,page,per_page,order_by"),
		"validators":           rpcserver.NewRPCFunc(s.validators, "height,page,per_page"),
		"dump_consensus_state": rpcserver.NewRPCFunc(s.dumpConsensusState, ""),
		"consensus_state":      rpcserver.NewRPCFunc(s.consensusState, ""),
		"consensus_params":     rpcserver.NewRPCFunc(s.consensusParams, "height"),
		"unconfirmed_txs":      rpcserver.NewRPCFunc(s.unconfirmedTxs, "limit"),
		"num_unconfirmed_txs":  rpcserver.NewRPCFunc(s.numUnconfirmedTxs, ""),

		"broadcast_tx_commit": rpcserver.NewRPCFunc(s.broadcastTxCommit, "tx"),
		"broadcast_tx_sync":   rpcserver.NewRPCFunc(s.broadcastTxSync, "tx"),
		"broadcast_tx_async":  rpcserver.NewRPCFunc(s.broadcastTxAsync, "tx"),

		"abci_query": rpcserver.NewRPCFunc(s.abciQuery, "path,data,height,prove"),
		"abci_info":  rpcserver.NewRPCFunc(s.abciInfo, ""),

		"broadcast_evidence": rpcserver.NewRPCFunc(s.broadcastEvidence, "evidence"),
	}
}
