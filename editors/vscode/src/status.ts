// status.ts: what the status bar item says of the server's state. Pure, so
// that it can be unit-tested in Node.

/** The server's state as the user sees it. */
export type ServerState = 'starting' | 'running' | 'stopped' | 'error';

/** The status bar item's text (with its codicon) and tooltip. */
export function statusView(state: ServerState, detail?: string): { text: string; tooltip: string } {
  const views: Record<ServerState, { icon: string; tooltip: string }> = {
    starting: { icon: '$(sync~spin)', tooltip: 'httpcode-lsp: starting the server' },
    running: { icon: '$(check)', tooltip: 'httpcode-lsp: the server is running' },
    stopped: { icon: '$(circle-slash)', tooltip: 'httpcode-lsp: the server is stopped' },
    error: { icon: '$(error)', tooltip: 'httpcode-lsp: the server is not running' },
  };
  const v = views[state];
  const tooltip = detail ? `${v.tooltip}: ${detail}` : v.tooltip;
  return { text: `${v.icon} httpcode-lsp`, tooltip: `${tooltip}\nClick to show the output.` };
}
