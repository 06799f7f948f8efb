// settings.ts maps the extension's `httpcodeLsp.*` settings onto the
// server's configuration shape — the one `.httpcode-lsp.yaml`,
// initializationOptions and workspace/didChangeConfiguration share:
//
//   {"rules": {"<rule-id>": "error|warning|info|hint|off"},
//    "codes": {"499": "Client Closed Request"},
//    "yaml": {"statusKeys": ["want_code"]}}
//
// It is pure (no `vscode` import) so that it can be unit-tested in Node.

/** The values a rule's severity may take. */
export const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * The rule IDs this extension's settings schema knows (package.json lists
 * the same). A test keeps them in step with internal/lint/rules.go. Rule IDs
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
  'missing-header',
  'method-status-mismatch',
  'missing-not-found',
  'missing-validation-error',
  'accepted-without-body',
  'redirect-method-change',
  'description-mismatch',
  'use-status-constant',
] as const;

/** The server's configuration, as sent to it. */
export interface ServerConfig {
  rules: Record<string, Severity>;
  codes: Record<string, string>;
  yaml: { statusKeys: string[] };
}

/** The settings as read from VS Code (`httpcodeLsp.rules` etc.), untrusted. */
export interface RawSettings {
  rules?: unknown;
  codes?: unknown;
  yaml?: { statusKeys?: unknown } | unknown;
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

/**
 * toServerConfig maps raw settings onto the server's shape. Entries the
 * server would reject — and with them the whole settings object, keeping
 * the previous ones — are dropped here and reported in `problems` instead:
 * a severity that is not one of SEVERITIES, a code key that is not a
 * number from 100 to 999 or has no phrase, an empty status key.
 * Severities are case-insensitive; keys and phrases are trimmed; status
 * keys are de-duplicated, first one wins.
 */
export function toServerConfig(raw: RawSettings): Mapped {
  const problems: string[] = [];
  const config: ServerConfig = { rules: {}, codes: {}, yaml: { statusKeys: [] } };

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
      for (const k of keys) {
        const key = typeof k === 'string' ? k.trim() : '';
        if (key === '') {
          problems.push(`httpcodeLsp.yaml.statusKeys: ${JSON.stringify(k)} is not a key`);
        } else if (!config.yaml.statusKeys.includes(key)) {
          config.yaml.statusKeys.push(key);
        }
      }
    }
  }
  return { config, problems };
}

/** The params of workspace/didChangeConfiguration for a configuration. */
export function didChangeConfigurationParams(config: ServerConfig): { settings: Record<string, ServerConfig> } {
  return { settings: { [SECTION]: config } };
}

/**
 * removedKeys lists the rule IDs and codes that were in the configuration
 * sent at initialize and are no longer configured. The server merges
 * didChangeConfiguration over initializationOptions key by key, so a key
 * that disappears cannot be reset by a notification; the extension
 * restarts the server (with fresh initializationOptions) instead.
 */
export function removedKeys(initial: ServerConfig, next: ServerConfig): string[] {
  const out: string[] = [];
  for (const id of Object.keys(initial.rules)) {
    if (!(id in next.rules)) out.push(`rules.${id}`);
  }
  for (const code of Object.keys(initial.codes)) {
    if (!(code in next.codes)) out.push(`codes.${code}`);
  }
  return out;
}
