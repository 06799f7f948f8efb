// logs.ts sorts the server's stderr lines (zap's console format:
// "<time>\t<LEVEL>\t[<logger>\t]<message>\t{<fields>}") by level for the
// output channel, which adds its own time stamp. Pure, unit-tested.

export type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';

const ZAP_LEVELS: Record<string, Level> = {
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
  DPANIC: 'error',
  PANIC: 'error',
  FATAL: 'error',
};

/**
 * serverLogLine returns a stderr line's level and its text without zap's
 * time stamp. A line in another shape (a Go panic's stack, a flag error) is
 * an error, kept whole.
 */
export function serverLogLine(line: string): { level: Level; text: string } {
  const fields = line.split('\t');
  if (fields.length >= 3 && /^\d{4}-\d\d-\d\dT/.test(fields[0])) {
    const level = ZAP_LEVELS[fields[1]];
    if (level !== undefined) return { level, text: fields.slice(2).join('\t') };
  }
  return { level: 'error', text: line };
}
