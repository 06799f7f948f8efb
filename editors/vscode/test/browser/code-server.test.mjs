// The extension in a real VS Code: code-server serves VS Code to Debian's
// chromium, which puppeteer-core drives by keyboard and mouse as a person
// would, on a copy of testdata/workspace (a Go handler and an OpenAPI
// spec). Every wait is bounded; on a failure the step's screenshot is
// written to a temporary folder whose path is printed.
//
// Run by scripts/code-server-test.sh, which builds code-server and the
// .vsix and sets:
//   CODE_SERVER  the code-server build (scripts/code-server.sh)
//   VSIX         the extension's .vsix for this machine
//   CHROMIUM     the browser (default /usr/bin/chromium)

import * as assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const codeServer = path.join(required('CODE_SERVER'), 'node_modules', '.bin', 'code-server');
const vsix = required('VSIX');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

// A step's waits; the first ones also cover VS Code's start and the
// extension's activation on a machine shared with other work.
const WAIT = 60_000;
const STEP = { timeout: 3 * WAIT };

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run scripts/code-server-test.sh`);
  }
  return value;
}

// The user settings: nothing but the editor and the extension on screen,
// and nothing that would reach for the network.
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'editor.inlayHints.enabled': 'on',
  'editor.hover.delay': 200,
};

describe('the extension in code-server, driven through chromium', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'httpcode-lsp-code-server-'));
  const userData = path.join(tmp, 'user-data');
  const extensions = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'workspace');
  // code-server writes its logs and default config, and chromium its crash
  // reports, under these: not into the home directory.
  const env = {
    ...process.env,
    XDG_DATA_HOME: path.join(tmp, 'data'),
    XDG_CONFIG_HOME: path.join(tmp, 'config'),
    XDG_CACHE_HOME: path.join(tmp, 'cache'),
  };
  const common = ['--config', path.join(tmp, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions];
  let server;
  let serverLog = '';
  let browser;
  let page;
  let failed = false;

  before(async () => {
    fs.cpSync(path.join(here, 'testdata', 'workspace'), workspace, { recursive: true });
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
    fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\n');

    const run = (...args) => execFileSync(codeServer, [...common, ...args], { env, encoding: 'utf8', timeout: WAIT });
    const installed = run('--install-extension', vsix);
    assert.match(installed, /was successfully installed/, installed);
    assert.match(run('--list-extensions'), /^httpcode-lsp\.httpcode-lsp$/m);

    server = spawn(codeServer, [
      ...common,
      '--bind-addr', '127.0.0.1:0',
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${WAIT} ms:\n${serverLog}`)), WAIT);
      const read = (chunk) => {
        serverLog += chunk;
        const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(serverLog);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      server.stdout.setEncoding('utf8').on('data', read);
      server.stderr.setEncoding('utf8').on('data', read);
      server.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited with ${code}:\n${serverLog}`));
      });
    });

    browser = await puppeteer.launch({
      executablePath: chromium,
      env,
      headless: true,
      protocolTimeout: WAIT,
      defaultViewport: { width: 1600, height: 1000 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${path.join(tmp, 'chromium')}`,
        '--window-size=1600,1000',
      ],
    });
    page = await browser.newPage();
    page.setDefaultTimeout(WAIT);
    await page.goto(`${url}?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench .part.editor');
  }, { timeout: 4 * WAIT });

  after(async () => {
    await browser?.close();
    server?.kill();
    if (failed) {
      process.stderr.write(`code-server's log:\n${serverLog}\n`);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /**
   * A test of the session, named name for its screenshot. On a failure it
   * saves a screenshot and prints its path and the editor's lines; the
   * steps after a failed one are skipped, as they build on it.
   */
  function step(title, name, fn) {
    it(title, STEP, async (t) => {
      if (failed) {
        t.skip('an earlier step failed');
        return;
      }
      try {
        await fn();
      } catch (err) {
        failed = true;
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'httpcode-lsp-code-server-failure-'));
        const file = path.join(dir, `${name}.png`);
        try {
          await page.screenshot({ path: file });
          process.stderr.write(`screenshot of the failed step "${name}": ${file}\n`);
        } catch (shot) {
          process.stderr.write(`no screenshot of the failed step "${name}": ${shot}\n`);
        }
        const lines = await editorLines().catch((e) => e.message);
        process.stderr.write(`the active editor's lines: ${JSON.stringify(lines, null, 1)}\n`);
        throw err;
      }
    });
  }

  /** Presses a chord such as "Control+Shift+M". */
  async function chord(keys) {
    const parts = keys.split('+');
    for (const k of parts) await page.keyboard.down(k);
    for (const k of parts.reverse()) await page.keyboard.up(k);
  }

  /** Waits until some element matching selector shows text containing want. */
  async function waitForText(selector, want) {
    await page.waitForFunction(
      (sel, text) => [...document.querySelectorAll(sel)].some((e) => e.innerText.includes(text)),
      {},
      selector,
      want,
    );
  }

  /**
   * The text of the active editor's lines, as shown, in screen order, with
   * plain spaces for VS Code's (no-break spaces, and the hair space that
   * pads an inlay hint).
   */
  async function editorLines() {
    return page.$$eval('.editor-group-container.active .monaco-editor .view-line', (lines) =>
      lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map((l) => l.textContent.replace(/\s/g, ' ')),
    );
  }

  /** Waits until a line of the active editor contains text. */
  async function waitForLine(text) {
    await page.waitForFunction(
      (want) =>
        [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line')].some((l) =>
          l.textContent.replace(/\s/g, ' ').includes(want),
        ),
      {},
      text,
    );
  }

  /**
   * Opens a workspace file by double-clicking its name in the Explorer
   * (Quick Open can drop an Enter while its file search updates the list;
   * a single click would open a preview that replaces the other file).
   */
  async function open(name, firstLine) {
    const label = await page.waitForFunction(
      (want) => [...document.querySelectorAll('.explorer-folders-view .label-name')].find((e) => e.textContent === want),
      {},
      name,
    );
    await label.click({ count: 2 });
    await page.waitForSelector(`.tab.active[aria-label*="${name}"]`);
    await waitForLine(firstLine);
  }

  /**
   * Moves the cursor with Go to Line (Ctrl+G) to offset characters after
   * the first occurrence of text in file, as saved: the steps' edits are
   * not saved, and leave the places they look up where they were.
   */
  async function moveTo(file, text, offset) {
    const lines = fs.readFileSync(path.join(workspace, file), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes(text));
    assert.ok(line >= 0, `${text} in ${file}`);
    await chord('Control+G');
    await page.waitForSelector('.quick-input-widget', { visible: true });
    await page.keyboard.type(`${line + 1}:${lines[line].indexOf(text) + 1 + offset}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.quick-input-widget', { hidden: true });
    // Keys pressed before the editor has the focus back would be lost.
    await page.waitForSelector('.editor-group-container.active .monaco-editor.focused');
  }

  /**
   * Opens a list with keys (the suggestions, the quick fixes), presses
   * Down until its focused row reads item, and accepts it with Enter.
   */
  async function pick(keys, list, item) {
    await chord(keys);
    // The list shows only the rows that fit: item may be further down.
    await page.waitForSelector(`${list} .monaco-list-row`, { visible: true });
    const focused = () => page.$eval(`${list} .monaco-list-row.focused`, (r) => r.getAttribute('aria-label') || r.innerText).catch(() => '');
    for (let i = 0; i < 100 && !(await focused()).includes(item); i++) {
      await page.keyboard.press('ArrowDown');
    }
    assert.ok((await focused()).includes(item), `${item} in ${list}`);
    await page.keyboard.press('Enter');
  }

  step('opens the Go file; the extension starts and shows the phrase as an inlay hint', 'go-inlay-hints', async () => {
    await open('handler.go', 'package main');
    // The hint stands between 404 and the parenthesis in the line as
    // VS Code renders it; 477, not a registered code, gets none.
    await waitForLine('w.WriteHeader(404 Not Found)');
    const lines = await editorLines();
    assert.ok(lines.includes('    w.WriteHeader(477)'), `no hint after 477: ${JSON.stringify(lines)}`);
  });

  step("the status bar item shows the server running (its check icon)", 'status-bar', async () => {
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.statusbar-item')].some((e) => e.innerText.includes('httpcode-lsp') && e.querySelector('.codicon-check')),
    );
  });

  step('hovers 404 with the mouse and shows its phrase in the hover widget', 'hover', async () => {
    const box = await page.evaluate(() => {
      const line = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line')].find((l) =>
        l.textContent.includes('WriteHeader(404'),
      );
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf('404');
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 3);
          const r = range.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
      }
      return null;
    });
    assert.ok(box, 'the text 404 on screen');
    await page.mouse.move(box.x, box.y);
    await waitForText('.monaco-hover', '404 Not Found');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  step('opens the spec; the phrase follows the colon of a response key', 'spec-inlay-hints', async () => {
    await open('openapi.yaml', 'openapi: 3.0.3');
    await waitForLine("        '200': OK");
  });

  step("the Problems panel (Ctrl+Shift+M) lists both files' findings", 'problems', async () => {
    await chord('Control+Shift+M');
    await page.waitForSelector('.markers-panel', { visible: true });
    await waitForText('.markers-panel', "response key 404 is a YAML integer; quote it: '404'");
    await waitForText('.markers-panel', '477 is not a registered status code');
  });

  step('applies the quick fix "Quote the key" (Ctrl+.)', 'quick-fix', async () => {
    await moveTo('openapi.yaml', '404:', 1);
    await pick('Control+.', '.action-widget', 'Quote the key');
    await waitForLine("        '404':");
    // The fixed finding leaves the Problems panel; the Go file's stays.
    await page.waitForFunction(() => !document.querySelector('.markers-panel').innerText.includes('is a YAML integer'));
    await waitForText('.markers-panel', '477 is not a registered status code');
  });

  step('accepts the completion "201 Created" in w.WriteHeader(|)', 'completion', async () => {
    await open('handler.go', 'package main');
    await moveTo('handler.go', 'WriteHeader()', 'WriteHeader('.length);
    await pick('Control+Space', '.suggest-widget', '201 Created');
    await waitForLine('w.WriteHeader(http.StatusCreated)');
  });

  step('applies the Go quick fix "Use http.StatusNotFound" (Ctrl+.)', 'go-quick-fix', async () => {
    await moveTo('handler.go', '404', 1);
    await pick('Control+.', '.action-widget', 'Use http.StatusNotFound');
    await waitForLine('w.WriteHeader(http.StatusNotFound)');
  });
});
