// End-to-end: the built httpcode-lsp binary driven over stdio by
// vscode-jsonrpc / vscode-languageserver-protocol, with the settings the
// extension would send. Every wait is bounded; a failure exits non-zero.
//
//   HTTPCODE_LSP=/path/to/httpcode-lsp npm run test:e2e   (else `go build`s it)

import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DiagnosticSeverity,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type MarkupContent,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { serverLogLine } from '../../src/logs';
import { didChangeConfigurationParams, serverArgs, toServerConfig, type ServerConfig } from '../../src/settings';
import { applyEdits, Client, positionOf, serverBinary } from './lsp';

// Multi-byte text (é: 1 UTF-16 unit, 2 UTF-8 bytes; 😀: 2 units, 4 bytes)
// stands before codes on their own line, so a byte- or rune-based column
// would differ from the UTF-16 one the test expects.
const GO_URI = 'file:///work/e2e/handler.go';
const GO = [
  'package main',
  '',
  'import "net/http"',
  '',
  '// café 😀 — multi-byte text before a code checks the positions.',
  'func notFound(w http.ResponseWriter, r *http.Request) {',
  '\t/* é😀 */ w.WriteHeader(404)',
  '}',
  '',
  'func closed(w http.ResponseWriter, r *http.Request) {',
  '\tw.WriteHeader(499)',
  '}',
  '',
  'func created(w http.ResponseWriter, r *http.Request) {',
  '\tw.WriteHeader()',
  '}',
  '',
].join('\n');

const YAML_URI = 'file:///work/e2e/openapi.yaml';
// CRLF line ends, and an unquoted key after multi-byte text in a flow map.
const YAML = [
  'openapi: 3.0.3',
  'info:',
  '  title: Items — café 😀',
  "  version: '1'",
  'paths:',
  '  /items:',
  '    put:',
  '      responses:',
  "        '201':",
  '          description: Created',
  '  /items/{id}:',
  '    get:',
  "      responses: {'200': {description: \"é😀\"}, 404: {description: Not found}}",
  '    delete:',
  '      responses:',
  "        '204':",
  '          description: Deleted',
  "        '404':",
  '          description: No such item',
  '    post:',
  '      responses:',
  "        '400':",
  '          description: Bad request',
  '        ',
  '',
].join('\r\n');

// A plain YAML file: want_code is a status key only through the
// httpcodeLsp.yaml.statusKeys setting.
const CHECKS_URI = 'file:///work/e2e/checks.yaml';
const CHECKS = ['checks:', '  - url: /healthz', '    want_code: 503', ''].join('\n');

const STEP = { timeout: 15_000 };

/** The text a snippet inserts when every placeholder keeps its default. */
function snippetText(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{?\d+\}?/g, '');
}

function codes(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map((d) => String(d.code));
}

