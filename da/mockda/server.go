package mockda

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"cosmossdk.io/log"
	goda "github.com/rollkit/go-da"
	"github.com/rollkit/go-da/proxy/jsonrpc"
)

// rpcShutdownTimeout bounds how long Stop waits for in-flight JSON-RPC calls.
const rpcShutdownTimeout = 5 * time.Second

// Server is a Celestia-like mock DA layer: it produces DA blocks on a
// ticker, stores blobs per namespace in pebble and serves the go-da API
// over JSON-RPC like a celestia-node light node. *Server implements
// goda.DA, so it can also be used in process.
type Server struct {
	cfg    Config
	logger log.Logger

	// height is the latest produced (and persisted) DA height.
	height atomic.Uint64

	// mu guards the lifecycle flags and the pending submissions.
	mu       sync.Mutex
	started  bool
	stopped  bool
	running  bool // the block producer accepts submissions
	pending  []*submission
	cancel   context.CancelFunc
	produced chan struct{} // closed when the block producer has exited

	// storeMu lets readers use store while Stop waits to close it.
	storeMu sync.RWMutex
	store   *store

	rpc  *jsonrpc.Server
	addr string
}

var _ goda.DA = (*Server)(nil)

// rpcAPI exposes exactly the goda.DA methods over JSON-RPC: go-jsonrpc
// registers every exported method of the value it is given, and Stop or
// Start must not be callable remotely.
type rpcAPI struct{ goda.DA }

// New returns a Server for cfg; nothing is opened before Start. A nil
// logger discards logs.
func New(cfg Config, logger log.Logger) (*Server, error) {
	if logger == nil {
		logger = log.NewNopLogger()
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Server{cfg: cfg.withDefaults(), logger: logger.With("module", "mockda")}, nil
}

// Start opens the store, resumes after its latest height, starts the JSON-RPC
// server on cfg.ListenAddress and the block producer. The producer runs
// until ctx is cancelled or Stop is called; Stop must be called in any case
// to release the port and the store.
func (s *Server) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started {
		return fmt.Errorf("mock DA server already started")
	}

	st, err := openStore(s.cfg.DataDir, s.logger)
	if err != nil {
		return err
	}
	latest, err := st.latestHeight()
	if err != nil {
		_ = st.close()
		return fmt.Errorf("read latest DA height from %s: %w", s.cfg.DataDir, err)
	}

	rpc, addr, err := s.startRPC(ctx)
	if err != nil {
		_ = st.close()
		return err
	}

	s.store, s.rpc, s.addr = st, rpc, addr
	s.height.Store(latest)
	pctx, cancel := context.WithCancel(ctx)
	s.cancel = cancel
	s.produced = make(chan struct{})
	s.started, s.running = true, true
	go s.produce(pctx)

	s.logger.Info("mock DA server started", "address", addr, "data_dir", s.cfg.DataDir,
		"block_time", s.cfg.BlockTime.String(), "latest_height", latest, "max_blob_size", s.cfg.MaxBlobSize)
	return nil
}

// startRPC checks the listen address and starts go-da's JSON-RPC server.
// go-da's server does not expose its listener, so the address is probed
// first: this gives a clear error for a busy port and resolves port 0 to a
// concrete free port that Addr can report.
func (s *Server) startRPC(ctx context.Context) (*jsonrpc.Server, string, error) {
	ln, err := net.Listen("tcp", s.cfg.ListenAddress)
	if err != nil {
		return nil, "", fmt.Errorf("listen on %s for DA JSON-RPC (port in use by another DA server?): %w", s.cfg.ListenAddress, err)
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		return nil, "", fmt.Errorf("release probe listener on %s: %w", addr, err)
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %w", ErrInvalidConfig, err)
	}
	rpc := jsonrpc.NewServer(host, port, rpcAPI{s})
	if err := rpc.Start(ctx); err != nil {
		return nil, "", fmt.Errorf("start DA JSON-RPC server on %s: %w", addr, err)
	}
	return rpc, addr, nil
}

// Stop shuts down the JSON-RPC server and the block producer (pending
// submissions fail with ErrNotRunning) and closes the store. It is safe to
// call more than once.
func (s *Server) Stop() error {
	s.mu.Lock()
	if !s.started || s.stopped {
		s.mu.Unlock()
		return nil
	}
	s.stopped = true
	s.mu.Unlock()

	ctx, cancel := context.WithTimeout(context.Background(), rpcShutdownTimeout)
	defer cancel()
	rpcErr := s.rpc.Stop(ctx)

	s.cancel()
	<-s.produced

	s.storeMu.Lock()
	defer s.storeMu.Unlock()
	storeErr := s.store.close()
	s.store = nil
	s.logger.Info("mock DA server stopped", "latest_height", s.height.Load())
	return errors.Join(rpcErr, storeErr)
}

// Height returns the latest produced DA height (0 before the first block).
func (s *Server) Height() uint64 {
	return s.height.Load()
}

// Addr returns the host:port the JSON-RPC server listens on, with port 0
// resolved; empty before Start.
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addr
}

// Header returns the header of a produced DA block; a height above the
// latest one fails with ErrHeightFromFuture.
func (s *Server) Header(height uint64) (Header, error) {
	if latest := s.height.Load(); height > latest {
		return Header{}, fmt.Errorf("%w: requested height %d, latest DA height %d", ErrHeightFromFuture, height, latest)
	}
	var h Header
	err := s.withStore(func(st *store) error {
		var ok bool
		var err error
		h, ok, err = st.header(height)
		if err == nil && !ok {
			err = fmt.Errorf("no DA block at height %d (latest %d)", height, s.height.Load())
		}
		return err
	})
	return h, err
}

// withStore runs fn with the store, failing if the server is not open.
func (s *Server) withStore(fn func(*store) error) error {
	s.storeMu.RLock()
	defer s.storeMu.RUnlock()
	if s.store == nil {
		return ErrNotRunning
	}
	return fn(s.store)
}
