// server.go defines Server, its options and Serve.

package server

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"
	"time"

	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
	"github.com/httpcode-lsp/httpcode-lsp/internal/jsonrpc"
	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
	"github.com/httpcode-lsp/httpcode-lsp/internal/workspace"
)

// Name is the server's name in serverInfo.
const Name = "httpcode-lsp"

// Options configure a Server.
type Options struct {
	Version string
	Logger  *zap.Logger
	// Debounce is how long a document must stay unchanged after an edit
	// before it is analysed (DefaultDebounce in the editor; 0 analyses
	// at once). A document just opened is analysed at once.
	Debounce time.Duration
}

// DefaultDebounce is how long a document must stay unchanged after an
// edit before it is analysed.
const DefaultDebounce = 150 * time.Millisecond

// lifecycle is where the session stands in the LSP lifecycle.
type lifecycle int

const (
	uninitialized lifecycle = iota
	running
	shuttingDown
)

// Server is one LSP session. Its methods are in the table of dispatch.go.
type Server struct {
	version string
	log     *zap.Logger
	docs    *documents
	sched   *scheduler
	// analysedBudget bounds the text the open documents' analyses cover
	// (analysedBudget, smaller in tests).
	analysedBudget int

	// publishing orders a publication against the removal of its
	// document, so that no diagnostics of a closed or superseded version
	// are sent after the newer state is.
	publishing sync.Mutex

	mu       sync.Mutex
	state    lifecycle
	encoding text.Encoding
	client   clientSupport // what the client takes
	// hintRefresh: the client takes workspace/inlayHint/refresh.
	hintRefresh bool
	// ws is the workspace index; its roots are set at initialize.
	ws *workspace.Index
	// contract is the contract between the workspace's code and specs.
	contract contracts
	// configuring orders the changes of the configuration's layers.
	configuring sync.Mutex
	// configured is closed once the configuration file has been read at
	// initialize; documents are analysed only then.
	configured chan struct{}

	layers settingsLayers     // where the configuration comes from
	cfg    config.Config      // the layers merged
	conn   *jsonrpc.Conn      // set by Serve
	stop   context.CancelFunc // ends Serve, on exit
}

// New returns a server ready to Serve one connection.
func New(opts Options) *Server {
	log := opts.Logger
	if log == nil {
		log = zap.NewNop()
	}
	s := &Server{
		version:        opts.Version,
		log:            log,
		docs:           newDocuments(),
		encoding:       text.UTF16,
		configured:     make(chan struct{}),
		ws:             workspace.New(nil, workspace.Options{}),
		analysedBudget: analysedBudget,
	}
	s.sched = newScheduler(log, opts.Debounce, runtime.GOMAXPROCS(0), s.docs.current)
	return s
}

// handlerGrace bounds how long Serve waits, once the input has ended, for
// the answers to the messages read before the end, and then for the
// analyses still running.
const handlerGrace = 2 * time.Second

// Serve speaks LSP over rwc until the client sends `exit` or closes the
// stream, and returns the process exit code: 0 after a shutdown request,
// 1 otherwise.
func (s *Server) Serve(ctx context.Context, rwc io.ReadWriteCloser) int {
	conn := jsonrpc.NewConn(rwc, s.log.Named("jsonrpc"))
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	s.mu.Lock()
	s.conn, s.stop = conn, stop
	s.mu.Unlock()

	// The messages read before the end of the input are answered: a
	// client may write shutdown and exit and close at once.
	if err := conn.Serve(ctx, s, handlerGrace); err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, io.ErrClosedPipe) {
		s.log.Info("connection closed", zap.Error(err))
	}
	s.contract.stop() // before the scheduler: a build schedules publications
	s.sched.stop()
	s.sched.wait(handlerGrace)
	conn.Close()

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state == shuttingDown {
		return 0
	}
	return 1
}

// exit ends Serve.
func (s *Server) exit() {
	s.mu.Lock()
	stop := s.stop
	s.mu.Unlock()
	if stop != nil {
		stop()
	}
}

// connection returns the connection to the client; nil before Serve.
func (s *Server) connection() *jsonrpc.Conn {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conn
}

// notify sends a notification to the client; a failure is logged.
func (s *Server) notify(method string, params any) {
	conn := s.connection()
	if conn == nil {
		return
	}
	if err := conn.Notify(method, params); err != nil {
		s.log.Warn("notify the client", zap.String("method", method), zap.Error(err))
	}
}

// callClient sends a request to the client and waits for its answer, for
// at most 5 s, on a goroutine of its own: the answer comes through the
// goroutine that reads messages, which may be the caller. A failure is
// logged.
func (s *Server) callClient(method string, params any) {
	conn := s.connection()
	if conn == nil {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := conn.Call(ctx, method, params, nil); err != nil {
			s.log.Debug(method, zap.Error(err))
		}
	}()
}

func (s *Server) lifecycle() lifecycle {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

func (s *Server) positionEncoding() text.Encoding {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.encoding
}

func (s *Server) config() config.Config {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cfg
}
