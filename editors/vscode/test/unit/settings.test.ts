// Unit tests of settings.ts and logs.ts, and of package.json's settings
// schema against the server's rules.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { serverLogLine } from '../../src/logs';
import { didChangeConfigurationParams, KNOWN_RULES, LOG_LEVELS, removedKeys, serverArgs, SEVERITIES, toServerConfig } from '../../src/settings';

// The compiled test runs from out/unit; the sources are two levels up.
const EXT_DIR = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'package.json'), 'utf8'));

// Durations as Go's time.ParseDuration reads them (checked with Go 1.26):
// the server takes those above zero, up to 2^63-1 ns, and refuses the rest.
const GO_DURATIONS_ABOVE_ZERO = [
  '10s',
  '1h30m',
  '1.5s',
  '.5s',
  '1.s',
  '300ms',
  '2us',
  '2µs', // U+00B5
  '2μs', // U+03BC
  '+10s',
  '0.000000001s', // 1 ns
  '1.0000000001ns', // 1 ns
  '5m0.000000000000000000000000000000000001s', // digits past 63 bits are dropped
  '2562047h47m16.854775807s', // 2^63-1 ns
  '9223372036854775807ns',
];
const NOT_GO_DURATIONS = ['10', 'soon', '1sec', '1d', '+', '.s', '1e3s', '1_000ms', '1h 30m', '1mss', '1hm', '-5s'];
const GO_DURATIONS_NOT_ABOVE_ZERO = [
  '0',
  '+0',
  '0s',
  '-0s',
  '0.5ns', // ParseDuration truncates to 0
  '0.1234567890123456789012345ns',
  '2562047h47m16.854775808s', // 2^63 ns: overflows
  '9223372036854775808ns',
];

describe('toServerConfig', () => {
  it('maps unset settings to an empty configuration', () => {
    assert.deepEqual(toServerConfig({}), { config: { rules: {}, codes: {} }, problems: [] });
    assert.deepEqual(toServerConfig({ rules: null, codes: undefined, yaml: { statusKeys: null } }).config, {
      rules: {},
      codes: {},
    });
  });

  it('sends no status keys where none is set, so the workspace file keeps its own', () => {
    assert.deepEqual(toServerConfig({ yaml: { statusKeys: [] } }).config, { rules: {}, codes: {} });
  });

  it('maps every setting onto the server shape', () => {
    const { config, problems } = toServerConfig({
      rules: { 'missing-header': 'warning', 'use-status-constant': 'off', 'a-future-rule': 'hint' },
      codes: { '499': 'Client Closed Request', ' 599 ': ' Network Connect Timeout ' },
      yaml: { statusKeys: ['want_code', ' expect_status ', 'want_code'] },
      limits: { maxDocumentSize: 1048576, analysisTimeout: ' 1m30s ' },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      rules: { 'missing-header': 'warning', 'use-status-constant': 'off', 'a-future-rule': 'hint' },
      codes: { '499': 'Client Closed Request', '599': 'Network Connect Timeout' },
      yaml: { statusKeys: ['want_code', 'expect_status'] },
      limits: { maxDocumentSize: 1048576, analysisTimeout: '1m30s' },
    });
    // Exactly the JSON the server decodes (internal/config.Config).
    assert.equal(
      JSON.stringify(config),
      '{"rules":{"missing-header":"warning","use-status-constant":"off","a-future-rule":"hint"},' +
        '"codes":{"499":"Client Closed Request","599":"Network Connect Timeout"},' +
        '"yaml":{"statusKeys":["want_code","expect_status"]},' +
        '"limits":{"maxDocumentSize":1048576,"analysisTimeout":"1m30s"}}',
    );
  });

  it('sends only the limits the user set', () => {
    for (const limits of [undefined, null, {}, { maxDocumentSize: 0, analysisTimeout: '' }, { maxDocumentSize: null, analysisTimeout: '  ' }]) {
      const { config, problems } = toServerConfig({ limits });
      assert.deepEqual(problems, [], JSON.stringify(limits));
      assert.ok(!('limits' in config), `${JSON.stringify(limits)} sent ${JSON.stringify(config.limits)}`);
    }
    assert.equal(JSON.stringify(toServerConfig({ limits: { maxDocumentSize: 300, analysisTimeout: '' } }).config.limits), '{"maxDocumentSize":300}');
    assert.equal(JSON.stringify(toServerConfig({ limits: { maxDocumentSize: 0, analysisTimeout: '500ms' } }).config.limits), '{"analysisTimeout":"500ms"}');
  });

  it('takes an analysisTimeout that Go reads as a duration above zero', () => {
    for (const d of GO_DURATIONS_ABOVE_ZERO) {
      assert.deepEqual(toServerConfig({ limits: { analysisTimeout: d } }), { config: { rules: {}, codes: {}, limits: { analysisTimeout: d } }, problems: [] }, d);
    }
    for (const d of [...NOT_GO_DURATIONS, ...GO_DURATIONS_NOT_ABOVE_ZERO]) {
      const { config, problems } = toServerConfig({ limits: { analysisTimeout: d } });
      assert.ok(!('limits' in config), `${d} sent as ${JSON.stringify(config.limits)}`);
      assert.deepEqual(problems, [`httpcodeLsp.limits.analysisTimeout: ${JSON.stringify(d)} is not a Go duration above zero such as "10s" or "1m30s"`]);
    }
  });

  it('drops limits the server would reject, and says why', () => {
    for (const size of [-1, 1.5, '1000', Number.MAX_SAFE_INTEGER + 1, true]) {
      const { config, problems } = toServerConfig({ limits: { maxDocumentSize: size, analysisTimeout: '30s' } });
      assert.deepEqual(config.limits, { analysisTimeout: '30s' }, String(size));
      assert.deepEqual(problems, [`httpcodeLsp.limits.maxDocumentSize: ${JSON.stringify(size)} is not a size in bytes (a whole number, 0 for the default)`]);
    }
    const { config, problems } = toServerConfig({ limits: { maxDocumentSize: 300, analysisTimeout: 10 } });
    assert.deepEqual(config.limits, { maxDocumentSize: 300 });
    assert.equal(problems.length, 1);
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
    assert.deepEqual(config, { rules: {}, codes: {} });
    assert.equal(problems.length, 3);
  });
});

