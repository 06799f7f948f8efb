// extension.ts: the VS Code extension. It finds the httpcode-lsp binary
// (resolve.ts), starts it over stdio for the Go, YAML and JSON files the
// settings leave in scope (scope.ts), sends the httpcodeLsp.* settings as
// initializationOptions and on every change (settings.ts), shows the
// server's state in the status bar (status.ts), and offers "httpcode-lsp:
// Restart server".

import * as readline from 'readline';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { nodeHost } from './host';
import { serverLogLine } from './logs';
import { INSTALL_COMMAND, resolveServer } from './resolve';
import { documentSelector, excludingMiddleware, isExcluded, LANGUAGES, readScope, type Scope } from './scope';
import { didChangeConfigurationParams, removedKeys, SECTION, serverArgs, toServerConfig, type Mapped, type ServerConfig } from './settings';
import { statusView, type ServerState } from './status';
import { TraceChannel, type TraceSetting } from './trace';

/** Settings whose change restarts the server: they shape its command or its documents. */
const RESTART_SETTINGS = ['server.path', 'server.logLevel', 'enable', 'exclude'];

let controller: Controller | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('httpcode-lsp', { log: true });
  const trace = new TraceChannel(
    vscode.window.createOutputChannel('httpcode-lsp (trace)'),
    () => vscode.workspace.getConfiguration(SECTION).get<TraceSetting>('trace.server', 'off'),
    SECTION,
  );
  const status = vscode.window.createStatusBarItem('httpcodeLsp.status', vscode.StatusBarAlignment.Right, 0);
  status.name = 'httpcode-lsp';
  status.command = 'httpcodeLsp.showOutput';
  controller = new Controller(context, log, trace, status);
  context.subscriptions.push(
    log,
    trace,
    status,
    controller,
    vscode.commands.registerCommand('httpcodeLsp.restartServer', () => controller?.restart('restart requested')),
    vscode.commands.registerCommand('httpcodeLsp.showOutput', () => log.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => controller?.configurationChanged(e)),
  );
  await controller.start();
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}

/** Reads the httpcodeLsp.* settings and maps them; problems are logged. */
function readSettings(log: vscode.LogOutputChannel): Mapped {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const mapped = toServerConfig({
    rules: cfg.get('rules'),
    codes: cfg.get('codes'),
    yaml: { statusKeys: cfg.get('yaml.statusKeys') },
    limits: { maxDocumentSize: cfg.get('limits.maxDocumentSize'), analysisTimeout: cfg.get('limits.analysisTimeout') },
  });
  for (const p of mapped.problems) log.warn(`ignoring setting: ${p}`);
  return mapped;
}

/** Reads the httpcodeLsp.enable.* and httpcodeLsp.exclude settings; problems are logged. */
function readScopeSettings(log: vscode.LogOutputChannel): Scope {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const enable = Object.fromEntries(LANGUAGES.map((l) => [l, cfg.get(`enable.${l}`)]));
  const scope = readScope(enable, cfg.get('exclude'));
  for (const p of scope.problems) log.warn(`ignoring setting: ${p}`);
  return scope;
}

/** Owns the language client: start, stop, restart, settings changes. */
class Controller implements vscode.Disposable {
  private client: LanguageClient | undefined;
  /** The configuration the running server got as initializationOptions. */
  private initial: ServerConfig | undefined;
  /** Starts and stops run one after the other. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly trace: TraceChannel,
    private readonly status: vscode.StatusBarItem,
  ) {
    this.show('stopped');
  }

  /** Shows the server's state in the status bar. */
  private show(state: ServerState, detail?: string): void {
    const view = statusView(state, detail);
    this.status.text = view.text;
    this.status.tooltip = view.tooltip;
    this.status.show();
  }

  private serial(op: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(op, op).catch((e) => this.log.error(`httpcode-lsp: ${e instanceof Error ? e.message : e}`));
    return this.queue;
  }

