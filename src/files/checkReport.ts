/**
 * What `files --check` prints, short enough to read in a CI log: per stale file a diff header, then for a new or
 * deleted file one line naming its resources, for a changed file its unified diff cut at a number of lines.
 */
import { parseAllDocuments } from 'yaml';
import type { FileChanges } from './planFiles';
import { unifiedDiff } from './unifiedDiff';
import { printable } from '../printable';

export interface CheckLimits {
  /** Diff lines shown per changed file, after its header. */
  readonly lines: number;
  /** Resources named per new or deleted file. */
  readonly names: number;
}

export const CHECK_LIMITS: CheckLimits = { lines: 40, names: 8 };

/** `Kind namespace/name` of every resource of a YAML stream; `?` for what it cannot tell. */
function resourcesOf(text: string): string[] {
  return parseAllDocuments(text).flatMap((doc) => {
    const value: unknown = doc.toJS();
    if (value === null || typeof value !== 'object') return [];
    const { kind, metadata } = value as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    const namespace = typeof metadata?.namespace === 'string' ? `${metadata.namespace}/` : '';
    return [`${typeof kind === 'string' ? kind : '?'} ${namespace}${typeof metadata?.name === 'string' ? metadata.name : '?'}`];
  });
}

function named(text: string, limits: CheckLimits): string {
  const names = resourcesOf(text);
  const shown = printable(names.slice(0, limits.names).join(', '));
  const more = names.length > limits.names ? `, … and ${names.length - limits.names} more` : '';
  return `${names.length} resource${names.length === 1 ? '' : 's'}${names.length > 0 ? `: ${shown}${more}` : ''}`;
}

function changed(path: string, before: string, after: string, limits: CheckLimits): string {
  const [header1 = '', header2 = '', ...body] = unifiedDiff(path, before, after).replace(/\n$/, '').split('\n');
  const shown = body.slice(0, limits.lines);
  const rest = body.length - shown.length;
  const note = rest > 0 ? [`… ${rest} more line${rest === 1 ? '' : 's'} of this file's diff`] : [];
  return [header1, header2, ...shown, ...note].map((line) => `${line}\n`).join('');
}

/** The report of every stale file, in the order of `changes` (sorted by path). */
export function checkReport(changes: FileChanges, before: ReadonlyMap<string, string>, limits: CheckLimits = CHECK_LIMITS): string {
  return [...changes]
    .map(([file, after]) => {
      const old = before.get(file);
      // A file name from a pull request may hold a line break: it must not forge a line of the report.
      const path = printable(file);
      if (old === undefined) return `--- /dev/null\n+++ b/${path}\nnew file, ${named(after ?? '', limits)}\n`;
      if (after === null) return `--- a/${path}\n+++ /dev/null\ndeleted, it held ${named(old, limits)}\n`;
      return changed(path, old, after, limits);
    })
    .join('');
}
