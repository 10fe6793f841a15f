package mockda

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"cosmossdk.io/log"
	"github.com/filecoin-project/go-jsonrpc"
)

const (
	// rpcShutdownTimeout bounds how long Stop waits for in-flight JSON-RPC calls.
	rpcShutdownTimeout = 5 * time.Second

	// maxRequestSize is celestia-node's JSON-RPC request limit (16 MiB);
	// bigger requests get its -32700 "request bigger than maximum" error.
	maxRequestSize = 16 << 20
)

// Server is a Celestia-like mock DA layer: it produces DA blocks on a
// ticker, stores blobs per namespace in pebble and serves the part of
// celestia-node's JSON-RPC API a rollup uses (blob, header, node.Info,
// state.Balance), with celestia-node's encodings and errors.
type Server struct {
	cfg    Config
	logger log.Logger

	// height is the latest produced (and persisted) DA height.
	height atomic.Uint64

	// mu guards the lifecycle flags, the pending submissions and newBlock.
	mu       sync.Mutex
	started  bool
	stopped  bool
	running  bool // the block producer accepts submissions
	pending  []*submission
	newBlock chan struct{} // closed and replaced at every block
	closing  chan struct{} // closed when Stop begins
	cancel   context.CancelFunc
	produced chan struct{} // closed when the block producer has exited

	// storeMu lets readers use store while Stop waits to close it.
	storeMu sync.RWMutex
	store   *store

	http *http.Server
	addr string
}

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

// Start opens the store, resumes after its latest height (producing block
// 1 at once on an empty store, so that header.NetworkHead always has an
// answer), starts the JSON-RPC server on cfg.ListenAddress and the block
// producer. The producer runs until ctx is cancelled or Stop is called;
// Stop must be called in any case to release the port and the store.
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
	ln, err := net.Listen("tcp", s.cfg.ListenAddress)
	if err != nil {
		_ = st.close()
		return fmt.Errorf("listen on %s for DA JSON-RPC (port in use by another DA server?): %w", s.cfg.ListenAddress, err)
	}

	s.store, s.addr = st, ln.Addr().String()
	s.height.Store(latest)
	s.newBlock, s.closing = make(chan struct{}), make(chan struct{})
	if latest == 0 {
		genesis := newHeader(1, time.Now(), nil)
		if err := st.writeBlock(genesis, nil); err != nil {
			_ = ln.Close()
			_ = st.close()
			return fmt.Errorf("write DA block 1 to %s: %w", s.cfg.DataDir, err)
		}
		s.height.Store(1)
	}
	s.http = &http.Server{Handler: s.rpcHandler(), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = s.http.Serve(ln) }()

	pctx, cancel := context.WithCancel(ctx)
	s.cancel = cancel
	s.produced = make(chan struct{})
	s.started, s.running = true, true
	go s.produce(pctx)

	s.logger.Info("mock DA server started", "address", s.addr, "data_dir", s.cfg.DataDir,
		"block_time", s.cfg.BlockTime.String(), "latest_height", s.height.Load(), "max_blob_size", s.cfg.MaxBlobSize)
	return nil
}

// rpcHandler serves the celestia-node modules with go-jsonrpc, the library
// celestia-node uses, so codes, HTTP statuses and parameter errors come
// out the same. go-jsonrpc registers every exported method of a module
// value; the module types have only the API's methods, so Start, Stop and
// the rest of Server cannot be called remotely.
func (s *Server) rpcHandler() http.Handler {
	rpc := jsonrpc.NewServer(jsonrpc.WithMaxRequestSize(maxRequestSize))
	rpc.Register("blob", blobAPI{s})
	rpc.Register("header", headerAPI{s})
	rpc.Register("node", nodeAPI{})
	rpc.Register("state", stateAPI{})
	return rpc
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
	close(s.closing)
	s.mu.Unlock()

	// The producer goes first: it fails the blob.Submit calls still
	// waiting, so that their requests end and the HTTP shutdown does not
	// wait for them. The store stays open until the last request is done.
	s.cancel()
	<-s.produced

	ctx, cancel := context.WithTimeout(context.Background(), rpcShutdownTimeout)
	defer cancel()
	rpcErr := s.http.Shutdown(ctx)

	s.storeMu.Lock()
	defer s.storeMu.Unlock()
	storeErr := s.store.close()
	s.store = nil
	s.logger.Info("mock DA server stopped", "latest_height", s.height.Load())
	return errors.Join(rpcErr, storeErr)
}

// Height returns the latest produced DA height (0 before Start).
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
	if err := s.checkHeight(height); err != nil {
		return Header{}, err
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

// waitForHeight blocks until height is produced, ctx ends or Stop begins.
func (s *Server) waitForHeight(ctx context.Context, height uint64) error {
	for {
		s.mu.Lock()
		next, closing := s.newBlock, s.closing
		s.mu.Unlock()
		if s.height.Load() >= height {
			return nil
		}
		select {
		case <-next:
		case <-closing:
			return ErrNotRunning
		case <-ctx.Done():
			return ctx.Err()
		}
	}
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