describe('httpcode-lsp over stdio (vscode-jsonrpc)', () => {
  let client: Client;
  let cleanup = () => {};
  let goText = GO;
  let yamlText = YAML;
  // The settings as the extension maps them from httpcodeLsp.* settings.
  const initial: ServerConfig = toServerConfig({
    rules: { 'missing-header': 'Warning' },
    codes: { '499': 'Client Closed Request' },
    yaml: { statusKeys: ['want_code'] },
  }).config;

  before(() => {
    const built = serverBinary();
    cleanup = built.cleanup;
    client = new Client(built.binary, ['--stdio', '--debounce', '0']);
  }, { timeout: 150_000 });

  after(() => {
    client?.kill();
    cleanup();
  });

  it('initializes with snippet support, UTF-16 positions and the mapped settings', STEP, async () => {
    const result = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'httpcode-lsp-e2e', version: '1' },
      rootUri: null,
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: {
            completionItem: {
              snippetSupport: true,
              insertReplaceSupport: false,
              resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
            },
          },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
            isPreferredSupport: true,
          },
        },
        workspace: { didChangeConfiguration: { dynamicRegistration: false } },
      },
      initializationOptions: initial,
      workspaceFolders: null,
    });
    const caps = result.capabilities as InitializeResult['capabilities'] & { positionEncoding?: string };
    assert.equal(caps.positionEncoding ?? 'utf-16', 'utf-16');
    assert.ok(caps.hoverProvider, 'hoverProvider');
    assert.ok(caps.completionProvider, 'completionProvider');
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds?: string[] }).codeActionKinds?.sort(), ['quickfix', 'source.fixAll']);
    assert.equal(result.serverInfo?.name, 'httpcode-lsp');
    await client.notification('initialized', {});
  });

  it('opens a Go and an OpenAPI file; diagnostics arrive with their versions', STEP, async () => {
    await client.notification('textDocument/didOpen', { textDocument: { uri: GO_URI, languageId: 'go', version: 1, text: goText } });
    await client.notification('textDocument/didOpen', { textDocument: { uri: YAML_URI, languageId: 'yaml', version: 1, text: yamlText } });

    const go = await client.waitForDiagnostics(GO_URI, (p) => p.version === 1, { what: 'Go diagnostics of version 1' });
    const literal = go.diagnostics.find((d) => d.code === 'use-status-constant');
    assert.ok(literal, `use-status-constant in ${JSON.stringify(go)}`);
    const at = positionOf(goText, '404');
    assert.deepEqual(literal.range, { start: at, end: { line: at.line, character: at.character + 3 } });
    assert.equal(at.character, 25, 'UTF-16 column of 404 (UTF-8 bytes: 28)');
    assert.equal(literal.source, 'httpcode-lsp');
    // 499 is a custom code from initializationOptions: no unknown-code finding.
    const line499 = positionOf(goText, '499').line;
    assert.deepEqual(go.diagnostics.filter((d) => d.range.start.line === line499), []);

    const yaml = await client.waitForDiagnostics(YAML_URI, (p) => p.version === 1, { what: 'YAML diagnostics of version 1' });
    const unquoted = yaml.diagnostics.find((d) => d.code === 'unquoted-status-code');
    assert.ok(unquoted, `unquoted-status-code in ${JSON.stringify(yaml)}`);
    const key = positionOf(yamlText, '404:');
    assert.deepEqual(unquoted.range, { start: key, end: { line: key.line, character: key.character + 3 } });
    assert.ok(codes(yaml).includes('no-success-response'), `no-success-response for POST in ${codes(yaml)}`);
    // missing-header is info by default; the rules setting made it a warning.
    const created = positionOf(yamlText, "'201':");
    const header = yaml.diagnostics.find((d) => d.code === 'missing-header' && d.range.start.line === created.line);
    assert.ok(header, `missing-header on the 201 in ${JSON.stringify(yaml)}`);
    assert.equal(header.severity, DiagnosticSeverity.Warning);
    assert.ok(typeof header.message === 'string' && header.message.includes('Location'), `message names Location: ${JSON.stringify(header.message)}`);
  });

  it('hovers a plain YAML value under a key from the statusKeys setting', STEP, async () => {
    await client.notification('textDocument/didOpen', { textDocument: { uri: CHECKS_URI, languageId: 'yaml', version: 1, text: CHECKS } });
    const at = positionOf(CHECKS, '503');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: CHECKS_URI }, position: at });
    assert.ok(hover, 'a hover on want_code: 503');
    assert.match((hover.contents as MarkupContent).value, /503 Service Unavailable/);
    assert.deepEqual(hover.range, { start: at, end: { line: at.line, character: at.character + 3 } });
    await client.notification('textDocument/didClose', { textDocument: { uri: CHECKS_URI } });
  });

  it('hovers a Go literal and a YAML response key with UTF-16 ranges', STEP, async () => {
    const at = positionOf(goText, '404');
    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: GO_URI },
      position: { line: at.line, character: at.character + 1 },
    });
    assert.ok(hover, 'Go hover');
    const md = hover.contents as MarkupContent;
    assert.equal(md.kind, 'markdown');
    assert.match(md.value, /404 Not Found/);
    assert.match(md.value, /http\.StatusNotFound/);
    assert.deepEqual(hover.range, { start: at, end: { line: at.line, character: at.character + 3 } });

    const key = positionOf(yamlText, '404:');
    const yh = await client.request<Hover>('textDocument/hover', { textDocument: { uri: YAML_URI }, position: key });
    assert.ok(yh, 'YAML hover');
    const ymd = (yh.contents as MarkupContent).value;
    assert.match(ymd, /404 Not Found/);
    assert.match(ymd, /GET \/items\/\{id\}/);
    assert.deepEqual(yh.range, { start: key, end: { line: key.line, character: key.character + 3 } });
    assert.equal(key.character, 47, 'UTF-16 column of the key (UTF-8 bytes: 50)');
  });

  it('completes a Go status argument and a response key (snippet)', STEP, async () => {
    const call = positionOf(goText, 'WriteHeader()');
    const pos = { line: call.line, character: call.character + 'WriteHeader('.length };
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: GO_URI }, position: pos });
    const created = list.items.find((i) => i.label === '201 Created');
    assert.ok(created?.textEdit && 'range' in created.textEdit, `201 Created in ${list.items.map((i) => i.label)}`);
    assert.equal(created.textEdit.newText, 'http.StatusCreated');
    assert.deepEqual(created.textEdit.range, { start: pos, end: pos });
    assert.equal(applyEdits(goText, [created.textEdit]), goText.replace('WriteHeader()', 'WriteHeader(http.StatusCreated)'));
    // The documentation comes when the item is shown, as VS Code asks for it.
    assert.equal(created.documentation, undefined, 'documentation is resolved lazily');
    const resolved = await client.request<CompletionItem>('completionItem/resolve', created);
    assert.match(JSON.stringify(resolved.documentation), /### 201 Created/);

    const lines = yamlText.split('\r\n');
    const blank = { line: lines.length - 2, character: 8 };
    const ylist = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: YAML_URI }, position: blank });
    const labels = ylist.items.map((i: CompletionItem) => i.label);
    assert.ok(!labels.includes('400 Bad Request'), 'the map has 400 already');
    const item = ylist.items.find((i) => i.label === '201 Created');
    assert.ok(item?.textEdit && 'range' in item.textEdit, `201 Created in ${labels}`);
    assert.equal(item.insertTextFormat, 2, 'a snippet');
    assert.deepEqual(item.textEdit.range, { start: blank, end: blank });
    // The snippet keeps the document's CRLF line ends.
    assert.match(item.textEdit.newText, /^'201':\r\n {10}description: \$\{1:Created\}\r\n/);
    const inserted = applyEdits(yamlText, [{ range: item.textEdit.range, newText: snippetText(item.textEdit.newText) }]);
    assert.ok(inserted.includes("        '201':\r\n          description: Created\r\n          headers:\r\n            Location:"), inserted);
  });

  it('applies a quick fix from textDocument/codeAction; the next version drops the finding', STEP, async () => {
    const yaml = client.diagnostics.find((p) => p.uri === YAML_URI && p.version === 1)!;
    const diag = yaml.diagnostics.find((d) => d.code === 'unquoted-status-code') as Diagnostic;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: YAML_URI },
      range: diag.range,
      context: { diagnostics: [diag], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.some((d) => d.code === 'unquoted-status-code'));
    assert.ok(fix?.edit?.changes?.[YAML_URI], `a quick fix in ${JSON.stringify(actions)}`);
    assert.equal(fix.title, 'Quote the key');
    const edits = fix.edit.changes[YAML_URI];
    const fixed = applyEdits(yamlText, edits);
    assert.equal(fixed, yamlText.replace("}, 404: {", "}, '404': {"));

    // Send the edits as incremental changes, last first so that each range
    // still refers to the text as the previous change left it.
    const since = client.diagnostics.length;
    const changes = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    await client.notification('textDocument/didChange', {
      textDocument: { uri: YAML_URI, version: 2 },
      contentChanges: changes.map((e) => ({ range: e.range, text: e.newText })),
    });
    yamlText = fixed;
    const next = await client.waitForDiagnostics(YAML_URI, (p) => p.version === 2, { since, what: 'YAML diagnostics of version 2' });
    assert.ok(!codes(next).includes('unquoted-status-code'), `fixed, yet ${codes(next)}`);
    assert.ok(codes(next).includes('no-success-response'));

    // The hover sees the edited text.
    const key = positionOf(yamlText, "'404': {");
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: YAML_URI }, position: key });
    assert.deepEqual(hover?.range, { start: key, end: { line: key.line, character: key.character + 5 } });
  });

  it('applies the Go quick fix (a full-text change this time)', STEP, async () => {
    const go = client.diagnostics.find((p) => p.uri === GO_URI && p.version === 1)!;
    const diag = go.diagnostics.find((d) => d.code === 'use-status-constant')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: GO_URI },
      range: diag.range,
      context: { diagnostics: [diag] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix');
    assert.ok(fix?.edit?.changes?.[GO_URI], `a quick fix in ${JSON.stringify(actions)}`);
    const fixed = applyEdits(goText, fix.edit.changes[GO_URI]);
    assert.equal(fixed, goText.replace('WriteHeader(404)', 'WriteHeader(http.StatusNotFound)'));
    assert.ok(actions.some((a) => a.kind === 'source.fixAll'), 'a fix-all action');

    const since = client.diagnostics.length;
    await client.notification('textDocument/didChange', { textDocument: { uri: GO_URI, version: 2 }, contentChanges: [{ text: fixed }] });
    goText = fixed;
    const next = await client.waitForDiagnostics(GO_URI, (p) => p.version === 2, { since, what: 'Go diagnostics of version 2' });
    assert.deepEqual(codes(next), []);
  });

  it('didChangeConfiguration turning a rule off removes its diagnostics', STEP, async () => {
    const since = client.diagnostics.length;
    const { config, problems } = toServerConfig({
      rules: { ...initial.rules, 'no-success-response': 'off' },
      codes: initial.codes,
      yaml: initial.yaml,
    });
    assert.deepEqual(problems, []);
    await client.notification('workspace/didChangeConfiguration', didChangeConfigurationParams(config));
    const next = await client.waitForDiagnostics(YAML_URI, (p) => p.version === 2, { since, what: 'YAML diagnostics after the change' });
    assert.ok(!codes(next).includes('no-success-response'), `rule off, yet ${codes(next)}`);

    // And back on.
    const again = client.diagnostics.length;
    await client.notification('workspace/didChangeConfiguration', didChangeConfigurationParams(initial));
    const back = await client.waitForDiagnostics(YAML_URI, (p) => p.version === 2, { since: again, what: 'YAML diagnostics after turning it on' });
    assert.ok(codes(back).includes('no-success-response'), `rule on, yet ${codes(back)}`);
  });

  it('a small limits.maxDocumentSize reaches the server: a note replaces the analysis', STEP, async () => {
    const since = client.diagnostics.length;
    const { config, problems } = toServerConfig({
      rules: initial.rules,
      codes: initial.codes,
      yaml: initial.yaml,
      limits: { maxDocumentSize: 64, analysisTimeout: '1m30s' },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config.limits, { maxDocumentSize: 64, analysisTimeout: '1m30s' });
    await client.notification('workspace/didChangeConfiguration', didChangeConfigurationParams(config));
    // As internal/server/limits_test.go expects: one information diagnostic
    // naming the setting, and no hover.
    const note = await client.waitForDiagnostics(YAML_URI, (p) => p.version === 2 && codes(p).includes('limits'), {
      since,
      what: 'the note on a YAML file over limits.maxDocumentSize',
    });
    assert.equal(note.diagnostics.length, 1, JSON.stringify(note));
    const [d] = note.diagnostics;
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.equal(d.source, 'httpcode-lsp');
    assert.ok(
      typeof d.message === 'string' && /does not analyse this file: .* more than limits\.maxDocumentSize/.test(d.message),
      `the note names limits.maxDocumentSize: ${JSON.stringify(d.message)}`,
    );
    const key = positionOf(yamlText, "'404': {");
    assert.equal(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: YAML_URI }, position: key }), null);

    // Unset again, as the extension then sends the settings without it:
    // the file is analysed again.
    const again = client.diagnostics.length;
    await client.notification('workspace/didChangeConfiguration', didChangeConfigurationParams(initial));
    const back = await client.waitForDiagnostics(YAML_URI, (p) => p.version === 2 && !codes(p).includes('limits'), {
      since: again,
      what: 'YAML diagnostics without the limit',
    });
    assert.ok(codes(back).includes('no-success-response'), `analysed again, yet ${codes(back)}`);
    assert.ok(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: YAML_URI }, position: key }), 'a hover without the limit');
  });

  it('closing a document clears its diagnostics', STEP, async () => {
    const since = client.diagnostics.length;
    await client.notification('textDocument/didClose', { textDocument: { uri: GO_URI } });
    await client.waitForDiagnostics(GO_URI, (p) => p.diagnostics.length === 0, { since, what: 'cleared Go diagnostics' });
  });

  it('shuts down and exits with code 0, having said nothing amiss', STEP, async () => {
    // Like vscode-languageclient, send shutdown without params.
    await client.request('shutdown');
    await client.notification('exit');
    const code = await client.exit();
    assert.equal(code, 0, `exit code; stderr:\n${client.stderr}`);
    assert.deepEqual(client.errors, []);
    const bad = client.messages.filter((m) => m.type === 1 || m.type === 2);
    // The mapped settings were accepted, analysisTimeout included: the
    // server shows an error for settings it refuses.
    assert.deepEqual(bad, [], 'no error or warning messages');
  });
});