describe('didChangeConfigurationParams', () => {
  it('nests the configuration under httpcodeLsp', () => {
    const config = toServerConfig({ rules: { 'missing-header': 'off' } }).config;
    assert.deepEqual(didChangeConfigurationParams(config), {
      settings: { httpcodeLsp: { rules: { 'missing-header': 'off' }, codes: {} } },
    });
  });
});

describe('removedKeys', () => {
  const initial = toServerConfig({ rules: { a: 'off', b: 'hint' }, codes: { '499': 'x' }, yaml: { statusKeys: ['k'] } }).config;
  it('is empty when keys are only added or changed', () => {
    assert.deepEqual(removedKeys(initial, toServerConfig({ rules: { a: 'error', b: 'hint', c: 'off' }, codes: { '499': 'y', '420': 'z' }, yaml: { statusKeys: ['k', 'l'] } }).config), []);
  });
  it('lists the rules, codes and status keys no longer set', () => {
    assert.deepEqual(removedKeys(initial, toServerConfig({ rules: { b: 'hint' } }).config), ['rules.a', 'codes.499', 'yaml.statusKeys']);
  });
  it('takes a new list of status keys as a change: the server replaces the list whole', () => {
    assert.deepEqual(removedKeys(initial, toServerConfig({ rules: { a: 'off', b: 'hint' }, codes: { '499': 'x' }, yaml: { statusKeys: ['other'] } }).config), []);
  });
  it('lists the limits no longer set, 0 and "" included', () => {
    const limited = toServerConfig({ limits: { maxDocumentSize: 300, analysisTimeout: '30s' } }).config;
    assert.deepEqual(removedKeys(limited, toServerConfig({ limits: { maxDocumentSize: 1000, analysisTimeout: '1m' } }).config), []);
    assert.deepEqual(removedKeys(limited, toServerConfig({ limits: { maxDocumentSize: 0, analysisTimeout: '30s' } }).config), ['limits.maxDocumentSize']);
    assert.deepEqual(removedKeys(limited, toServerConfig({}).config), ['limits.maxDocumentSize', 'limits.analysisTimeout']);
    assert.deepEqual(removedKeys(initial, limited), ['rules.a', 'rules.b', 'codes.499', 'yaml.statusKeys']);
  });
});

