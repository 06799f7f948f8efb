// settings.ts maps the extension's `httpcodeLsp.*` settings onto the
// server's configuration shape — the one `.httpcode-lsp.yaml`,
// initializationOptions and workspace/didChangeConfiguration share:
//
//   {"rules": {"<rule-id>": "error|warning|info|hint|off"},
//    "codes": {"499": "Client Closed Request"},
//    "yaml": {"statusKeys": ["want_code"]},
//    "limits": {"maxDocumentSize": 16777216, "analysisTimeout": "10s"}}
//
// It is pure (no `vscode` import) so that it can be unit-tested in Node.

/** The values a rule's severity may take. */
export const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * The rule IDs this extension's settings schema knows (package.json lists
 * the same). A test keeps them in step with internal/lint/rule_*.go. Rule IDs
 * not in this list are still passed on: the server is the authority on its
 * rules, and a newer binary may have more.
 */
export const KNOWN_RULES = [
  'invalid-status-code',
  'unquoted-status-code',
  'unknown-status-code',
  'deprecated-status-code',
  'no-success-response',
  'body-not-allowed',
  'status-written-twice',
  'status-after-body',
  'header-after-write',
  'redirect-status',
  'missing-header',
  'method-status-mismatch',
  'missing-not-found',
  'missing-validation-error',
  'no-client-error-response',
  'accepted-without-body',
  'redirect-method-change',
  'description-mismatch',
  'use-status-constant',
  'undocumented-status',
  'unsent-status',
  'operation-without-handler',
  'route-without-operation',
  'swaggo-unlisted-status',
  'swaggo-unsent-status',
  'swaggo-router-mismatch',
] as const;

/** The server's configuration, as sent to it. */
export interface ServerConfig {
  rules: Record<string, Severity>;
  codes: Record<string, string>;
  /** Only when the user set status keys: the server's list is replaced
   * whole, and an empty one would hide the workspace file's keys. */
  yaml?: { statusKeys: string[] };
  /** Only the limits the user set; absent when none is. */
  limits?: Limits;
}

/** The server's limits per file; an absent one is the server's default. */
export interface Limits {
  /** Bytes above which a file is not analysed. */
  maxDocumentSize?: number;
  /** How long requests wait for a file's analysis, as a Go duration. */
  analysisTimeout?: string;
}

/** The settings as read from VS Code (`httpcodeLsp.rules` etc.), untrusted. */
export interface RawSettings {
  rules?: unknown;
  codes?: unknown;
  yaml?: { statusKeys?: unknown } | unknown;
  limits?: { maxDocumentSize?: unknown; analysisTimeout?: unknown } | unknown;
}

/** The mapped configuration and the entries that were dropped, and why. */
export interface Mapped {
  config: ServerConfig;
  problems: string[];
}

/** The section the server looks for in didChangeConfiguration settings. */
export const SECTION = 'httpcodeLsp';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Nanoseconds per unit of a Go duration. */
const DURATION_UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 MICRO SIGN
  'μs': 1_000n, // U+03BC GREEK SMALL LETTER MU
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const DURATION_PART = /([0-9]*)(?:\.([0-9]*))?(ns|us|µs|μs|ms|s|m|h)/y;
const TWO_TO_63 = 1n << 63n;

/**
 * isPositiveDuration reports whether Go's time.ParseDuration reads s as
 * more than zero, as the server requires of limits.analysisTimeout: an
 * optional "+", then numbers with an optional fraction, each followed by
 * its unit ("10s", "1h30m", "1.5s", "300ms"), at most 2^63-1 ns in all.
 * Fractions are converted as ParseDuration converts them, so that a
 * fraction of a nanosecond counts as nothing there and here alike.
 */
function isPositiveDuration(s: string): boolean {
  const text = s.startsWith('+') ? s.slice(1) : s;
  let total = 0n;
  for (let at = 0; at < text.length; at = DURATION_PART.lastIndex) {
    DURATION_PART.lastIndex = at;
    const m = DURATION_PART.exec(text);
    if (m === null || (m[1] === '' && (m[2] ?? '') === '')) return false;
    const [, whole, fraction = '', unitName] = m;
    const unit = DURATION_UNITS[unitName];
    total += BigInt(whole || '0') * unit;
    // ParseDuration keeps the fraction's leading digits while they fit in
    // 63 bits, then adds float64(f) * (float64(unit) / scale), truncated.
    let f = 0n;
    let scale = 1;
    for (const digit of fraction) {
      const next = f * 10n + BigInt(digit);
      if (f > (TWO_TO_63 - 1n) / 10n || next > TWO_TO_63) break;
      f = next;
      scale *= 10;
    }
    total += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
  }
  return total > 0n && total < TWO_TO_63;
}

/**
 * toServerConfig maps raw settings onto the server's shape. Entries the
 * server would reject — and with them the whole settings object, keeping
 * the previous ones — are dropped here and reported in `problems` instead:
 * a severity that is not one of SEVERITIES, a code key that is not a
 * number from 100 to 999 or has no phrase, an empty status key, a
 * maxDocumentSize that is not a whole number of bytes, an analysisTimeout
 * that is not a Go duration above zero. Severities are case-insensitive;
 * keys, phrases and durations are trimmed; status keys are de-duplicated,
 * first one wins. A limit left at 0 or "" (the settings' defaults) is not
 * sent, so that the server's default or the workspace's file decides.
 */
