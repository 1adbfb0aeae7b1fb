/**
 * Files mode, writing: every change lands whole, or none does. New contents go to temporary files beside their
 * targets; only when every one is written are they renamed over the targets, and the files to delete are moved
 * aside (the commit). An error before or during the commit puts every file back as it was and removes what the
 * write created; SIGINT, SIGTERM or SIGHUP before the commit does the same and says so; one that arrives during
 * the commit (synchronous, a few renames) takes effect once the commit is done. Signal handlers are installed only
 * while writing.
 */
// `promises` from node:fs, not node:fs/promises: the bundle then loads that module only when files mode writes.
import { randomBytes } from 'node:crypto';
import { constants, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, promises, renameSync, rmSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { TOOL } from '../names';
import type { FileChanges } from './planFiles';

export const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type Signal = (typeof SIGNALS)[number];

export type WriteOutcome =
  /** Everything is written; `signal` arrived during the commit and should end the process now. */
  | { readonly written: true; readonly signal: Signal | undefined }
  /** A signal arrived before the commit: nothing was changed. */
  | { readonly written: false; readonly signal: Signal };

interface Step {
  readonly target: string;
  /** The new content's temporary file; undefined when the target is deleted. */
  readonly temp: string | undefined;
  /** Where the old content is kept until the commit is done; undefined when there was none. */
  backup: string | undefined;
  done: boolean;
}

/**
 * The name a temporary file or a backup gets beside its target: unpredictable (so that no file committed in advance
 * can be in its way), and created exclusively (O_EXCL, which also refuses a symbolic link in its place).
 */
const suffix = (): string => `.${TOOL}-${randomBytes(8).toString('hex')}`;

/** A temporary file or backup of an interrupted write (this version's names and earlier ones'). */
export const isLeftover = (name: string): boolean => /\.multicluster-routes-[0-9a-z-]+\.(tmp|old)$/.test(name);

/** The first part of `path` (relative to `root`: a folder on the way, or the file itself) that is a symbolic link. */
export function linkOnTheWay(root: string, path: string): string | undefined {
  const parts = path.split(/[\\/]/);
  for (let i = 1; i <= parts.length; i++) {
    const part = parts.slice(0, i).join('/');
    try {
      if (lstatSync(resolve(root, part)).isSymbolicLink()) return part;
    } catch {
      return undefined; // nothing there yet: the write creates it
    }
  }
  return undefined;
}

function inside(root: string, path: string): string {
  const target = resolve(root, path);
  if (!target.startsWith(root + sep)) throw new Error(`refusing to write outside ${root}: ${path}`);
  const link = linkOnTheWay(root, path);
  if (link !== undefined) throw new Error(`refusing to write through the symbolic link ${link}: ${path}`);
  return target;
}

/** Keep the old content under a second name (a hard link, else a copy) until the commit is done. */
function keep(target: string): string | undefined {
  if (!existsSync(target)) return undefined;
  const backup = `${target}${suffix()}.old`;
  try {
    linkSync(target, backup);
  } catch {
    copyFileSync(target, backup, constants.COPYFILE_EXCL);
  }
  return backup;
}

/** Put back every target the commit changed, in reverse order. */
function undo(steps: readonly Step[]): void {
  for (const step of [...steps].reverse()) {
    if (step.done) {
      if (step.backup) renameSync(step.backup, step.target);
      else rmSync(step.target, { force: true });
    }
  }
}

function commit(steps: readonly Step[]): void {
  try {
    for (const step of steps) {
      step.backup = keep(step.target);
      if (step.temp) renameSync(step.temp, step.target);
      else rmSync(step.target, { force: true });
      step.done = true;
    }
  } catch (error) {
    undo(steps);
    throw error;
  }
}

function cleanUp(steps: readonly Step[], createdDirs: readonly string[]): void {
  for (const step of steps) {
    if (step.temp) rmSync(step.temp, { force: true });
    if (step.backup) rmSync(step.backup, { force: true });
  }
  // Each entry is the topmost directory one mkdir created: everything under it is the write's own.
  for (const dir of [...createdDirs].reverse()) rmSync(dir, { recursive: true, force: true });
}

/** Write `changes` (path → new content, or null to delete) under `dir`, all or nothing. */
export async function writeAtomically(dir: string, changes: FileChanges): Promise<WriteOutcome> {
  const root = resolve(dir);
  const steps: Step[] = [];
  const createdDirs: string[] = [];
  let signal: Signal | undefined;
  const onSignal = (received: Signal): void => {
    signal ??= received;
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    try {
      for (const [path, text] of changes) {
        const target = inside(root, path);
        if (text === null) {
          steps.push({ target, temp: undefined, backup: undefined, done: false });
          continue;
        }
        const created = mkdirSync(dirname(target), { recursive: true });
        if (created !== undefined) createdDirs.push(created);
        const temp = `${target}${suffix()}.tmp`;
        steps.push({ target, temp, backup: undefined, done: false });
        await promises.writeFile(temp, text, { flag: 'wx' });
        if (signal) break;
      }
      if (signal) {
        cleanUp(steps, createdDirs);
        return { written: false, signal };
      }
      commit(steps);
    } catch (error) {
      cleanUp(steps, createdDirs);
      throw error;
    }
    cleanUp(
      steps.map((s) => ({ ...s, temp: undefined })),
      [],
    );
    // A signal that came during the commit is delivered now, to this handler rather than to the default one.
    await new Promise((done) => setImmediate(done));
    return { written: true, signal };
  } finally {
    for (const s of SIGNALS) process.off(s, onSignal);
  }
}