describe('package.json', () => {
  const props = manifest.contributes.configuration.properties;

  it('declares the settings the extension reads', () => {
    for (const key of [
      'httpcodeLsp.server.path',
      'httpcodeLsp.rules',
      'httpcodeLsp.codes',
      'httpcodeLsp.yaml.statusKeys',
      'httpcodeLsp.limits.maxDocumentSize',
      'httpcodeLsp.limits.analysisTimeout',
      'httpcodeLsp.trace.server',
    ]) {
      assert.ok(props[key], key);
    }
    assert.deepEqual(props['httpcodeLsp.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.deepEqual(props['httpcodeLsp.rules'].definitions.severity.enum, [...SEVERITIES]);
  });

  it("declares the limits' defaults as unset, and a pattern that accepts every duration the server takes", () => {
    const size = props['httpcodeLsp.limits.maxDocumentSize'];
    const timeout = props['httpcodeLsp.limits.analysisTimeout'];
    assert.deepEqual([size.type, size.minimum, timeout.type], ['integer', 0, 'string']);
    assert.ok(!('limits' in toServerConfig({ limits: { maxDocumentSize: size.default, analysisTimeout: timeout.default } }).config));
    // Schema validators differ on the u flag; the pattern reads the same either way.
    for (const pattern of [new RegExp(timeout.pattern), new RegExp(timeout.pattern, 'u')]) {
      for (const d of ['', ' 10s ', ...GO_DURATIONS_ABOVE_ZERO]) assert.ok(pattern.test(d), `${pattern} refuses ${JSON.stringify(d)}`);
      for (const d of NOT_GO_DURATIONS) assert.ok(!pattern.test(d), `${pattern} accepts ${JSON.stringify(d)}`);
    }
  });

  it('lists KNOWN_RULES in the rules schema', () => {
    assert.deepEqual(Object.keys(props['httpcodeLsp.rules'].properties).sort(), [...KNOWN_RULES].sort());
  });

  it('knows every rule of the server (internal/lint/rule_*.go)', (t) => {
    const lintDir = path.join(EXT_DIR, '..', '..', 'internal', 'lint');
    if (!fs.existsSync(path.join(lintDir, 'registry.go'))) {
      t.skip('not inside the httpcode-lsp repository');
      return;
    }
    const ids = fs
      .readdirSync(lintDir)
      .filter((f) => /^rule_.*\.go$/.test(f) && !f.endsWith('_test.go'))
      // A rule names its ID in its literal (ID: "x") or in a constant beside it
      // (const xID = "x", for the other code that reports under it).
      .flatMap((f) =>
        [...fs.readFileSync(path.join(lintDir, f), 'utf8').matchAll(/^\s*ID:\s*"([a-z0-9-]+)"|^const \w+ID = "([a-z0-9-]+)"/gm)].map(
          (m) => m[1] ?? m[2],
        ),
      );
    assert.ok(ids.length > 0, 'no rule IDs found in internal/lint/rule_*.go');
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

describe('serverArgs', () => {
  it('passes the log level setting as --log-level', () => {
    assert.deepEqual(serverArgs('debug'), { args: ['--log-level', 'debug'] });
    assert.deepEqual(serverArgs(' WARN '), { args: ['--log-level', 'warn'] });
    assert.deepEqual(serverArgs(undefined), {
      args: ['--log-level', 'info'],
      problem: 'httpcodeLsp.server.logLevel: undefined is not one of debug, info, warn, error',
    });
    assert.equal(serverArgs('loud').problem, 'httpcodeLsp.server.logLevel: "loud" is not one of debug, info, warn, error');
  });

  it('offers in package.json the levels the server takes', () => {
    const setting = manifest.contributes.configuration.properties['httpcodeLsp.server.logLevel'];
    assert.deepEqual(setting.enum, [...LOG_LEVELS]);
    assert.equal(setting.default, 'info');
  });
});
