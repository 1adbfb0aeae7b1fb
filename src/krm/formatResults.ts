/** Results as lines a person reads in a terminal or CI log (files mode, Helm post-renderer), one line each, control characters escaped. */
import type { Result } from './result';
import { printable } from '../printable';

export function formatResult(r: Result): string {
  const where = [r.file ? `${r.file.path}${r.file.index === undefined ? '' : `[${r.file.index}]`}` : undefined, r.field].filter(Boolean).join(' ');
  return printable(`${r.severity}: ${r.message}${where ? ` (${where})` : ''}`);
}

export const formatResults = (results: readonly Result[]): string => results.map((r) => `${formatResult(r)}\n`).join('');
