/** Results as lines a person reads in a terminal or CI log (files mode, Helm post-renderer), one line each, control characters escaped. */
import type { Result } from './result';
import { printable } from '../printable';

/** `lineOf` turns a document index into a line of the file, where the caller has the text (files mode). */
export function formatResult(r: Result, lineOf?: (r: Result) => number | undefined): string {
  const line = r.file && lineOf?.(r);
  const at = line ? `:${line}` : r.file?.index === undefined ? '' : `[${r.file.index}]`;
  const where = [r.file ? `${r.file.path}${at}` : undefined, r.field].filter(Boolean).join(' ');
  return printable(`${r.severity}: ${r.message}${where ? ` (${where})` : ''}`);
}

export const formatResults = (results: readonly Result[], lineOf?: (r: Result) => number | undefined): string =>
  results.map((r) => `${formatResult(r, lineOf)}\n`).join('');
