// Unit tests of settings.ts and logs.ts, and of package.json's settings
// schema against the server's rules.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { serverLogLine } from '../../src/logs';
import { didChangeConfigurationParams, KNOWN_RULES, removedKeys, SEVERITIES, toServerConfig } from '../../src/settings';

// The compiled test runs from out/unit; the sources are two levels up.
const EXT_DIR = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'package.json'), 'utf8'));

describe('toServerConfig', () => {
  it('maps unset settings to an empty configuration', () => {
    assert.deepEqual(toServerConfig({}), { config: { rules: {}, codes: {}, yaml: { statusKeys: [] } }, problems: [] });
    assert.deepEqual(toServerConfig({ rules: null, codes: undefined, yaml: { statusKeys: null } }).config, {
      rules: {},
      codes: {},
      yaml: { statusKeys: [] },
    });
  });

  it('maps every setting onto the server shape', () => {
    const { config, problems } = toServerConfig({
      rules: { 'missing-header': 'warning', 'use-status-constant': 'off', 'a-future-rule': 'hint' },
      codes: { '499': 'Client Closed Request', ' 599 ': ' Network Connect Timeout ' },
      yaml: { statusKeys: ['want_code', ' expect_status ', 'want_code'] },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      rules: { 'missing-header': 'warning', 'use-status-constant': 'off', 'a-future-rule': 'hint' },
      codes: { '499': 'Client Closed Request', '599': 'Network Connect Timeout' },
      yaml: { statusKeys: ['want_code', 'expect_status'] },
    });
    // Exactly the JSON the server decodes (internal/config.Config).
    assert.equal(
      JSON.stringify(config),
      '{"rules":{"missing-header":"warning","use-status-constant":"off","a-future-rule":"hint"},' +
        '"codes":{"499":"Client Closed Request","599":"Network Connect Timeout"},' +
        '"yaml":{"statusKeys":["want_code","expect_status"]}}',
    );
  });

  it('accepts severities in any case', () => {
    assert.deepEqual(toServerConfig({ rules: { 'missing-header': 'Warning', 'use-status-constant': ' OFF ' } }).config.rules, {
      'missing-header': 'warning',
      'use-status-constant': 'off',
    });
  });

  it('drops what the server would reject, and says why', () => {
    const { config, problems } = toServerConfig({
      rules: { 'missing-header': 'loud', 'use-status-constant': 3, 'body-not-allowed': 'error', ' ': 'off' },
      codes: { '99': 'Too low', '1000': 'Too high', abc: 'Not a number', '4.5': 'x', '499': '   ', '420': 'Enhance Your Calm' },
      yaml: { statusKeys: ['ok', '', 7] },
    });
    assert.deepEqual(config, {
      rules: { 'body-not-allowed': 'error' },
      codes: { '420': 'Enhance Your Calm' },
      yaml: { statusKeys: ['ok'] },
    });
    assert.equal(problems.length, 10, problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('missing-header: severity "loud" is not one of error, warning, info, hint, off')));
    assert.ok(problems.some((p) => p.includes('"99" is not a status code from 100 to 999')));
    assert.ok(problems.some((p) => p.includes('499 has no reason phrase')));
  });

  it('reports settings of the wrong type', () => {
    const { config, problems } = toServerConfig({ rules: ['off'], codes: 'x', yaml: { statusKeys: 'want_code' } });
    assert.deepEqual(config, { rules: {}, codes: {}, yaml: { statusKeys: [] } });
    assert.equal(problems.length, 3);
  });
});

describe('didChangeConfigurationParams', () => {
  it('nests the configuration under httpcodeLsp', () => {
    const config = toServerConfig({ rules: { 'missing-header': 'off' } }).config;
    assert.deepEqual(didChangeConfigurationParams(config), {
      settings: { httpcodeLsp: { rules: { 'missing-header': 'off' }, codes: {}, yaml: { statusKeys: [] } } },
    });
  });
});

describe('removedKeys', () => {
  const initial = toServerConfig({ rules: { a: 'off', b: 'hint' }, codes: { '499': 'x' }, yaml: { statusKeys: ['k'] } }).config;
  it('is empty when keys are only added or changed', () => {
    assert.deepEqual(removedKeys(initial, toServerConfig({ rules: { a: 'error', b: 'hint', c: 'off' }, codes: { '499': 'y', '420': 'z' } }).config), []);
  });
  it('lists the rules and codes no longer set (status keys are replaced whole)', () => {
    assert.deepEqual(removedKeys(initial, toServerConfig({ rules: { b: 'hint' } }).config), ['rules.a', 'codes.499']);
  });
});

describe('package.json', () => {
  const props = manifest.contributes.configuration.properties;

  it('declares the settings the extension reads', () => {
    for (const key of ['httpcodeLsp.server.path', 'httpcodeLsp.rules', 'httpcodeLsp.codes', 'httpcodeLsp.yaml.statusKeys', 'httpcodeLsp.trace.server']) {
      assert.ok(props[key], key);
    }
    assert.deepEqual(props['httpcodeLsp.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.deepEqual(props['httpcodeLsp.rules'].definitions.severity.enum, [...SEVERITIES]);
  });

  it('lists KNOWN_RULES in the rules schema', () => {
    assert.deepEqual(Object.keys(props['httpcodeLsp.rules'].properties).sort(), [...KNOWN_RULES].sort());
  });

  it('knows every rule of the server (internal/lint/rules.go)', (t) => {
    const rulesGo = path.join(EXT_DIR, '..', '..', 'internal', 'lint', 'rules.go');
    if (!fs.existsSync(rulesGo)) {
      t.skip('not inside the httpcode-lsp repository');
      return;
    }
    const ids = [...fs.readFileSync(rulesGo, 'utf8').matchAll(/^\s*ID:\s*"([a-z0-9-]+)"/gm)].map((m) => m[1]);
    assert.ok(ids.length > 0, 'no rule IDs found in rules.go');
    assert.deepEqual([...KNOWN_RULES].sort(), ids.sort());
  });

  it('activates for Go, YAML and JSON and contributes the restart command', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:go', 'onLanguage:yaml', 'onLanguage:json']);
    const restart = manifest.contributes.commands.find((c: { command: string }) => c.command === 'httpcodeLsp.restartServer');
    assert.equal(`${restart.category}: ${restart.title}`, 'httpcode-lsp: Restart server');
    assert.equal(manifest.engines.vscode, '^1.91.0');
  });
});

describe('serverLogLine', () => {
  it('reads zap console lines', () => {
    assert.deepEqual(serverLogLine('2026-11-22T03:07:49.739Z\tINFO\tserving on stdio\t{"version": "(devel)"}'), {
      level: 'info',
      text: 'serving on stdio\t{"version": "(devel)"}',
    });
    assert.deepEqual(serverLogLine('2026-11-22T03:07:49.739Z\tWARN\tclient\tpublishDiagnostics'), { level: 'warn', text: 'client\tpublishDiagnostics' });
    assert.equal(serverLogLine('2026-11-22T03:07:49.739Z\tDEBUG\tx').level, 'debug');
    assert.equal(serverLogLine('2026-11-22T03:07:49.739Z\tERROR\tx').level, 'error');
  });
  it('keeps other lines whole, as errors', () => {
    assert.deepEqual(serverLogLine('panic: runtime error'), { level: 'error', text: 'panic: runtime error' });
    assert.deepEqual(serverLogLine('goroutine 1 [running]:\tx\ty'), { level: 'error', text: 'goroutine 1 [running]:\tx\ty' });
  });
});
