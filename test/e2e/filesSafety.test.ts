/**
 * Files mode never leaves a package half written, and never replaces or deletes a file it did not generate.
 * SIGTERM is sent to the built CLI at random moments while it rewrites a large package (about a thousand
 * generated files); afterwards the package is wholly as it was or wholly as a full run leaves it, with no
 * temporary file left over.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, run } from '../support/tools';

const CLUSTERS = ['east', 'west', 'north', 'south'];
const SERVICES = 50;

function functionConfig(suffix: string): string {
  const clusters = CLUSTERS.map((c, i) => `  - {name: ${c}, gateway: {address: 192.0.2.${i + 1}}, paths: ["${c}/**"]}`).join('\n');
  return `apiVersion: multicluster-routes.dev/v1alpha1
kind: MulticlusterRoutes
metadata:
  name: mesh
  annotations: {config.kubernetes.io/local-config: "true"}
spec:
  globalSuffix: ${suffix}
  output: {path: "generated/{cluster}/{namespace}/{service}-{kind}-{name}.yaml"}
  clusters:
${clusters}
`;
}

/** One cluster's manifests: every service exported, each version in two clusters, so that every cluster needs every service. */
function clusterManifests(cluster: number, exported: (s: number) => boolean, prefix = 'svc', routes = '[{to: {v0: 25, v1: 25, v2: 25, v3: 25}}]'): string {
  const docs: string[] = [];
  for (let s = 0; s < SERVICES; s++) {
    const name = `${prefix}${s}`;
    const annotations = exported(s) ? `\n  annotations: {multicluster-routes.dev/export: "true", multicluster-routes.dev/routes: "${routes}"}` : '';
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}${annotations}\nspec:\n  ports: [{name: http, port: 8080}]\n  selector: {app: ${name}}\n`,
    );
    for (const v of [cluster, (cluster + 1) % CLUSTERS.length]) {
      docs.push(
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}-v${v}\nspec:\n  selector: {matchLabels: {app: ${name}, version: v${v}}}\n  template:\n    metadata:\n      labels: {app: ${name}, version: v${v}}\n    spec: {containers: [{name: app, image: example/app:1}]}\n`,
      );
    }
  }
  return docs.join('---\n');
}

function writePackage(dir: string, suffix: string, exported: (s: number) => boolean): void {
  writeFileSync(join(dir, 'multicluster-routes.yaml'), functionConfig(suffix));
  CLUSTERS.forEach((c, i) => {
    mkdirSync(join(dir, c), { recursive: true });
    writeFileSync(join(dir, c, 'mesh.yaml'), clusterManifests(i, exported));
  });
}

/** Every file under the directory with its content. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

const same = (a: Map<string, string>, b: Map<string, string>): boolean => a.size === b.size && [...a].every(([path, text]) => b.get(path) === text);

/** Run files mode on `dir`, sending SIGTERM after `delayMs`, or `afterTempMs` after its first temporary file appears. */
function interrupted(
  dir: string,
  when: { delayMs: number } | { afterTempMs: number },
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'files', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const kill = (): void => void child.kill('SIGTERM');
    let watcher: ReturnType<typeof watch> | undefined;
    if ('delayMs' in when) setTimeout(kill, when.delayMs);
    else {
      watcher = watch(dir, { recursive: true }, (_event, name) => {
        if (!String(name).endsWith('.tmp')) return;
        watcher?.close();
        setTimeout(kill, when.afterTempMs);
      });
    }
    child.on('exit', (code, signal) => {
      watcher?.close();
      resolve({ code, signal, stderr });
    });
  });
}