describe('httpcodeLsp.server.logLevel reaches the server', () => {
  let binary = '';
  let cleanup = () => {};
  before(() => {
    ({ binary, cleanup } = serverBinary());
  }, { timeout: 150_000 });
  after(() => cleanup());

  /** The levels of the lines the server writes to stderr over one session. */
  async function levelsLogged(setting: string): Promise<Set<string>> {
    const { args, problem } = serverArgs(setting);
    assert.equal(problem, undefined);
    const c = new Client(binary, [...args, '--stdio']);
    try {
      await c.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      await c.notification('initialized', {});
      // The analysis of a document is logged at debug level.
      const uri = 'file:///api/levels.yaml';
      await c.notification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: 'status: 404\n' } });
      await c.waitForDiagnostics(uri, () => true, { what: 'diagnostics of levels.yaml' });
      await c.request('shutdown');
      await c.notification('exit');
      assert.equal(await c.exit(), 0, `exit code; stderr:\n${c.stderr}`);
    } finally {
      c.kill();
    }
    return new Set(c.stderr.split('\n').filter((l) => l !== '').map((l) => serverLogLine(l).level));
  }

  it('debug shows debug lines, error hides the info lines', STEP, async () => {
    const debug = await levelsLogged('debug');
    assert.ok(debug.has('debug') && debug.has('info'), `levels at debug: ${[...debug]}`);
    const info = await levelsLogged('info');
    assert.ok(!info.has('debug') && info.has('info'), `levels at info: ${[...info]}`);
    const error = await levelsLogged('error');
    assert.ok(!error.has('info') && !error.has('debug'), `levels at error: ${[...error]}`);
  });
});
