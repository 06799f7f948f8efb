// host.ts is resolve.ts's Host on the real machine.

import * as fs from 'fs';
import * as os from 'os';
import type { Host } from './resolve';

export function nodeHost(): Host {
  return {
    platform: process.platform,
    env: process.env,
    homedir: os.homedir(),
    isExecutable(p: string): boolean {
      try {
        if (!fs.statSync(p).isFile()) return false;
        if (process.platform !== 'win32') fs.accessSync(p, fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    tryMakeExecutable(p: string): boolean {
      if (process.platform === 'win32') return false;
      try {
        const st = fs.statSync(p);
        if (!st.isFile()) return false;
        fs.chmodSync(p, st.mode | 0o111);
        return true;
      } catch {
        return false;
      }
    },
  };
}
