// lsp.ts: a small fake LSP client for the end-to-end test, on the
// libraries VS Code's client is made of (vscode-jsonrpc through
// vscode-languageserver-protocol), and text helpers that work in UTF-16
// code units — the unit of JavaScript strings and of LSP positions.

import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  Position,
  PublishDiagnosticsParams,
  ShowMessageParams,
  TextEdit,
} from 'vscode-languageserver-protocol';

/**
 * Rejects after ms with a message naming what was awaited; what may be a
 * function, called at the timeout, to say what had arrived by then.
 */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string | (() => string)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${typeof what === 'string' ? what : what()}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The repository root: the nearest parent holding this module's go.mod. */
export function repoRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const gomod = path.join(dir, 'go.mod');
    if (fs.existsSync(gomod) && /^module github\.com\/httpcode-lsp\/httpcode-lsp\s*$/m.test(fs.readFileSync(gomod, 'utf8'))) {
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`no httpcode-lsp go.mod above ${from}`);
  }
}

/**
 * serverBinary returns $HTTPCODE_LSP, or builds the server with `go build`
 * into a temporary directory (removed by the returned cleanup).
 */
export function serverBinary(): { binary: string; cleanup: () => void } {
  const fromEnv = process.env.HTTPCODE_LSP;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`HTTPCODE_LSP=${fromEnv} does not exist`);
    return { binary: path.resolve(fromEnv), cleanup: () => {} };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'httpcode-lsp-e2e-'));
  const binary = path.join(dir, process.platform === 'win32' ? 'httpcode-lsp.exe' : 'httpcode-lsp');
  const build = spawnSync('go', ['build', '-o', binary, './cmd/httpcode-lsp'], {
    cwd: repoRoot(),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (build.error || build.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`go build failed (set HTTPCODE_LSP to a built binary instead): ${build.error ?? ''}${build.stderr}`);
  }
  return { binary, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

type Waiter = { check: () => boolean; resolve: () => void };

/** A running server and the messages it sent us. */
export class Client {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly errors: string[] = [];
  stderr = '';
  private readonly exited: Promise<number | null>;
  private waiters: Waiter[] = [];

  constructor(binary: string, args: string[]) {
    this.proc = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    this.proc.on('error', (e) => this.errors.push(`spawn: ${e.message}`));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onError(([e]) => this.errors.push(`connection: ${e.message}`));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.push(p);
      this.notify();
    });
    this.conn.onNotification('window/showMessage', (p: ShowMessageParams) => {
      this.messages.push(p);
      this.notify();
    });
    this.conn.onNotification('window/logMessage', () => {});
    this.conn.listen();
  }

  private notify(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.check()) return true;
      w.resolve();
      return false;
    });
  }

  /**
   * waitForDiagnostics resolves with the first publication for uri, from
   * the index `since` of all publications on, that satisfies pred.
   */
  waitForDiagnostics(
    uri: string,
    pred: (p: PublishDiagnosticsParams) => boolean,
    opts: { since?: number; timeout?: number; what: string },
  ): Promise<PublishDiagnosticsParams> {
    const since = opts.since ?? 0;
    let found: PublishDiagnosticsParams | undefined;
    const check = () => {
      found = this.diagnostics.slice(since).find((p) => p.uri === uri && pred(p));
      return found !== undefined;
    };
    if (check()) return Promise.resolve(found!);
    const p = new Promise<void>((resolve) => this.waiters.push({ check, resolve }));
    const got = () => `${opts.what}; got ${JSON.stringify(this.diagnostics.slice(since).filter((d) => d.uri === uri))}`;
    return withTimeout(p, opts.timeout ?? 5000, got).then(() => found!);
  }

  request<R>(method: string, params?: unknown, timeout = 5000): Promise<R> {
    const sent = params === undefined ? this.conn.sendRequest(method) : this.conn.sendRequest(method, params);
    return withTimeout(sent as Promise<R>, timeout, method);
  }

  notification(method: string, params?: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  /** Resolves with the exit code once the process is gone. */
  exit(timeout = 5000): Promise<number | null> {
    return withTimeout(this.exited, timeout, 'the server process to exit');
  }

  kill(): void {
    this.conn.dispose();
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill();
  }
}

/** Offset in s (UTF-16 code units) of an LSP position (UTF-16 character). */
export function offsetAt(s: string, pos: Position): number {
  let line = 0;
  let i = 0;
  while (line < pos.line) {
    const nl = s.slice(i).search(/\r\n|\r|\n/);
    if (nl < 0) throw new Error(`line ${pos.line} is past the end`);
    i += nl + (s.startsWith('\r\n', i + nl) ? 2 : 1);
    line++;
  }
  const m = s.slice(i).search(/\r\n|\r|\n/);
  const lineLength = m < 0 ? s.length - i : m;
  if (pos.character > lineLength) throw new Error(`character ${pos.character} is past the end of line ${pos.line}`);
  return i + pos.character;
}

/** The LSP position of the first (or nth) occurrence of needle in s. */
export function positionOf(s: string, needle: string, nth = 0): Position {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = s.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`no ${JSON.stringify(needle)} (#${nth}) in text`);
  }
  const before = s.slice(0, at);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/**
 * applyEdits applies LSP text edits (which never overlap and refer to the
 * original text) to s, last edit first.
 */
export function applyEdits(s: string, edits: TextEdit[]): string {
  const sorted = edits
    .map((e) => ({ start: offsetAt(s, e.range.start), end: offsetAt(s, e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  for (const e of sorted) s = s.slice(0, e.start) + e.text + s.slice(e.end);
  return s;
}
