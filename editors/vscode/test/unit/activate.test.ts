// Activation of the bundled extension (dist/extension.js, the file the
// .vsix ships) when no server binary can be found, against a stand-in for
// the `vscode` module that records what the user would see. Starting the
// server is the end-to-end test's part; VS Code itself is not run here.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const EXT_DIR = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(EXT_DIR, 'dist', 'extension.js');
const INSTALL = 'go install github.com/httpcode-lsp/httpcode-lsp/cmd/httpcode-lsp@latest';

type Disposable = { dispose(): void };
const disposable: Disposable = { dispose() {} };

/** What the extension showed and did through the vscode API. */
interface Seen {
  errors: { message: string; items: string[] }[];
  executed: unknown[][];
  clipboard: string[];
  commands: Map<string, (...args: unknown[]) => unknown>;
  log: string[];
  /** The status bar item's text and tooltip, each time it was shown. */
  status: { text: string; tooltip: string }[];
}

/** A stand-in for the vscode module; answer is the button the user clicks. */
function fakeVscode(settings: Record<string, unknown>, answer: string | undefined, seen: Seen): unknown {
  class Base {}
  const channel = (name: string) => {
    const write = (level: string) => (message: unknown) => seen.log.push(`${name} [${level}] ${String(message)}`);
    return {
      name,
      logLevel: 3,
      onDidChangeLogLevel: () => disposable,
      trace: write('trace'),
      debug: write('debug'),
      info: write('info'),
      warn: write('warning'),
      error: write('error'),
      append() {},
      appendLine: write('line'),
      replace() {},
      clear() {},
      show() {},
      hide() {},
      dispose() {},
    };
  };
  return {
    CompletionItem: Base,
    CodeLens: Base,
    DocumentLink: Base,
    CodeAction: Base,
    Diagnostic: Base,
    CallHierarchyItem: Base,
    TypeHierarchyItem: Base,
    SymbolInformation: Base,
    InlayHint: Base,
    CancellationError: class extends Error {},
    EventEmitter: class {
      event = () => disposable;
      fire() {}
      dispose() {}
    },
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    window: {
      createOutputChannel: channel,
      createStatusBarItem: () => {
        const item = {
          text: '',
          tooltip: '',
          show() {
            seen.status.push({ text: item.text, tooltip: item.tooltip });
          },
          dispose() {},
        };
        return item;
      },
      showErrorMessage: async (message: string, ...items: string[]) => {
        seen.errors.push({ message, items });
        return answer;
      },
    },
    workspace: {
      workspaceFolders: undefined,
      getConfiguration: () => ({ get: (key: string, def?: unknown) => (key in settings ? settings[key] : def) }),
      onDidChangeConfiguration: () => disposable,
    },
    commands: {
      registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => {
        seen.commands.set(id, fn);
        return disposable;
      },
      executeCommand: async (...args: unknown[]) => {
        seen.executed.push(args);
      },
    },
    env: {
      clipboard: {
        writeText: async (text: string) => {
          seen.clipboard.push(text);
        },
      },
    },
  };
}

type Extension = { activate(ctx: unknown): Promise<void>; deactivate(): Promise<void> };

/** Loads a fresh copy of the bundle with `vscode` resolved to vscodeApi. */
function loadBundle(vscodeApi: unknown): Extension {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscodeApi : load.call(this, request, ...rest);
  };
  try {
    delete require.cache[BUNDLE];
    return require(BUNDLE) as Extension;
  } finally {
    loader._load = load;
  }
}

/** Lets the promise callbacks queued so far run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Activates the bundle with nothing on PATH and no bundled binary. */
async function activate(settings: Record<string, unknown>, answer?: string): Promise<Seen> {
  const seen: Seen = { errors: [], executed: [], clipboard: [], commands: new Map(), log: [], status: [] };
  const ext = loadBundle(fakeVscode(settings, answer, seen));
  const extensionPath = fs.mkdtempSync(path.join(os.tmpdir(), 'httpcode-lsp-ext-'));
  try {
    await ext.activate({ extensionPath, subscriptions: [] });
    await settle();
    await ext.deactivate();
  } finally {
    fs.rmSync(extensionPath, { recursive: true, force: true });
  }
  return seen;
}

describe('activation without a server binary (the bundled extension)', () => {
  const savedPath = process.env.PATH;
  let emptyDir = '';
  before(() => {
    assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} is missing: npm run build`);
    emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'httpcode-lsp-path-'));
    process.env.PATH = emptyDir;
  });
  after(() => {
    process.env.PATH = savedPath;
    fs.rmSync(emptyDir, { recursive: true, force: true });
  });

  it('shows one error that names the install command and the setting', async () => {
    const seen = await activate({});
    assert.equal(seen.errors.length, 1, JSON.stringify(seen.errors));
    const [shown] = seen.errors;
    assert.ok(shown.message.includes(INSTALL), shown.message);
    assert.match(shown.message, /set httpcodeLsp\.server\.path/);
    assert.deepEqual(shown.items, ['Open Settings', 'Copy Install Command']);
    assert.ok(
      seen.log.some((l) => l.startsWith('httpcode-lsp [error] looked at: ') && l.includes(path.join(emptyDir, 'httpcode-lsp'))),
      `the output channel lists the places looked at:\n${seen.log.join('\n')}`,
    );
  });

  it('"Open Settings" opens the server path setting', async () => {
    const seen = await activate({}, 'Open Settings');
    assert.deepEqual(seen.executed, [['workbench.action.openSettings', 'httpcodeLsp.server.path']]);
  });

  it('"Copy Install Command" copies the go install command', async () => {
    const seen = await activate({}, 'Copy Install Command');
    assert.deepEqual(seen.clipboard, [INSTALL]);
    assert.deepEqual(seen.executed, []);
  });

  it('names a server path setting that is not an executable', async () => {
    const seen = await activate({ 'server.path': '/nonexistent/bin/httpcode-lsp' });
    assert.equal(seen.errors.length, 1);
    assert.match(seen.errors[0].message, /httpcodeLsp\.server\.path setting names \/nonexistent\/bin\/httpcode-lsp, which is not an executable file/);
  });

  it('registers every command package.json contributes', async () => {
    const seen = await activate({});
    const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'package.json'), 'utf8'));
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual([...seen.commands.keys()].sort(), contributed);
  });

  it('shows the error in the status bar', async () => {
    const seen = await activate({});
    assert.deepEqual(seen.status.at(-1), {
      text: '$(error) httpcode-lsp',
      tooltip: 'httpcode-lsp: the server is not running: no server binary found\nClick to show the output.',
    });
  });

  it('starts nothing, and says why, when every language is turned off', async () => {
    const seen = await activate({ 'enable.go': false, 'enable.yaml': false, 'enable.json': false });
    assert.deepEqual(seen.errors, []);
    assert.equal(seen.status.at(-1)?.text, '$(circle-slash) httpcode-lsp');
    assert.match(seen.status.at(-1)?.tooltip ?? '', /httpcodeLsp\.enable turns every language off/);
    assert.ok(!seen.log.some((l) => l.includes('looked at')), seen.log.join('\n'));
  });
});
