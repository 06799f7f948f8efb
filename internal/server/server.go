// Package server is the LSP surface of httpcode-lsp: it decodes requests,
// looks up the document snapshot, calls the pure analysis packages and
// converts their byte-offset results into protocol types. It holds no
// parsing rules of its own. One file per method family.
package server

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcode-lsp/httpcode-lsp/internal/config"
	"github.com/httpcode-lsp/httpcode-lsp/internal/text"
)

// Name is the server's name in serverInfo.
const Name = "httpcode-lsp"

// Options configure a Server.
type Options struct {
	Version string
	Logger  *zap.Logger
	// Debounce is how long a document must stay unchanged before it is
	// analysed (DefaultDebounce in the editor; 0 analyses at once).
	Debounce time.Duration
}

// lifecycle is where the session stands in the LSP lifecycle.
type lifecycle int

const (
	uninitialized lifecycle = iota
	running
	shuttingDown
)

// Server implements protocol.Server. Methods it does not implement answer
// MethodNotFound (stubs.go); the lifecycle rules and the messages the
// protocol package cannot decode are handled in handler.go.
type Server struct {
	version  string
	log      *zap.Logger
	docs     *documents
	diags    publisher
	debounce time.Duration

	mu       sync.Mutex
	state    lifecycle
	encoding text.Encoding
	snippets bool            // the client accepts snippet completions
	lazyDocs bool            // the client resolves completion items' documentation
	layers   settingsLayers  // where the configuration comes from
	cfg      config.Config   // the layers merged
	client   protocol.Client // set by Serve
	exitCode chan int        // receives the process exit code on `exit`

	handling sync.WaitGroup // messages received and not yet handled
	analyses chan struct{}  // one slot per analysis that may run at once
}

var _ protocol.Server = (*Server)(nil)

// New returns a server ready to Serve one connection.
func New(opts Options) *Server {
	log := opts.Logger
	if log == nil {
		log = zap.NewNop()
	}
	return &Server{
		version:  opts.Version,
		log:      log,
		docs:     newDocuments(),
		diags:    publisher{pending: map[protocol.DocumentURI]func(){}},
		debounce: opts.Debounce,
		encoding: text.UTF16,
		exitCode: make(chan int, 1),
		analyses: make(chan struct{}, runtime.GOMAXPROCS(0)),
	}
}

// Serve speaks LSP over rwc until the client sends `exit` or closes the
// stream, and returns the process exit code: 0 after a shutdown request,
// 1 otherwise.
func (s *Server) Serve(ctx context.Context, rwc io.ReadWriteCloser) int {
	st := newStream(rwc, s.log.Named("stream"))
	// The messages read before the end of the input are answered: a
	// client may write its requests, shutdown and exit, and close at once.
	st.atEnd = func() { s.waitHandlers(handlerGrace) }
	conn := jsonrpc2.NewConn(st)
	ctx = protocol.WithLogger(ctx, s.log.Named("protocol"))
	s.mu.Lock()
	s.client = protocol.ClientDispatcher(conn, s.log.Named("client"))
	s.mu.Unlock()
	conn.Go(ctx, s.handler())
	defer conn.Close()

	code := 1
	select {
	case code = <-s.exitCode:
	case <-conn.Done():
		if err := conn.Err(); err != nil && !errors.Is(err, io.EOF) {
			s.log.Info("connection closed", zap.Error(err))
		}
		// The messages read before the end of the input are still
		// handled: a client may write shutdown and exit and close at once.
		s.waitHandlers(handlerGrace)
		select {
		case code = <-s.exitCode:
		default:
			if s.lifecycle() == shuttingDown {
				code = 0
			}
		}
	}
	s.cancelPending()
	s.waitHandlers(handlerGrace)
	return code
}

// handlerGrace bounds how long Serve waits for running handlers.
const handlerGrace = 2 * time.Second

// waitHandlers waits until no handler or analysis runs, or for at most d:
// one stuck on a closed connection must not keep the process alive.
func (s *Server) waitHandlers(d time.Duration) {
	done := make(chan struct{})
	go func() {
		s.handling.Wait()
		s.diags.running.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(d):
		s.log.Warn("handlers still running at exit")
	}
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

func (s *Server) completionSupport() (snippets, lazyDocs bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.snippets, s.lazyDocs
}

func (s *Server) config() config.Config {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cfg
}

func (s *Server) clientConn() protocol.Client {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.client
}
