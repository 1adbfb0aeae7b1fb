/**
 * Files mode (and `facts`, `explain`) on a package from a hostile pull request: symbolic links never take a read or a
 * write out of the package, temporary files are never written through a link, two runs never write one package at
 * once, what an interrupted run left is removed, and output in a folder the walk does not read is refused.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFacts } from '../../src/modes/facts';
import { runFiles } from '../../src/modes/files';
import { LOCK_FILE } from '../../src/modes/packageLock';
import { BIN, run, scratch } from '../support/tools';

const CONFIG = 'multicluster-routes.yaml';

/** A Service and its workload that, if read, would add the service `spy` to the generated files. */
const SPY =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: spy\n  annotations: {multicluster-routes.dev/export: "true"}\nspec:\n  ports: [{name: http, port: 80}]\n  selector: {app: spy}\n---\n' +
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: spy\nspec:\n  selector: {matchLabels: {app: spy}}\n  template:\n    metadata:\n      labels: {app: spy, version: v1}\n';

/** A folder outside the package, with manifests in it. */
function outside(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcr-outside-'));
  writeFileSync(join(dir, 'spy.yaml'), SPY);
  return dir;
}

/** Every file under the directory with its content (links as `-> target`), not following links. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) out[entry.name] = '-> link';
    else if (entry.isDirectory()) for (const [p, t] of Object.entries(snapshot(path))) out[`${entry.name}/${p}`] = t;
    else out[entry.name] = readFileSync(path, 'utf8');
  }
  return out;
}

const generated = (dir: string): string => readFileSync(join(dir, 'clusters/cluster1/multicluster-routes.yaml'), 'utf8');

describe('symbolic links are never followed', () => {
  test('a link to a folder or a YAML file outside the package is reported and not read', () => {
    const away = outside();
    const dir = scratch('examples/bookinfo');
    symlinkSync(away, join(dir, 'cluster1', 'vendor'));
    symlinkSync(join(away, 'spy.yaml'), join(dir, 'cluster1', 'spy.yaml'));
    const result = run(BIN, ['files', dir]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('warning: cluster1/spy.yaml is a symbolic link out of the package');
    expect(result.stderr).toContain('warning: cluster1/vendor is a symbolic link out of the package');
    expect(generated(dir)).not.toContain('spy');
    expect(snapshot(away)).toEqual({ 'spy.yaml': SPY });
  });

  test('links to the package itself and to / neither hang nor crawl the machine, in files, facts and explain', () => {
    const dir = scratch('examples/bookinfo');
    symlinkSync('.', join(dir, 'cluster1', 'a'));
    symlinkSync('..', join(dir, 'cluster1', 'b'));
    symlinkSync('/', join(dir, 'cluster2', 'root'));
    for (const args of [
      ['files', dir],
      ['facts', dir, '--cluster', 'cluster1'],
      ['explain', dir, '--format', 'text'],
    ]) {
      const started = Date.now();
      const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
      expect({ args, status: result.status, signal: result.signal }).toEqual({ args, status: 0, signal: null });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(result.stderr).toContain('warning: cluster2/root is a symbolic link out of the package (to /)');
    }
    expect(generated(dir)).toContain('reviews');
  });

  test('a linked file inside the package is read once, under its own path', () => {
    const dir = scratch('examples/bookinfo');
    symlinkSync('bookinfo.yaml', join(dir, 'cluster1', 'again.yaml'));
    const result = run(BIN, ['files', dir]);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(lstatSync(join(dir, 'cluster1', 'again.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'cluster1', 'bookinfo.yaml'), 'utf8')).toContain('service.multicluster-routes.dev/reviews: "true"');
  });

  test('a generated file is never written, and a stale one never deleted, through a link', () => {
    const away = mkdtempSync(join(tmpdir(), 'mcr-outside-'));
    const dir = scratch('examples/bookinfo');
    symlinkSync(away, join(dir, 'clusters'));
    const viaFolder = run(BIN, ['files', dir]);
    expect(viaFolder.status).toBe(1);
    expect(viaFolder.stderr).toContain('error: clusters/cluster1/multicluster-routes.yaml is reached through clusters, a symbolic link');
    expect(readdirSync(away)).toEqual([]);

    const victim = join(away, 'victim.yaml');
    writeFileSync(victim, 'precious: true\n');
    const dir2 = scratch('examples/bookinfo');
    mkdirSync(join(dir2, 'clusters', 'cluster1'), { recursive: true });
    symlinkSync(victim, join(dir2, 'clusters', 'cluster1', 'multicluster-routes.yaml'));
    const viaFile = run(BIN, ['files', dir2]);
    expect(viaFile.status).toBe(1);
    expect(viaFile.stderr).toContain('error: clusters/cluster1/multicluster-routes.yaml is a symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('precious: true\n');
    expect(viaFile.stderr).not.toContain('precious');
  });

  test('facts --update never reads or writes through a link', async () => {
    const away = mkdtempSync(join(tmpdir(), 'mcr-outside-'));
    const victim = join(away, 'victim.yaml');
    writeFileSync(victim, 'precious: true\n');
    const dir = scratch('examples/bookinfo');
    symlinkSync(victim, join(dir, 'overlay.yaml'));
    const result = await runFacts({ dir, config: undefined, cluster: 'cluster1', update: join(dir, 'overlay.yaml'), check: false });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('is a symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('precious: true\n');
  });
});

test('facts --update writes its temporary file exclusively, under a name no one can guess, never through a link', async () => {
  const away = mkdtempSync(join(tmpdir(), 'mcr-outside-'));
  const victim = join(away, 'victim');
  writeFileSync(victim, 'precious\n');
  const dir = scratch('examples/bookinfo');
  const overlay = join(dir, 'overlay.yaml');
  writeFileSync(overlay, 'apiVersion: multicluster-routes.dev/v1alpha1\nkind: MulticlusterRoutes\nmetadata: {name: o}\nspec: {}\n');
  // The name the temporary file used to have, committed as a link.
  symlinkSync(victim, `${overlay}.multicluster-routes-${process.pid}.tmp`);
  const result = await runFacts({ dir, config: join(dir, CONFIG), cluster: 'cluster1', update: overlay, check: false });
  expect(result).toMatchObject({ exitCode: 0, stdout: `updated ${overlay}\n` });
  expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  expect(readFileSync(overlay, 'utf8')).toContain('remoteWorkloads:');
  expect(readdirSync(dir).filter((name) => name.startsWith('overlay.yaml'))).toEqual(['overlay.yaml', `overlay.yaml.multicluster-routes-${process.pid}.tmp`]);
});

/** A package of 4 clusters × 15 services whose functionConfigs (outside it) put the output under `a/` or `b/`. */
function meshPackage(): { dir: string; config: (out: string) => string } {
  const base = mkdtempSync(join(tmpdir(), 'mcr-parallel-'));
  const names = ['east', 'west', 'north', 'south'];
  const clusters = names.map((c, i) => `  - {name: ${c}, gateway: {address: 192.0.2.${i + 1}}, paths: ["${c}/**"]}`).join('\n');
  for (const out of ['a', 'b']) {
    const config = `apiVersion: multicluster-routes.dev/v1alpha1\nkind: MulticlusterRoutes\nmetadata: {name: mesh}\nspec:\n  output: {path: "${out}/{cluster}/{service}-{kind}-{name}.yaml"}\n  clusters:\n${clusters}\n`;
    writeFileSync(join(base, `${out}.yaml`), config);
  }
  const dir = join(base, 'pkg');
  names.forEach((c, i) => {
    mkdirSync(join(dir, c), { recursive: true });
    const docs = Array.from({ length: 15 }, (_, s) => [
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${s}\n  annotations: {multicluster-routes.dev/export: "true"}\nspec:\n  ports: [{name: http, port: 80}]\n  selector: {app: s${s}}\n`,
      ...[i, (i + 1) % 4].map(
        (v) =>
          `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: s${s}-v${v}}\nspec:\n  template:\n    metadata:\n      labels: {app: s${s}, version: v${v}}\n`,
      ),
    ]);
    writeFileSync(join(dir, c, 'mesh.yaml'), docs.flat().join('---\n'));
  });
  return { dir, config: (out) => join(base, `${out}.yaml`) };
}

const files = (dir: string, config: string): Promise<{ code: number | null; stderr: string }> =>
  new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'files', dir, '--config', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stderr }));
  });

describe('one writing run per package', () => {
  test('two runs at once (different output paths) both succeed and leave what one run after the other leaves', async () => {
    const { dir, config } = meshPackage();
    const sequential = (first: string, second: string): Record<string, string> => {
      const copy = join(mkdtempSync(join(tmpdir(), 'mcr-seq-')), 'pkg');
      cpSync(dir, copy, { recursive: true });
      for (const out of [first, second]) expect(run(BIN, ['files', copy, '--config', config(out)]).status).toBe(0);
      return snapshot(copy);
    };
    const [ab, ba] = [sequential('a', 'b'), sequential('b', 'a')];
    const results = await Promise.all([files(dir, config('a')), files(dir, config('b'))]);
    expect(results).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ]);
    const after = snapshot(dir);
    expect(after).toEqual(Object.keys(after).some((path) => path.startsWith('a/')) ? ba : ab);
  }, 60_000);

  test('a run waits for the lock of a live run, then gives up with a message that names it; nothing is written', async () => {
    const dir = scratch('examples/bookinfo');
    const holder = `${process.pid} ${hostname()} abc\n`;
    writeFileSync(join(dir, LOCK_FILE), holder);
    const before = snapshot(dir);
    const report = await runFiles({ dir, config: undefined, check: false, lockWait: { waitMs: 200, pollMs: 20 } });
    expect(report.exitCode).toBe(1);
    expect(report.stderr).toContain(`another run is writing ${dir} (lock ${join(dir, LOCK_FILE)}: ${holder.trim()})`);
    expect(snapshot(dir)).toEqual(before);
  });

  test("the lock of a run that is gone (SIGKILL) is taken over, and the run's own lock is removed", async () => {
    const dir = scratch('examples/bookinfo');
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(join(dir, LOCK_FILE), `${gone.stdout.trim()} ${hostname()} abc\n`);
    const report = await runFiles({ dir, config: undefined, check: false, lockWait: { waitMs: 200, pollMs: 20 } });
    expect({ exitCode: report.exitCode, stderr: report.stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});

test('a rerun removes the temporary files and backups an interrupted run left; --check reports them', () => {
  const dir = scratch('examples/bookinfo');
  expect(run(BIN, ['files', dir]).status).toBe(0);
  const target = 'clusters/cluster1/multicluster-routes.yaml';
  const left = [`${target}.multicluster-routes-4242-k3j2h1.tmp`, `cluster1/bookinfo.yaml.multicluster-routes-0123456789abcdef.old`];
  for (const path of left) writeFileSync(join(dir, path), 'half written\n');
  const check = run(BIN, ['files', dir, '--check']);
  expect(check.status).toBe(1);
  expect(check.stdout).toContain(`--- a/${left[0]}\n+++ /dev/null\nleft over by an interrupted run\n`);
  const rerun = run(BIN, ['files', dir]);
  expect(rerun.status).toBe(0);
  expect(rerun.stdout).toContain(`removed ${join(dir, left[1] ?? '')} (left over by an interrupted run)`);
  for (const path of left) expect(existsSync(join(dir, path))).toBe(false);
  expect(run(BIN, ['files', dir, '--check']).status).toBe(0);
});

test.each(['.gen/{cluster}.yaml', '.git/istio/{cluster}.yaml', 'node_modules/x/{cluster}.yaml'])(
  'an output.path in a folder the walk does not read (%s) is refused; nothing is written',
  (path) => {
    const dir = scratch('examples/bookinfo');
    const config = join(dir, CONFIG);
    writeFileSync(config, readFileSync(config, 'utf8').replace('spec:', `spec:\n  output: {path: "${path}"}`));
    const before = snapshot(dir);
    const result = run(BIN, ['files', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `error: spec.output.path puts generated resources in "${path.replace('{cluster}', 'cluster1')}", in a folder that files mode does not read`,
    );
    expect(snapshot(dir)).toEqual(before);
  },
);

test('after a SIGKILL in the middle of a write, a rerun leaves exactly what an uninterrupted run leaves', async () => {
  const { dir, config } = meshPackage();
  const clean = join(mkdtempSync(join(tmpdir(), 'mcr-clean-')), 'pkg');
  cpSync(dir, clean, { recursive: true });
  expect(run(BIN, ['files', clean, '--config', config('a')]).status).toBe(0);
  const killed = await new Promise<NodeJS.Signals | null>((done) => {
    const child = spawn(process.execPath, [BIN, 'files', dir, '--config', config('a')], { stdio: 'ignore' });
    const watcher = watch(dir, { recursive: true }, (_event, name) => {
      if (!String(name).endsWith('.tmp')) return;
      watcher.close();
      child.kill('SIGKILL');
    });
    child.on('close', (_code, signal) => {
      watcher.close();
      done(signal);
    });
  });
  expect(killed).toBe('SIGKILL');
  const rerun = run(BIN, ['files', dir, '--config', config('a')]);
  expect(rerun.status).toBe(0);
  expect(snapshot(dir)).toEqual(snapshot(clean));
}, 120_000);
