/**
 * Files mode (plain CLI, pre-commit): read a package directory, write the generated files where output.path says
 * and the pod-label edits, only when there is no error, all or nothing (also on SIGINT/SIGTERM), and never over a
 * file the function did not generate. `--check` writes nothing and prints a report of every stale file.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { planFiles } from '../files/planFiles';
import type { FileChanges } from '../files/planFiles';
import { readFiles } from '../files/readFiles';
import { lineLocator } from '../files/resultLines';
import { checkReport } from '../files/checkReport';
import { linkedTargets, unownedTargets } from '../files/ownership';
import { SIGNALS, writeAtomically } from '../files/writeAtomically';
import type { Signal } from '../files/writeAtomically';
import { formatResults } from '../krm/formatResults';
import { hasErrors } from '../krm/result';
import { TOOL } from '../names';
import type { Output } from '../output/merge';
import { transform } from '../transform';
import { printable, printableLines } from '../printable';
import { loadConfig } from './loadConfig';
import { LOCK_FILE, LOCK_WAIT, lockPackage } from './packageLock';
import type { LockWait, PackageLock } from './packageLock';
import { readTree } from './readTree';
import type { Tree } from './readTree';

export interface FilesOptions {
  readonly dir: string;
  readonly config: string | undefined;
  readonly check: boolean;
  /** How long to wait for another run that writes the package (tests shorten it). */
  readonly lockWait?: LockWait;
}

export interface Report {
  readonly stdout: string;
  readonly stderr: string;
  /** 128 + the signal's number when a signal interrupted the write. */
  readonly exitCode: 0 | 1 | 129 | 130 | 143;
}

const SIGNAL_EXIT: Readonly<Record<Signal, 129 | 130 | 143>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * Write the changes, all or nothing (writeAtomically), after checking that every file replaced whole or deleted
 * holds only what the function generated (the pod-label edits of the user's files are the other changes).
 */
async function write(dir: string, planned: Planned, lock: PackageLock): Promise<Report> {
  const { output, changes, before, notes } = planned;
  const generated = new Set([...output.generated.map((p) => p.path), ...output.staleFiles]);
  // A link is refused before any target is read: the ownership check would read through it.
  const linked = linkedTargets(dir, changes.keys());
  const refused =
    linked.length > 0
      ? linked
      : unownedTargets(
          dir,
          [...changes.keys()].filter((path) => generated.has(path)),
        );
  if (refused.length > 0) return { stdout: '', stderr: `${notes}${formatResults(refused)}${TOOL}: nothing was written\n`, exitCode: 1 };
  if (!lock.held())
    return { stdout: '', stderr: `${notes}${TOOL}: another run broke this run's lock ${join(dir, LOCK_FILE)}; nothing was written\n`, exitCode: 1 };
  const outcome = await writeAtomically(dir, changes);
  if (!outcome.written)
    return { stdout: '', stderr: `${notes}${TOOL}: interrupted by ${outcome.signal}; nothing was written\n`, exitCode: SIGNAL_EXIT[outcome.signal] };
  const stdout = [...changes]
    .map(([path, text]) => `${text === null ? 'deleted' : before.has(path) ? 'updated' : 'created'} ${printable(join(dir, path))}\n`)
    .join('');
  if (!outcome.signal) return { stdout, stderr: notes, exitCode: 0 };
  const late = `${TOOL}: ${outcome.signal} arrived while the files were being renamed into place; they were all written\n`;
  return { stdout, stderr: `${notes}${late}`, exitCode: SIGNAL_EXIT[outcome.signal] };
}

interface Planned {
  readonly output: Output;
  readonly changes: FileChanges;
  readonly before: ReadonlyMap<string, string>;
  /** Warnings and notes, formatted, for stderr. */
  readonly notes: string;
}

/** The changes the package needs, or the report of why there are none to make. */
function plan(options: FilesOptions, tree: Tree): Planned | Report {
  const read = readFiles(tree.files);
  const { config, results: configResults } = loadConfig(options, read.items);
  const lineOf = lineLocator(tree.files, read.items);
  const early = [...tree.results, ...read.results, ...configResults];
  if (hasErrors(early) || !config) return { stdout: '', stderr: formatResults(early, lineOf), exitCode: 1 };
  const { output, results } = transform({ items: read.items, functionConfig: config });
  const notes = formatResults([...tree.results, ...results], lineOf);
  if (!output || hasErrors(results)) return { stdout: '', stderr: `${notes}${TOOL}: nothing was written\n`, exitCode: 1 };
  const planned = planFiles(tree.files, output);
  if (hasErrors(planned.results)) return { stdout: '', stderr: `${notes}${formatResults(planned.results, lineOf)}${TOOL}: nothing was written\n`, exitCode: 1 };
  return { output, changes: planned.changes, before: new Map(tree.files.map((f) => [f.path, f.text])), notes };
}

/** `--check`: a report of every stale file, and of what an interrupted write left behind. */
function check(dir: string, planned: Planned, leftovers: readonly string[]): Report {
  const { changes, before, notes } = planned;
  const stale = changes.size + leftovers.length;
  if (stale === 0) return { stdout: '', stderr: `${notes}${TOOL}: ${printable(dir)} is up to date\n`, exitCode: 0 };
  const left = leftovers.map((path) => `--- a/${printable(path)}\n+++ /dev/null\nleft over by an interrupted run\n`).join('');
  const summary = `${TOOL}: ${stale} file(s) in ${printable(dir)} are not what the function generates; run \`${TOOL} files ${printable(dir)}\` and commit the result\n`;
  return { stdout: `${left}${printableLines(checkReport(changes, before))}`, stderr: `${notes}${summary}`, exitCode: 1 };
}

/** Remove what an interrupted write left behind (the caller holds the lock: no other run is writing). */
function removeLeftovers(dir: string, leftovers: readonly string[]): string {
  for (const path of leftovers) rmSync(join(dir, path), { force: true });
  return leftovers.map((path) => `removed ${printable(join(dir, path))} (left over by an interrupted run)\n`).join('');
}

export async function runFiles(options: FilesOptions): Promise<Report> {
  if (options.check) {
    const tree = readTree(options.dir);
    const planned = plan(options, tree);
    return 'exitCode' in planned ? planned : check(options.dir, planned, tree.leftovers);
  }
  const taken = await lockPackage(options.dir, options.lockWait ?? LOCK_WAIT);
  if ('holder' in taken) {
    const lock = printable(join(options.dir, LOCK_FILE));
    const why = `another run is writing ${printable(options.dir)} (lock ${lock}: ${printable(taken.holder)}); run again when it is done, or delete ${lock} if no run is going`;
    return { stdout: '', stderr: `${TOOL}: ${why}; nothing was written\n`, exitCode: 1 };
  }
  // While the lock is held, a signal must not end the process before the lock is removed: it is recorded here, and
  // writeAtomically (which sees it too) turns it into "nothing was written".
  let signal: Signal | undefined;
  const onSignal = (received: Signal): void => void (signal ??= received);
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    const tree = readTree(options.dir);
    const removed = removeLeftovers(options.dir, tree.leftovers);
    const planned = plan(options, tree);
    const report = 'exitCode' in planned ? planned : await write(options.dir, planned, taken.lock);
    if (signal && report.exitCode === 0 && report.stdout === '')
      return { stdout: removed, stderr: `${report.stderr}${TOOL}: interrupted by ${signal}; nothing was written\n`, exitCode: SIGNAL_EXIT[signal] };
    return { ...report, stdout: `${removed}${report.stdout}` };
  } finally {
    for (const s of SIGNALS) process.off(s, onSignal);
    taken.lock.release();
  }
}
