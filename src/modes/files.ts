/**
 * Files mode (plain CLI, pre-commit): read a package directory, write the generated files where output.path says
 * and the pod-label edits, only when there is no error, all or nothing (also on SIGINT/SIGTERM), and never over a
 * file the function did not generate. `--check` writes nothing and prints a report of every stale file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { planFiles } from '../files/planFiles';
import type { FileChanges } from '../files/planFiles';
import { readFiles } from '../files/readFiles';
import { lineLocator } from '../files/resultLines';
import type { SourceFile } from '../files/readFiles';
import { checkReport } from '../files/checkReport';
import { unownedTargets } from '../files/ownership';
import { writeAtomically } from '../files/writeAtomically';
import type { Signal } from '../files/writeAtomically';
import { formatResults } from '../krm/formatResults';
import { decodeUtf8 } from '../krm/limits';
import { hasErrors } from '../krm/result';
import { TOOL } from '../names';
import type { Output } from '../output/merge';
import { transform } from '../transform';
import { loadConfig } from './loadConfig';

export interface FilesOptions {
  readonly dir: string;
  readonly config: string | undefined;
  readonly check: boolean;
}

export interface Report {
  readonly stdout: string;
  readonly stderr: string;
  /** 128 + the signal's number when a signal interrupted the write. */
  readonly exitCode: 0 | 1 | 129 | 130 | 143;
}

const SIGNAL_EXIT: Readonly<Record<Signal, 129 | 130 | 143>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Every YAML file under the directory, by relative path (sorted), skipping hidden folders and node_modules. */
export function readTree(dir: string): SourceFile[] {
  const paths = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((p) => p.split(sep).join('/'))
    .filter((p) => /\.ya?ml$/.test(p) && !p.split('/').some((part) => part.startsWith('.') || SKIP_DIRS.has(part)))
    .sort();
  return paths.map((path) => {
    const text = decodeUtf8(readFileSync(join(dir, path)));
    return text === undefined ? { path, text: '', notUtf8: true } : { path, text };
  });
}

/**
 * Write the changes, all or nothing (writeAtomically), after checking that every file replaced whole or deleted
 * holds only what the function generated (the pod-label edits of the user's files are the other changes).
 */
async function write(dir: string, output: Output, changes: FileChanges, before: ReadonlyMap<string, string>, notes: string): Promise<Report> {
  const generated = new Set([...output.generated.map((p) => p.path), ...output.staleFiles]);
  const unowned = unownedTargets(
    dir,
    [...changes.keys()].filter((path) => generated.has(path)),
  );
  if (unowned.length > 0) return { stdout: '', stderr: `${notes}${formatResults(unowned)}${TOOL}: nothing was written\n`, exitCode: 1 };
  const outcome = await writeAtomically(dir, changes);
  if (!outcome.written)
    return { stdout: '', stderr: `${notes}${TOOL}: interrupted by ${outcome.signal}; nothing was written\n`, exitCode: SIGNAL_EXIT[outcome.signal] };
  const stdout = [...changes].map(([path, text]) => `${text === null ? 'deleted' : before.has(path) ? 'updated' : 'created'} ${join(dir, path)}\n`).join('');
  if (!outcome.signal) return { stdout, stderr: notes, exitCode: 0 };
  const late = `${TOOL}: ${outcome.signal} arrived while the files were being renamed into place; they were all written\n`;
  return { stdout, stderr: `${notes}${late}`, exitCode: SIGNAL_EXIT[outcome.signal] };
}

export async function runFiles(options: FilesOptions): Promise<Report> {
  const files = readTree(options.dir);
  const read = readFiles(files);
  const { config, results: configResults } = loadConfig(options, read.items);
  const lineOf = lineLocator(files, read.items);
  const early = [...read.results, ...configResults];
  if (hasErrors(early) || !config) return { stdout: '', stderr: formatResults(early, lineOf), exitCode: 1 };
  const { output, results } = transform({ items: read.items, functionConfig: config });
  const notes = formatResults(results, lineOf);
  if (!output || hasErrors(results)) return { stdout: '', stderr: `${notes}${TOOL}: nothing was written\n`, exitCode: 1 };
  const plan = planFiles(files, output);
  if (hasErrors(plan.results)) return { stdout: '', stderr: `${notes}${formatResults(plan.results, lineOf)}${TOOL}: nothing was written\n`, exitCode: 1 };
  const { changes } = plan;
  const before = new Map(files.map((f) => [f.path, f.text]));
  if (options.check) {
    if (changes.size === 0) return { stdout: '', stderr: `${notes}${TOOL}: ${options.dir} is up to date\n`, exitCode: 0 };
    const diffs = checkReport(changes, before);
    const summary = `${TOOL}: ${changes.size} file(s) in ${options.dir} are not what the function generates; run \`${TOOL} files ${options.dir}\` and commit the result\n`;
    return { stdout: diffs, stderr: `${notes}${summary}`, exitCode: 1 };
  }
  return write(options.dir, output, changes, before, notes);
}
