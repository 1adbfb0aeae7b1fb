/**
 * One writing run per package at a time. Two runs that wrote one package together would interleave their renames,
 * and one's rollback could undo the other's files while both reported success. A run that writes takes the lock file
 * `.multicluster-routes.lock` in the package (created exclusively, holding the run's pid, host and a random token),
 * from before it reads until its last rename, and a second run waits for it. A lock whose holder is gone (its pid no
 * longer runs on this host: a run killed with SIGKILL) is stale and taken over. Runs that only read (`--check`,
 * `explain`, `facts`) take no lock, so they work on a read-only checkout.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, linkSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { TOOL } from '../names';

export const LOCK_FILE = `.${TOOL}.lock`;

export interface PackageLock {
  /** The lock file still holds this run's token (no one broke it). */
  held(): boolean;
  release(): void;
}

/** How long a run waits for another run's lock, and how often it looks. */
export interface LockWait {
  readonly waitMs: number;
  readonly pollMs: number;
}

export const LOCK_WAIT: LockWait = { waitMs: 60_000, pollMs: 50 };

/** The error's code (`EEXIST`); not by `instanceof Error`, which fails for errors of another realm. */
const codeOf = (error: unknown): unknown => (typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined);

/** The lock file's first 200 characters, never read through a symbolic link; undefined when it cannot be read. */
const read = (path: string): string | undefined => {
  try {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      return readFileSync(fd, 'utf8').slice(0, 200);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
};

/** The holder's process is gone: its pid runs no process on this host. A lock from another host is never stale. */
function isStale(text: string): boolean {
  const [pid, host] = text.trim().split(' ');
  if (host !== hostname() || !/^\d+$/.test(pid ?? '')) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return codeOf(error) === 'ESRCH';
  }
}

/**
 * Remove a stale lock, and only that one: move it aside first, then look at what was moved. If another run replaced
 * the stale lock with its own in between, that one is put back (unless a third run has taken the lock meanwhile).
 */
function breakStale(path: string, stale: string): void {
  const aside = `${path}.${TOOL}-${randomBytes(8).toString('hex')}.old`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  if (read(aside) !== stale) {
    try {
      linkSync(aside, path);
    } catch {
      // a third run holds the lock now
    }
  }
  rmSync(aside, { force: true });
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Whether the file system refuses the lock file itself: nothing can be written there, by this run or another. */
const readOnly = (error: unknown): boolean => codeOf(error) === 'EROFS' || codeOf(error) === 'EACCES';

/** Take the package's lock, waiting for another run's; the holder's line when it is still held after the wait. */
export async function lockPackage(dir: string, wait: LockWait = LOCK_WAIT): Promise<{ lock: PackageLock } | { holder: string }> {
  const path = join(dir, LOCK_FILE);
  const mine = `${process.pid} ${hostname()} ${randomBytes(8).toString('hex')}\n`;
  const lock: PackageLock = { held: () => read(path) === mine, release: () => void (lock.held() && rmSync(path, { force: true })) };
  const deadline = Date.now() + wait.waitMs;
  for (;;) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      return { lock };
    } catch (error) {
      if (readOnly(error)) return { lock: { held: () => true, release: () => undefined } };
      if (codeOf(error) !== 'EEXIST') throw error;
    }
    const holder = read(path);
    if (holder !== undefined && isStale(holder)) breakStale(path, holder);
    else if (Date.now() >= deadline) return { holder: holder?.trim() ?? 'unreadable' };
    else await sleep(wait.pollMs);
  }
}
