/**
 * pre-commit (Debian's package), with the hooks of .pre-commit-hooks.yaml installed from this repository by
 * `pre-commit try-repo` (language: script: the prebuilt bundle hooks/multicluster-routes.cjs; nothing to install).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { updating } from '../support/golden';
import { BIN, commitAll, describeWith, git, ROOT, run, scratch, which } from '../support/tools';

const PRE_COMMIT = which('pre-commit');
const HOOK_BUNDLE = join(ROOT, 'hooks', 'multicluster-routes.cjs');

test('the hooks run the bundle the build makes from this source (npm run test:update regenerates it), executable', () => {
  const built = readFileSync(join(dirname(BIN), 'multicluster-routes.cjs'));
  if (updating) writeFileSync(HOOK_BUNDLE, built, { mode: 0o755 });
  expect(readFileSync(HOOK_BUNDLE).equals(built)).toBe(true);
  expect(statSync(HOOK_BUNDLE).mode & 0o111).toBe(0o111);
  expect(git(ROOT, 'ls-files', '--stage', 'hooks/multicluster-routes.cjs')).toMatch(/^100755 /);
});

/** This repository as it is now (committed or not) as one commit, so every try-repo reuses one hook environment. */
function snapshotOfThisRepository(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mcr-hooks-')), 'multicluster-routes');
  const files = git(ROOT, 'ls-files', '--cached', '--others', '--exclude-standard').split('\n').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  commitAll(dir, 'snapshot');
  return dir;
}

describeWith(PRE_COMMIT, 'pre-commit', 'pre-commit not installed (Debian package pre-commit; .ci/run installs it)', () => {
  const hooks = snapshotOfThisRepository();
  const env = { ...process.env, PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'mcr-pre-commit-home-')) };
  const manifests = scratch('examples/bookinfo', 'manifests');
  commitAll(manifests, 'manifests');
  const tryRepo = (...hook: string[]) => run(PRE_COMMIT as string, ['try-repo', hooks, ...hook, '--all-files'], { cwd: manifests, env });

  test('pre-commit try-repo: the first run (installing the hook included) takes seconds; the fixing hook writes the generated files and fails, as a fixer does', () => {
    const started = Date.now();
    const first = tryRepo('multicluster-routes');
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`pre-commit's first run, installing the hook: ${seconds.toFixed(1)} s\n`);
    expect(seconds).toBeLessThan(30);
    expect(first.stdout).toMatch(
      /multicluster-routes \(generate each cluster's Istio routing\)\.+Failed\n- hook id: multicluster-routes\n- files were modified by this hook/,
    );
    expect(first.stdout).toContain('created clusters/cluster1/multicluster-routes.yaml');
    expect(first.status).toBe(1);
    git(manifests, 'add', '-A');
    git(manifests, 'commit', '-qm', 'generated');
  }, 60_000);

  test('installed from .pre-commit-config.yaml (examples/pre-commit): both hooks pass on the generated files; the checking hook fails with a readable diff and changes nothing', () => {
    const example = readFileSync(join(ROOT, 'examples', 'pre-commit', '.pre-commit-config.yaml'), 'utf8');
    const rev = git(hooks, 'rev-parse', 'HEAD').trim();
    writeFileSync(join(manifests, '.pre-commit-config.yaml'), example.replace(/repo: \S+/, `repo: ${hooks}`).replace(/rev: \S+/, `rev: ${rev}`));
    git(manifests, 'add', '-A');
    git(manifests, 'commit', '-qm', 'hooks');
    const runHook = () => run(PRE_COMMIT as string, ['run', '--hook-stage', 'manual', 'multicluster-routes-check', '--all-files'], { cwd: manifests, env });
    const fixer = run(PRE_COMMIT as string, ['run', 'multicluster-routes', '--all-files'], { cwd: manifests, env });
    expect(fixer.stdout).toMatch(/generate each cluster's Istio routing\)\.+Passed/);
    expect(runHook().stdout).toMatch(/check that generated Istio routing is up to date\)\.+Passed/);
    for (const cluster of ['cluster1', 'cluster2']) {
      const path = join(manifests, cluster, 'bookinfo.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace('to: {v2: 50, v3: 50}', 'to: {v2: 80, v3: 20}'));
    }
    git(manifests, 'commit', '-qam', 'new weights');
    const check = runHook();
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('-      weight: 50\n+      weight: 80');
    expect(git(manifests, 'status', '--porcelain')).toBe('');
  }, 60_000);
});
