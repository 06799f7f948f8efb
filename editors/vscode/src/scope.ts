// scope.ts decides which documents the server sees: the languages the
// httpcodeLsp.enable.* settings leave on, less the files the
// httpcodeLsp.exclude globs match. It is pure (no `vscode` import) so that
// it can be unit-tested in Node.

import * as path from 'path';
import { minimatch } from 'minimatch';
import type { Middleware } from 'vscode-languageclient';

/** The languages the server reads, each with its enable setting. */
export const LANGUAGES = ['go', 'yaml', 'json'] as const;

/** The scope as read from the settings, and the entries dropped. */
export interface Scope {
  languages: string[];
  exclude: string[];
  problems: string[];
}

/**
 * readScope maps `httpcodeLsp.enable.<language>` (true unless set to
 * false) and `httpcodeLsp.exclude` (an array of globs; an entry that is
 * not a non-empty string is dropped and reported).
 */
export function readScope(enable: Record<string, unknown>, exclude: unknown): Scope {
  const problems: string[] = [];
  const languages = LANGUAGES.filter((l) => enable[l] !== false);
  const globs: string[] = [];
  if (exclude !== undefined && exclude !== null) {
    if (!Array.isArray(exclude)) {
      problems.push('httpcodeLsp.exclude must be an array of glob patterns');
    } else {
      for (const g of exclude) {
        if (typeof g === 'string' && g.trim() !== '') globs.push(g.trim());
        else problems.push(`httpcodeLsp.exclude: ${JSON.stringify(g)} is not a glob pattern`);
      }
    }
  }
  return { languages, exclude: globs, problems };
}

/** The client's document selector: files and unsaved editors of the languages. */
export function documentSelector(scope: Scope): { scheme: string; language: string }[] {
  return scope.languages.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

// isExcluded reports whether a glob matches a file: its path relative to
// its workspace folder (`examples/*.yaml`), or its absolute path
// (`**/node_modules/**`), with `/` separators on every platform, dot
// files included. Globs follow minimatch, as files.exclude's do in the
// common cases: `*` stays within a directory, `**` crosses them, `{a,b}`
// alternates.
export function isExcluded(fsPath: string, folder: string | undefined, globs: string[]): boolean {
  if (globs.length === 0) return false;
  const slashed = (p: string) => p.split(path.sep).join('/');
  const candidates = [slashed(fsPath)];
  if (folder !== undefined) {
    const rel = path.relative(folder, fsPath);
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) candidates.push(slashed(rel));
  }
  return globs.some((g) => candidates.some((c) => minimatch(c, g, { dot: true })));
}

/** What the middleware needs of a document. */
interface Doc {
  uri: { scheme: string; fsPath: string };
}

/**
 * excludingMiddleware keeps an excluded document from the server: it is
 * never opened there, so the server neither analyses it nor publishes its
 * diagnostics, and no request about it is sent.
 */
export function excludingMiddleware(excluded: (doc: Doc) => boolean): Middleware {
  const skip = (doc: Doc) => doc.uri.scheme === 'file' && excluded(doc);
  return {
    didOpen: (doc, next) => (skip(doc) ? Promise.resolve() : next(doc)),
    didChange: (event, next) => (skip(event.document) ? Promise.resolve() : next(event)),
    didClose: (doc, next) => (skip(doc) ? Promise.resolve() : next(doc)),
    didSave: (doc, next) => (skip(doc) ? Promise.resolve() : next(doc)),
    willSave: (event, next) => (skip(event.document) ? Promise.resolve() : next(event)),
    willSaveWaitUntil: (event, next) => (skip(event.document) ? Promise.resolve([]) : next(event)),
    provideHover: (doc, position, token, next) => (skip(doc) ? undefined : next(doc, position, token)),
    provideCompletionItem: (doc, position, context, token, next) => (skip(doc) ? undefined : next(doc, position, context, token)),
    provideCodeActions: (doc, range, context, token, next) => (skip(doc) ? undefined : next(doc, range, context, token)),
    provideInlayHints: (doc, viewPort, token, next) => (skip(doc) ? undefined : next(doc, viewPort, token)),
  };
}