describe('a signal while files mode rewrites a large package', () => {
  const root = mkdtempSync(join(tmpdir(), 'mcr-signals-'));
  const before = join(root, 'before');
  const after = join(root, 'after');
  let old: Map<string, string>;
  let full: Map<string, string>;
  let fullMs = 0;

  beforeAll(() => {
    mkdirSync(before);
    writePackage(before, 'global', () => true);
    expect(run(BIN, ['files', before]).status).toBe(0);
    // The next run rewrites every generated file (a new global suffix), deletes some (services no longer exported) and creates some.
    writePackage(before, 'mesh', (s) => s % 10 !== 0);
    writeFileSync(
      join(before, 'east', 'extra.yaml'),
      clusterManifests(0, () => true, 'extra', '[{to: {v0: 50, v1: 50}}]'),
    );
    old = snapshot(before);
    cpSync(before, after, { recursive: true });
    const started = Date.now();
    const done = run(BIN, ['files', after]);
    fullMs = Date.now() - started;
    expect(done.status).toBe(0);
    full = snapshot(after);
  }, 120_000);

  test('the package is large, and a full run changes created, rewritten and deleted files', () => {
    const generated = [...full.keys()].filter((p) => p.startsWith('generated/'));
    expect(generated.length).toBeGreaterThan(800);
    expect([...old.keys()].some((p) => !full.has(p))).toBe(true);
    expect([...full.keys()].some((p) => !old.has(p))).toBe(true);
    expect([...full].filter(([p, text]) => old.has(p) && old.get(p) !== text).length).toBeGreaterThan(500);
  });

  test('each interrupted run leaves every file wholly old or the whole package new, and no temporary file', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const dir = join(root, `run${i}`);
      cpSync(before, dir, { recursive: true });
      // Half the kills land anywhere in the run, half while the temporary files are being written.
      const when = i % 2 === 0 ? { delayMs: Math.floor(Math.random() * fullMs) } : { afterTempMs: Math.floor(Math.random() * 40) };
      const result = await interrupted(dir, when);
      const now = snapshot(dir);
      const state = same(now, old) ? 'old' : same(now, full) ? 'new' : 'mixed';
      const leftovers = [...now.keys()].filter((p) => /\.(tmp|old)$/.test(p));
      outcomes.push(`${JSON.stringify(when)} → exit ${result.code ?? result.signal ?? '?'}, ${state}`);
      expect({ outcomes, mixed: state === 'mixed', leftovers }).toEqual({ outcomes, mixed: false, leftovers: [] });
      if (result.code === 143) expect(result.stderr).toMatch(/interrupted by SIGTERM; nothing was written|SIGTERM arrived while the files were being renamed/);
    }
    // The kills aimed at the write must have met the handler at least once: the property was exercised.
    expect(outcomes.some((o) => o.includes('exit 143, old'))).toBe(true);
  }, 300_000);
});

describe('files mode never replaces or deletes a file it did not generate', () => {
  function pkg(output: string, extra: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'mcr-owned-'));
    writeFileSync(
      join(dir, 'multicluster-routes.yaml'),
      `apiVersion: multicluster-routes.dev/v1alpha1\nkind: MulticlusterRoutes\nmetadata:\n  name: mesh\n  annotations: {config.kubernetes.io/local-config: "true"}\nspec:\n  output: {path: "${output}"}\n  clusters:\n  - {name: c1, gateway: {address: 192.0.2.1}}\n`,
    );
    writeFileSync(
      join(dir, 'app.yaml'),
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations: {multicluster-routes.dev/cluster: c1, multicluster-routes.dev/export: "true"}\nspec:\n  ports: [{name: http, port: 80}]\n  selector: {app: web}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-v1\n  annotations: {multicluster-routes.dev/cluster: c1}\nspec:\n  selector: {matchLabels: {app: web, version: v1}}\n  template:\n    metadata:\n      labels: {app: web, version: v1}\n',
    );
    for (const [path, text] of Object.entries(extra)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }

  test.each([
    [
      'a file of the user in a hidden folder, where output.path writes',
      '.istio/{cluster}.yaml',
      { '.istio/c1.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: mine}\n' },
    ],
    ['the functionConfig itself, as output.path', 'multicluster-routes.yaml', {}],
    ['a comment-only note of the user, where output.path writes', 'notes/{cluster}.yaml', { 'notes/c1.yaml': '# my notes about c1\n' }],
  ])('%s: an error, and nothing is written', (_name, output, extra) => {
    const dir = pkg(output, extra);
    const before = snapshot(dir);
    const result = run(BIN, ['files', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/error: .*(would be replaced or deleted|written by hand|in a folder that files mode does not read)/);
    expect(result.stderr).toContain('nothing was written');
    expect(same(snapshot(dir), before)).toBe(true);
  });

  test('a generated file to which the user added a resource is not deleted when it goes stale', () => {
    const dir = pkg('istio/{cluster}.yaml', {});
    expect(run(BIN, ['files', dir]).status).toBe(0);
    const generated = join(dir, 'istio', 'c1.yaml');
    writeFileSync(generated, `${readFileSync(generated, 'utf8')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: added-by-hand}\n`);
    const config = join(dir, 'multicluster-routes.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('istio/{cluster}.yaml', 'moved/{cluster}.yaml'));
    const before = snapshot(dir);
    const result = run(BIN, ['files', dir]);
    expect(result.status).toBe(1);
    expect(same(snapshot(dir), before)).toBe(true);
    expect(existsSync(join(dir, 'moved'))).toBe(false);
  });

  test('a generated file is replaced and a stale one deleted when they hold only generated resources', () => {
    const dir = pkg('istio/{cluster}.yaml', {});
    expect(run(BIN, ['files', dir]).status).toBe(0);
    const config = join(dir, 'multicluster-routes.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('istio/{cluster}.yaml', 'moved/{cluster}.yaml'));
    const result = run(BIN, ['files', dir]);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(existsSync(join(dir, 'istio', 'c1.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'moved', 'c1.yaml'))).toBe(true);
  });
});