  start(): Promise<void> {
    return this.serial(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.serial(() => this.doStop());
  }

  restart(why: string): Promise<void> {
    this.log.info(`restarting the server: ${why}`);
    return this.serial(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  dispose(): void {
    void this.stop();
  }

  private async doStart(): Promise<void> {
    const scope = readScopeSettings(this.log);
    if (scope.languages.length === 0) {
      this.log.info('not starting the server: httpcodeLsp.enable turns every language off');
      this.show('stopped', 'httpcodeLsp.enable turns every language off');
      return;
    }
    const cfg = vscode.workspace.getConfiguration(SECTION);
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
    const found = resolveServer(
      {
        configuredPath: cfg.get<string>('server.path', ''),
        extensionPath: this.context.extensionPath,
        workspaceFolder: folder?.uri.fsPath,
      },
      nodeHost(),
    );
    if (!found.ok) {
      this.show('error', 'no server binary found');
      this.log.error(found.message);
      this.log.error(`looked at: ${found.tried.join(', ') || '(nothing)'}`);
      void this.notFound(found.message);
      return;
    }
    this.log.info(`starting ${found.path} (${found.source === 'setting' ? 'httpcodeLsp.server.path' : found.source === 'bundled' ? 'bundled with the extension' : 'found on PATH'})`);

    const { args, problem } = serverArgs(cfg.get('server.logLevel'));
    if (problem !== undefined) this.log.warn(`ignoring setting: ${problem}`);
    const serverOptions: ServerOptions = {
      command: found.path,
      args,
      transport: TransportKind.stdio, // adds --stdio
      options: { cwd: folder?.uri.fsPath },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(scope),
      middleware: excludingMiddleware((doc) =>
        isExcluded(doc.uri.fsPath, vscode.workspace.getWorkspaceFolder(doc.uri as vscode.Uri)?.uri.fsPath, scope.exclude),
      ),
      outputChannel: this.log,
      traceOutputChannel: this.trace,
      // A function: every (re)start of this client sends the settings of
      // that moment.
      initializationOptions: () => {
        this.initial = readSettings(this.log).config;
        return this.initial;
      },
      stdioOptions: {
        stdout: () => {}, // the protocol itself
        stderr: (input, channel) => {
          readline.createInterface({ input, crlfDelay: Infinity, terminal: false }).on('line', (line) => {
            const { level, text } = serverLogLine(line);
            channel[level](text);
          });
        },
      },
    };
    const client = new LanguageClient(SECTION, 'httpcode-lsp', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState(({ newState }) => {
      if (this.client !== client) return;
      if (newState === State.Starting) this.show('starting');
      else if (newState === State.Running) this.show('running', `${found.path}`);
      else if (newState === State.StartFailed) this.show('error', 'the server did not start');
      else this.show('error', 'the server stopped');
    });
    this.show('starting');
    try {
      await client.start();
      const info = client.initializeResult?.serverInfo;
      this.log.info(`server running: ${info?.name ?? 'httpcode-lsp'} ${info?.version ?? ''}`.trim());
    } catch (e) {
      const msg = `httpcode-lsp: the server ${found.path} did not start: ${e instanceof Error ? e.message : e}`;
      this.show('error', 'the server did not start');
      this.log.error(msg);
      void vscode.window.showErrorMessage(msg, 'Show Output').then((choice) => {
        if (choice) this.log.show(true);
      });
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.initial = undefined;
    if (client === undefined) return;
    this.show('stopped');
    try {
      if (client.needsStop()) await client.stop(2000);
    } catch (e) {
      this.log.warn(`stopping the server: ${e instanceof Error ? e.message : e}`);
    }
    await client.dispose(0).catch(() => {});
  }

  private async notFound(message: string): Promise<void> {
    const open = 'Open Settings';
    const copy = 'Copy Install Command';
    const choice = await vscode.window.showErrorMessage(message, open, copy);
    if (choice === open) {
      await vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.server.path`);
    } else if (choice === copy) {
      await vscode.env.clipboard.writeText(INSTALL_COMMAND);
    }
  }

  configurationChanged(e: vscode.ConfigurationChangeEvent): void {
    const changed = RESTART_SETTINGS.find((k) => e.affectsConfiguration(`${SECTION}.${k}`));
    if (changed !== undefined) {
      void this.restart(`httpcodeLsp.${changed} changed`);
      return;
    }
    const affected = ['rules', 'codes', 'yaml', 'limits'].some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
    if (!affected) return; // trace.server: TraceChannel tells the client
    void this.serial(async () => {
      const client = this.client;
      if (client === undefined || !client.isRunning() || this.initial === undefined) return;
      const next = readSettings(this.log).config;
      // The server merges a change over initializationOptions key by key:
      // a rule or code dropped from the settings would stay in force, so
      // start afresh instead.
      const removed = removedKeys(this.initial, next);
      if (removed.length > 0) {
        this.log.info(`restarting the server: settings removed ${removed.join(', ')}`);
        await this.doStop();
        await this.doStart();
        return;
      }
      await client.sendNotification(DidChangeConfigurationNotification.type, didChangeConfigurationParams(next));
    });
  }
}
