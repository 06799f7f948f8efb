// resolve.ts finds the httpcode-lsp binary to start: the
// `httpcodeLsp.server.path` setting, else the binary shipped inside a
// platform-specific package (server/httpcode-lsp[.exe]), else
// `httpcode-lsp` on PATH. It is pure — the file system, environment and
// platform come in through `Host` — so that it can be unit-tested in Node.

import * as nodePath from 'path';

/** The binary's name without extension. */
export const BINARY = 'httpcode-lsp';

/** The command that installs the server, for the error message. */
export const INSTALL_COMMAND = 'go install github.com/httpcode-lsp/httpcode-lsp/cmd/httpcode-lsp@latest';

/** What resolution needs from the machine. */
export interface Host {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homedir: string;
  /** Whether path names an existing regular file this process may execute. */
  isExecutable(path: string): boolean;
  /**
   * Sets the executable bits of a file that exists but lacks them, and
   * reports success; used for the bundled binary only, in case an unzip
   * lost its mode. Optional.
   */
  tryMakeExecutable?(path: string): boolean;
}

export interface ResolveOptions {
  /** The `httpcodeLsp.server.path` setting ("" or undefined when unset). */
  configuredPath?: string;
  /** The extension's install directory (context.extensionPath). */
  extensionPath: string;
  /** The first workspace folder's directory, for relative paths. */
  workspaceFolder?: string;
}

export type Source = 'setting' | 'bundled' | 'path';

export type Resolution =
  | { ok: true; path: string; source: Source }
  | { ok: false; message: string; tried: string[] };

function pathApi(platform: NodeJS.Platform): nodePath.PlatformPath {
  return platform === 'win32' ? nodePath.win32 : nodePath.posix;
}

/** The binary's file name on a platform. */
export function binaryName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? `${BINARY}.exe` : BINARY;
}

/**
 * expandPath expands a leading `~` and `${workspaceFolder}` / `${userHome}`
 * in a configured path, and makes a relative path absolute against the
 * workspace folder. A relative path with no workspace folder stays as it is.
 */
export function expandPath(p: string, host: Host, workspaceFolder?: string): string {
  const api = pathApi(host.platform);
  let out = p.trim();
  out = out.replace(/\$\{userHome\}/g, host.homedir);
  if (workspaceFolder !== undefined) {
    out = out.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  }
  if (out === '~') {
    out = host.homedir;
  } else if (out.startsWith('~/') || (host.platform === 'win32' && out.startsWith('~\\'))) {
    out = api.join(host.homedir, out.slice(2));
  }
  if (!api.isAbsolute(out) && workspaceFolder !== undefined) {
    out = api.join(workspaceFolder, out);
  }
  return out;
}

/** Candidate file names for a bare command on PATH (PATHEXT on Windows). */
function executableNames(host: Host): string[] {
  if (host.platform !== 'win32') return [BINARY];
  const pathext = (host.env.PATHEXT ?? host.env.Pathext ?? '.COM;.EXE;.BAT;.CMD')
    .split(';')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  // The server is a Go binary; .exe first whatever PATHEXT's order.
  const exts = ['.exe', ...pathext.map((e) => e.toLowerCase()).filter((e) => e !== '.exe')];
  return exts.map((e) => BINARY + e);
}

/** findOnPath looks `httpcode-lsp` up in PATH like a shell would. */
export function findOnPath(host: Host, tried: string[] = []): string | undefined {
  const api = pathApi(host.platform);
  // Windows spells it Path; environment keys are case-insensitive there.
  const pathVar =
    host.platform === 'win32'
      ? Object.entries(host.env).find(([k]) => k.toUpperCase() === 'PATH')?.[1]
      : host.env.PATH;
  if (!pathVar) return undefined;
  for (const rawDir of pathVar.split(api.delimiter)) {
    const dir = host.platform === 'win32' ? rawDir.replace(/^"(.*)"$/, '$1') : rawDir;
    if (dir === '') continue; // an empty entry means ".", which a server must not depend on
    for (const name of executableNames(host)) {
      const candidate = api.join(dir, name);
      tried.push(candidate);
      if (host.isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * resolveServer picks the binary. A configured path that does not name an
 * executable is an error (not a silent fallback): the user asked for it.
 */
export function resolveServer(opts: ResolveOptions, host: Host): Resolution {
  const api = pathApi(host.platform);
  const tried: string[] = [];
  const configured = opts.configuredPath?.trim() ?? '';
  if (configured !== '') {
    const p = expandPath(configured, host, opts.workspaceFolder);
    if (host.isExecutable(p)) return { ok: true, path: p, source: 'setting' };
    return {
      ok: false,
      tried: [p],
      message:
        `httpcode-lsp: the httpcodeLsp.server.path setting names ${p}, which is not an executable file. ` +
        `Fix the setting, or clear it to use the bundled binary or httpcode-lsp on PATH ` +
        `(install it with \`${INSTALL_COMMAND}\`).`,
    };
  }

  const bundled = api.join(opts.extensionPath, 'server', binaryName(host.platform));
  tried.push(bundled);
  if (host.isExecutable(bundled) || (host.tryMakeExecutable?.(bundled) && host.isExecutable(bundled))) {
    return { ok: true, path: bundled, source: 'bundled' };
  }

  const onPath = findOnPath(host, tried);
  if (onPath !== undefined) return { ok: true, path: onPath, source: 'path' };

  return {
    ok: false,
    tried,
    message:
      `httpcode-lsp: the language server binary was not found (not bundled with this extension, not on PATH). ` +
      `Install it with \`${INSTALL_COMMAND}\` and make sure Go's bin directory is on PATH, ` +
      `or set httpcodeLsp.server.path to the binary.`,
  };
}