export function toServerConfig(raw: RawSettings): Mapped {
  const problems: string[] = [];
  const config: ServerConfig = { rules: {}, codes: {} };

  if (raw.rules !== undefined && raw.rules !== null) {
    if (!isObject(raw.rules)) {
      problems.push('httpcodeLsp.rules must be an object of rule ID to severity');
    } else {
      for (const [key, value] of Object.entries(raw.rules)) {
        const id = key.trim();
        const severity = typeof value === 'string' ? value.trim().toLowerCase() : value;
        if (id === '') {
          problems.push('httpcodeLsp.rules: empty rule ID');
        } else if (typeof severity !== 'string' || !(SEVERITIES as readonly string[]).includes(severity)) {
          problems.push(`httpcodeLsp.rules: ${id}: severity ${JSON.stringify(value)} is not one of ${SEVERITIES.join(', ')}`);
        } else {
          config.rules[id] = severity as Severity;
        }
      }
    }
  }

  if (raw.codes !== undefined && raw.codes !== null) {
    if (!isObject(raw.codes)) {
      problems.push('httpcodeLsp.codes must be an object of status code to reason phrase');
    } else {
      for (const [key, value] of Object.entries(raw.codes)) {
        const code = key.trim();
        const n = Number(code);
        const phrase = typeof value === 'string' ? value.trim() : '';
        if (!/^[0-9]+$/.test(code) || n < 100 || n > 999) {
          problems.push(`httpcodeLsp.codes: ${JSON.stringify(key)} is not a status code from 100 to 999`);
        } else if (phrase === '') {
          problems.push(`httpcodeLsp.codes: ${code} has no reason phrase`);
        } else {
          config.codes[String(n)] = phrase;
        }
      }
    }
  }

  const yaml = raw.yaml;
  const keys = isObject(yaml) ? yaml.statusKeys : undefined;
  if (keys !== undefined && keys !== null) {
    if (!Array.isArray(keys)) {
      problems.push('httpcodeLsp.yaml.statusKeys must be an array of keys');
    } else {
      const statusKeys: string[] = [];
      for (const k of keys) {
        const key = typeof k === 'string' ? k.trim() : '';
        if (key === '') {
          problems.push(`httpcodeLsp.yaml.statusKeys: ${JSON.stringify(k)} is not a key`);
        } else if (!statusKeys.includes(key)) {
          statusKeys.push(key);
        }
      }
      if (statusKeys.length > 0) config.yaml = { statusKeys };
    }
  }

  const limits: Limits = {};
  const size = isObject(raw.limits) ? raw.limits.maxDocumentSize : undefined;
  if (size !== undefined && size !== null && size !== 0) {
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
      problems.push(`httpcodeLsp.limits.maxDocumentSize: ${JSON.stringify(size)} is not a size in bytes (a whole number, 0 for the default)`);
    } else {
      limits.maxDocumentSize = size;
    }
  }
  const timeout = isObject(raw.limits) ? raw.limits.analysisTimeout : undefined;
  const duration = typeof timeout === 'string' ? timeout.trim() : timeout;
  if (duration !== undefined && duration !== null && duration !== '') {
    if (typeof duration !== 'string' || !isPositiveDuration(duration)) {
      problems.push(`httpcodeLsp.limits.analysisTimeout: ${JSON.stringify(timeout)} is not a Go duration above zero such as "10s" or "1m30s"`);
    } else {
      limits.analysisTimeout = duration;
    }
  }
  if (Object.keys(limits).length > 0) config.limits = limits;
  return { config, problems };
}

/** The params of workspace/didChangeConfiguration for a configuration. */
export function didChangeConfigurationParams(config: ServerConfig): { settings: Record<string, ServerConfig> } {
  return { settings: { [SECTION]: config } };
}

/**
 * removedKeys lists the rule IDs, codes, limits and status keys that were in the
 * configuration sent at initialize and are no longer configured. The
 * server merges didChangeConfiguration over initializationOptions key by
 * key, so a key that disappears cannot be reset by a notification; the
 * extension restarts the server (with fresh initializationOptions)
 * instead.
 */
export function removedKeys(initial: ServerConfig, next: ServerConfig): string[] {
  const out: string[] = [];
  for (const id of Object.keys(initial.rules)) {
    if (!(id in next.rules)) out.push(`rules.${id}`);
  }
  for (const code of Object.keys(initial.codes)) {
    if (!(code in next.codes)) out.push(`codes.${code}`);
  }
  for (const key of ['maxDocumentSize', 'analysisTimeout'] as const) {
    if (initial.limits?.[key] !== undefined && next.limits?.[key] === undefined) out.push(`limits.${key}`);
  }
  // A list is replaced whole by a new one, but none at all leaves the
  // initial list in force.
  if (initial.yaml !== undefined && next.yaml === undefined) out.push('yaml.statusKeys');
  return out;
}

/** The levels of the server's --log-level flag. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/**
 * serverArgs returns the server's command-line flags for the
 * httpcodeLsp.server.logLevel setting (the transport adds --stdio). A
 * level the server does not know is reported, and `info` used.
 */
export function serverArgs(logLevel: unknown): { args: string[]; problem?: string } {
  const level = typeof logLevel === 'string' ? logLevel.trim().toLowerCase() : logLevel;
  if (typeof level === 'string' && (LOG_LEVELS as readonly string[]).includes(level)) {
    return { args: ['--log-level', level] };
  }
  return {
    args: ['--log-level', 'info'],
    problem: `httpcodeLsp.server.logLevel: ${JSON.stringify(logLevel)} is not one of ${LOG_LEVELS.join(', ')}`,
  };
}
