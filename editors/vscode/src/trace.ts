// trace.ts: the channel protocol traces go to, governed by the
// `httpcodeLsp.trace.server` setting alone.
//
// vscode-languageclient v10+ traces only while its trace channel's log
// level is Trace (and then reads trace.server for the verbosity, taking
// "off" as "messages"). This channel reports Trace while the setting is
// "messages" or "verbose" and Off when it is "off", and writes every line
// it is given to a plain output channel, so the setting works as in the
// documentation of every other language extension.

import * as vscode from 'vscode';

export type TraceSetting = 'off' | 'messages' | 'verbose';

export class TraceChannel implements vscode.LogOutputChannel {
  private readonly changed = new vscode.EventEmitter<vscode.LogLevel>();
  readonly onDidChangeLogLevel = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly out: vscode.OutputChannel,
    private readonly setting: () => TraceSetting,
    section: string,
  ) {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${section}.trace.server`)) this.changed.fire(this.logLevel);
    });
  }

  get name(): string {
    return this.out.name;
  }

  get logLevel(): vscode.LogLevel {
    return this.setting() === 'off' ? vscode.LogLevel.Off : vscode.LogLevel.Trace;
  }

  private write(level: string, message: string | Error, args: unknown[]): void {
    const text = message instanceof Error ? (message.stack ?? message.message) : message;
    const extra = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    this.out.appendLine(`${new Date().toISOString()} [${level}] ${text}${extra ? ' ' + extra : ''}`);
  }

  trace(message: string, ...args: unknown[]): void {
    this.write('trace', message, args);
  }
  debug(message: string, ...args: unknown[]): void {
    this.write('debug', message, args);
  }
  info(message: string, ...args: unknown[]): void {
    this.write('info', message, args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.write('warning', message, args);
  }
  error(error: string | Error, ...args: unknown[]): void {
    this.write('error', error, args);
  }
  append(value: string): void {
    this.out.append(value);
  }
  appendLine(value: string): void {
    this.out.appendLine(value);
  }
  replace(value: string): void {
    this.out.replace(value);
  }
  clear(): void {
    this.out.clear();
  }
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean' || columnOrPreserveFocus === undefined) {
      this.out.show(columnOrPreserveFocus);
    } else {
      this.out.show(columnOrPreserveFocus, preserveFocus);
    }
  }
  hide(): void {
    this.out.hide();
  }
  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
    this.out.dispose();
  }
}
