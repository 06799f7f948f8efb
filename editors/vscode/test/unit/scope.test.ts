// Unit tests of scope.ts (which documents the server sees) and status.ts
// (the status bar item), and of package.json's settings for them.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { documentSelector, excludingMiddleware, isExcluded, LANGUAGES, readScope } from '../../src/scope';
import { statusView } from '../../src/status';

const EXT_DIR = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'package.json'), 'utf8'));

describe('readScope and documentSelector', () => {
  it('starts for every language unless its enable setting is false', () => {
    const scope = readScope({ go: true, yaml: undefined, json: false }, undefined);
    assert.deepEqual(scope.languages, ['go', 'yaml']);
    assert.deepEqual(documentSelector(scope), [
      { scheme: 'file', language: 'go' },
      { scheme: 'untitled', language: 'go' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ]);
  });

  it('keeps the exclude globs that are strings and reports the rest', () => {
    const scope = readScope({}, [' **/package.json ', '', 7]);
    assert.deepEqual(scope.exclude, ['**/package.json']);
    assert.deepEqual(scope.problems, ['httpcodeLsp.exclude: "" is not a glob pattern', 'httpcodeLsp.exclude: 7 is not a glob pattern']);
    assert.deepEqual(readScope({}, 'testdata').problems, ['httpcodeLsp.exclude must be an array of glob patterns']);
  });

  it('has an enable setting per language in package.json, on by default', () => {
    for (const language of LANGUAGES) {
      const setting = manifest.contributes.configuration.properties[`httpcodeLsp.enable.${language}`];
      assert.deepEqual([setting?.type, setting?.default], ['boolean', true], language);
    }
  });
});

describe('isExcluded', () => {
  const folder = '/work/api';
  for (const [file, glob, want] of [
    ['/work/api/package.json', '**/package.json', true],
    ['/work/api/web/package.json', '**/package.json', true],
    ['/work/api/web/node_modules/x/openapi.yaml', '**/node_modules/**', true],
    ['/work/api/testdata/bad.yaml', 'testdata/**', true],
    ['/work/api/internal/testdata/bad.yaml', 'testdata/**', false],
    ['/work/api/.github/workflows/ci.yml', '.github/**', true],
    ['/work/api/specs/openapi.yaml', '*.yaml', false],
    ['/work/api/specs/openapi.yaml', 'specs/*.{yaml,json}', true],
    ['/elsewhere/specs/openapi.yaml', 'specs/*.yaml', false],
  ] as const) {
    it(`${glob} ${want ? 'matches' : 'does not match'} ${file}`, () => {
      assert.equal(isExcluded(file, folder, [glob]), want);
    });
  }

  it('matches only the absolute path of a file outside every folder', () => {
    assert.equal(isExcluded('/tmp/openapi.yaml', undefined, ['/tmp/*.yaml']), true);
    assert.equal(isExcluded('/tmp/openapi.yaml', undefined, []), false);
  });
});

describe('excludingMiddleware', () => {
  const doc = (fsPath: string, scheme = 'file') => ({ uri: { scheme, fsPath } });
  const middleware = excludingMiddleware((d) => d.uri.fsPath.endsWith('package.json'));
  // The middleware's functions take vscode types; these stand-ins carry
  // what it reads.
  const call = (name: string, ...args: unknown[]) =>
    (middleware as Record<string, (...a: unknown[]) => unknown>)[name](...args);

  it('does not open, change, save or close an excluded file on the server', async () => {
    const sent: string[] = [];
    const next = (what: string) => async () => {
      sent.push(what);
    };
    const excluded = doc('/work/api/package.json');
    const kept = doc('/work/api/openapi.yaml');
    await call('didOpen', excluded, next('open excluded'));
    await call('didChange', { document: excluded }, next('change excluded'));
    await call('didSave', excluded, next('save excluded'));
    await call('didClose', excluded, next('close excluded'));
    await call('didOpen', kept, next('open kept'));
    await call('didChange', { document: kept }, next('change kept'));
    await call('didClose', kept, next('close kept'));
    await call('didOpen', doc('package.json', 'untitled'), next('open untitled'));
    assert.deepEqual(sent, ['open kept', 'change kept', 'close kept', 'open untitled']);
  });

  it('asks the server nothing about an excluded file', () => {
    const hover = { contents: ['404 Not Found'] };
    const next = () => hover;
    assert.equal(call('provideHover', doc('/a/package.json'), {}, {}, next), undefined);
    assert.equal(call('provideHover', doc('/a/openapi.yaml'), {}, {}, next), hover);
    assert.equal(call('provideCompletionItem', doc('/a/package.json'), {}, {}, {}, next), undefined);
    assert.equal(call('provideCodeActions', doc('/a/package.json'), {}, {}, {}, next), undefined);
    assert.equal(call('provideInlayHints', doc('/a/package.json'), {}, {}, next), undefined);
  });
});

describe('statusView', () => {
  it('shows each state with its icon, and the detail in the tooltip', () => {
    assert.deepEqual(statusView('running', '/usr/bin/httpcode-lsp'), {
      text: '$(check) httpcode-lsp',
      tooltip: 'httpcode-lsp: the server is running: /usr/bin/httpcode-lsp\nClick to show the output.',
    });
    assert.equal(statusView('starting').text, '$(sync~spin) httpcode-lsp');
    assert.equal(statusView('stopped').text, '$(circle-slash) httpcode-lsp');
    assert.equal(statusView('error').text, '$(error) httpcode-lsp');
  });
});
