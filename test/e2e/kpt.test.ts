/** kpt, the real binary: `kpt fn eval --exec` and `kpt fn render` with the Kptfile pipeline of examples/bookinfo. */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { commitAll, describeWith, envWithTools, git, run, scratch, which } from '../support/tools';

const KPT = which('kpt');

function committedPackage(): string {
  const dir = scratch('examples/bookinfo', 'bookinfo');
  commitAll(dir, 'before');
  return dir;
}

describeWith(KPT, 'kpt', 'kpt not installed (it is on the PATH of some machines only)', () => {
  const env = envWithTools();
  const kpt = (dir: string, ...args: string[]) => run(KPT as string, args, { cwd: dir, env });

  test('kpt fn render runs the Kptfile pipeline; a second render leaves git diff empty; comments survive', () => {
    const dir = committedPackage();
    const first = kpt(dir, 'fn', 'render', '.', '--allow-exec');
    expect(first.status).toBe(0);
    expect(existsSync(join(dir, 'clusters', 'cluster1', 'multicluster-routes.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'clusters', 'cluster2', 'multicluster-routes.yaml'))).toBe(true);
    const cluster1 = readFileSync(join(dir, 'cluster1', 'bookinfo.yaml'), 'utf8');
    expect(cluster1).toContain('# jason gets v2/v3 from cluster2, everyone else v1');
    expect(cluster1).toContain('version: v1 # the version label the subsets select\n        service.multicluster-routes.dev/reviews: "true"');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'rendered');
    expect(kpt(dir, 'fn', 'render', '.', '--allow-exec').status).toBe(0);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  test('kpt fn eval --exec with --fn-config gives the same files as render', () => {
    const rendered = committedPackage();
    kpt(rendered, 'fn', 'render', '.', '--allow-exec');
    const evaluated = committedPackage();
    const result = kpt(evaluated, 'fn', 'eval', '.', '--exec', 'multicluster-routes', '--fn-config', 'multicluster-routes.yaml');
    expect(result.status).toBe(0);
    for (const file of ['clusters/cluster1/multicluster-routes.yaml', 'clusters/cluster2/multicluster-routes.yaml', 'cluster2/bookinfo.yaml']) {
      expect(readFileSync(join(evaluated, file), 'utf8')).toBe(readFileSync(join(rendered, file), 'utf8'));
    }
  });

  test("an error fails kpt with the function's message, and nothing is written", () => {
    const dir = committedPackage();
    const path = join(dir, 'cluster1', 'bookinfo.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('to: {v2: 50, v3: 50}', 'to: {v2: 50, v3: 40}'));
    git(dir, 'commit', '-qam', 'bad weights');
    const result = kpt(dir, 'fn', 'render', '.', '--allow-exec');
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('weights {v2: 50, v3: 40} total 90, not 100; make the weights add up to 100');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
