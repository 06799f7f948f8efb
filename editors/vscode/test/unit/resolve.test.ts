// Unit tests of resolve.ts with a fake file system and environment.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandPath, findOnPath, INSTALL_COMMAND, resolveServer, type Host } from '../../src/resolve';

/** A host whose executables are exactly `files`. */
function host(platform: NodeJS.Platform, env: Record<string, string>, files: string[], extra: Partial<Host> = {}): Host {
  const set = new Set(files);
  return { platform, env, homedir: platform === 'win32' ? 'C:\\Users\\me' : '/home/me', isExecutable: (p) => set.has(p), ...extra };
}

const EXT = '/ext/httpcode-lsp-0.1.0';
const WIN_EXT = 'C:\\Users\\me\\.vscode\\extensions\\httpcode-lsp-0.1.0';

describe('resolveServer', () => {
  it('prefers the httpcodeLsp.server.path setting', () => {
    const h = host('linux', { PATH: '/usr/bin' }, ['/opt/hl/httpcode-lsp', `${EXT}/server/httpcode-lsp`, '/usr/bin/httpcode-lsp']);
    assert.deepEqual(resolveServer({ configuredPath: '/opt/hl/httpcode-lsp', extensionPath: EXT }, h), {
      ok: true,
      path: '/opt/hl/httpcode-lsp',
      source: 'setting',
    });
  });

  it('takes the bundled binary when the setting is empty', () => {
    const h = host('linux', { PATH: '/usr/bin' }, [`${EXT}/server/httpcode-lsp`, '/usr/bin/httpcode-lsp']);
    for (const configuredPath of [undefined, '', '   ']) {
      assert.deepEqual(resolveServer({ configuredPath, extensionPath: EXT }, h), {
        ok: true,
        path: `${EXT}/server/httpcode-lsp`,
        source: 'bundled',
      });
    }
  });

  it('falls back to PATH, in PATH order, skipping empty entries', () => {
    const h = host('darwin', { PATH: ':/usr/local/bin:/home/me/go/bin:/usr/bin' }, ['/home/me/go/bin/httpcode-lsp', '/usr/bin/httpcode-lsp', 'httpcode-lsp']);
    assert.deepEqual(resolveServer({ extensionPath: EXT }, h), { ok: true, path: '/home/me/go/bin/httpcode-lsp', source: 'path' });
  });

  it('uses the .exe names and ; separated Path on Windows', () => {
    const h = host('win32', { Path: 'C:\\Windows;"C:\\Users\\me\\go\\bin"', PATHEXT: '.COM;.EXE;.BAT' }, ['C:\\Users\\me\\go\\bin\\httpcode-lsp.exe']);
    assert.deepEqual(resolveServer({ extensionPath: WIN_EXT }, h), { ok: true, path: 'C:\\Users\\me\\go\\bin\\httpcode-lsp.exe', source: 'path' });
    const bundled = host('win32', { Path: 'C:\\Windows' }, [`${WIN_EXT}\\server\\httpcode-lsp.exe`]);
    assert.deepEqual(resolveServer({ extensionPath: WIN_EXT }, bundled), { ok: true, path: `${WIN_EXT}\\server\\httpcode-lsp.exe`, source: 'bundled' });
  });

  it('makes a bundled binary that lost its mode executable', () => {
    const files: string[] = [];
    const fixed: string[] = [];
    const h = host('linux', { PATH: '/usr/bin' }, files, {
      isExecutable: (p) => files.includes(p),
      tryMakeExecutable: (p) => {
        fixed.push(p);
        if (p !== `${EXT}/server/httpcode-lsp`) return false;
        files.push(p);
        return true;
      },
    });
    assert.deepEqual(resolveServer({ extensionPath: EXT }, h), { ok: true, path: `${EXT}/server/httpcode-lsp`, source: 'bundled' });
    assert.deepEqual(fixed, [`${EXT}/server/httpcode-lsp`], 'only the bundled binary is touched');
  });

  it('reports a configured path that is not executable instead of falling back', () => {
    const h = host('linux', { PATH: '/usr/bin' }, ['/usr/bin/httpcode-lsp']);
    const r = resolveServer({ configuredPath: '~/bin/httpcode-lsp', extensionPath: EXT }, h);
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.deepEqual(r.tried, ['/home/me/bin/httpcode-lsp']);
    assert.match(r.message, /httpcodeLsp\.server\.path/);
    assert.match(r.message, /\/home\/me\/bin\/httpcode-lsp/);
  });

  it('names both fixes when nothing is found', () => {
    const h = host('linux', { PATH: '/usr/local/bin:/usr/bin' }, []);
    const r = resolveServer({ extensionPath: EXT }, h);
    assert.ok(!r.ok);
    assert.ok(r.message.includes(INSTALL_COMMAND), r.message);
    assert.equal(INSTALL_COMMAND, 'go install github.com/httpcode-lsp/httpcode-lsp/cmd/httpcode-lsp@latest');
    assert.match(r.message, /set httpcodeLsp\.server\.path/);
    assert.deepEqual(r.tried, [`${EXT}/server/httpcode-lsp`, '/usr/local/bin/httpcode-lsp', '/usr/bin/httpcode-lsp']);
  });

  it('copes with no PATH at all', () => {
    assert.equal(findOnPath(host('linux', {}, ['/usr/bin/httpcode-lsp'])), undefined);
    assert.equal(resolveServer({ extensionPath: EXT }, host('linux', {}, [])).ok, false);
  });
});

describe('expandPath', () => {
  const h = host('linux', {}, []);
  it('expands ~, ${userHome} and ${workspaceFolder}', () => {
    assert.equal(expandPath('~', h), '/home/me');
    assert.equal(expandPath('~/go/bin/httpcode-lsp', h), '/home/me/go/bin/httpcode-lsp');
    assert.equal(expandPath('${userHome}/bin/x', h), '/home/me/bin/x');
    assert.equal(expandPath('${workspaceFolder}/bin/x', h, '/src/api'), '/src/api/bin/x');
  });
  it('resolves a relative path against the workspace folder', () => {
    assert.equal(expandPath('bin/httpcode-lsp', h, '/src/api'), '/src/api/bin/httpcode-lsp');
    assert.equal(expandPath('bin/httpcode-lsp', h), 'bin/httpcode-lsp');
    assert.equal(expandPath(' /abs/x ', h, '/src/api'), '/abs/x');
  });
  it('handles Windows paths', () => {
    const w = host('win32', {}, []);
    assert.equal(expandPath('~\\go\\bin\\httpcode-lsp.exe', w), 'C:\\Users\\me\\go\\bin\\httpcode-lsp.exe');
    assert.equal(expandPath('tools\\httpcode-lsp.exe', w, 'D:\\src\\api'), 'D:\\src\\api\\tools\\httpcode-lsp.exe');
    assert.equal(expandPath('D:\\tools\\httpcode-lsp.exe', w, 'C:\\x'), 'D:\\tools\\httpcode-lsp.exe');
  });
});
