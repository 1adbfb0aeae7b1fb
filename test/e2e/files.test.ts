/** Files mode (the plain CLI, and what the pre-commit hook runs) on a copy of the bookinfo example. */
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { BIN, commitAll, git, run, scratch } from '../support/tools';
import { generatedIn, packageModeResources } from '../support/resources';
import type { Obj } from '../support/resources';

function bookinfo(): string {
  const dir = scratch('examples/bookinfo');
  // a user file with values a YAML round trip would mangle, to prove its bytes stay
  writeFileSync(
    join(dir, 'cluster1', 'settings.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}   # odd spacing\ndata:\n  mode: 0644\n  on: yes\n  hex: 0x1F\n',
  );
  commitAll(dir, 'before');
  return dir;
}

test("writes each cluster's file where output.path says, edits only the pod labels, and a second run changes nothing", () => {
  const dir = bookinfo();
  const first = run(BIN, ['files', dir]);
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  expect(first.stdout).toContain('created');
  const diff = git(dir, 'diff', '--', 'cluster1', 'cluster2');
  const added = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
  const removed = diff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'));
  expect(removed).toEqual([]);
  expect(added).toEqual(Array(3).fill('+        service.multicluster-routes.dev/reviews: "true"'));
  expect(readdirSync(join(dir, 'clusters')).sort()).toEqual(['cluster1', 'cluster2']);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'after');
  const second = run(BIN, ['files', dir]);
  expect({ status: second.status, stdout: second.stdout }).toEqual({ status: 0, stdout: '' });
  expect(git(dir, 'status', '--porcelain')).toBe('');
  expect(run(BIN, ['files', dir, '--check']).status).toBe(0);
});

test('generates the same resources as KRM mode does for the same package', () => {
  const dir = bookinfo();
  run(BIN, ['files', dir]);
  for (const cluster of ['cluster1', 'cluster2']) {
    const written = parseAllDocuments(readFileSync(join(dir, `clusters/${cluster}/multicluster-routes.yaml`), 'utf8')).map((d) => d.toJS() as Obj);
    expect(generatedIn(written)).toEqual(packageModeResources(cluster));
  }
});

test('--check writes nothing and prints a unified diff of every stale file, exit code 1', () => {
  const dir = bookinfo();
  const check = run(BIN, ['files', dir, '--check']);
  expect(check.status).toBe(1);
  expect(check.stdout).toContain('--- a/cluster1/bookinfo.yaml\n+++ b/cluster1/bookinfo.yaml\n@@');
  expect(check.stdout).toContain('+++ b/clusters/cluster2/multicluster-routes.yaml');
  expect(check.stderr).toContain('4 file(s)');
  expect(git(dir, 'status', '--porcelain')).toBe('');
});

test('an error writes nothing: every file stays as it was; the error names the file and line', () => {
  const dir = bookinfo();
  const path = join(dir, 'cluster2', 'bookinfo.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace('to: {v2: 50, v3: 50}', 'to: {v2: 50, v3: 40}'));
  git(dir, 'commit', '-qam', 'bad weights');
  const result = run(BIN, ['files', dir]);
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/^error: .*total 90, not 100.*\(cluster2\/bookinfo.yaml:51 metadata.annotations.multicluster-routes.dev\/routes\)\n/m);
  expect(result.stderr).toContain('nothing was written');
  expect(git(dir, 'status', '--porcelain')).toBe('');
  expect(existsSync(join(dir, 'clusters'))).toBe(false);
});

test('stale generated files are deleted, files the user wrote never are', () => {
  const dir = bookinfo();
  run(BIN, ['files', dir]);
  const config = join(dir, 'multicluster-routes.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('spec:', 'spec:\n  output: {path: "istio/{cluster}.yaml"}'));
  const result = run(BIN, ['files', dir]);
  expect(result.status).toBe(0);
  expect(result.stdout).toContain(`deleted ${join(dir, 'clusters/cluster1/multicluster-routes.yaml')}`);
  expect(existsSync(join(dir, 'istio', 'cluster1.yaml'))).toBe(true);
  expect(readFileSync(join(dir, 'cluster1', 'settings.yaml'), 'utf8')).toContain('metadata: {name: settings}   # odd spacing');
});

test('pods of two exported Services get both labels, the legacy label goes, comments stay; a second run changes nothing', () => {
  const dir = bookinfo();
  const headless = (cluster: string): string =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews-headless # a second Service on the reviews pods\n  annotations:\n    multicluster-routes.dev/export: "true"\nspec:\n  clusterIP: None\n  ports:\n  - {name: http, port: 9080}\n  selector: {app: reviews}\n# ${cluster}\n`;
  for (const cluster of ['cluster1', 'cluster2']) writeFileSync(join(dir, cluster, 'headless.yaml'), headless(cluster));
  const path = join(dir, 'cluster1', 'bookinfo.yaml');
  const legacy = '        multicluster-routes.dev/service: reviews # from an earlier version\n';
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace('        version: v1 # the version label the subsets select\n', (line) => `${line}${legacy}`),
  );
  commitAll(dir, 'before');
  const first = run(BIN, ['files', dir]);
  expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: '' });
  const diff = git(dir, 'diff', '-U0', '--', 'cluster1', 'cluster2').split('\n');
  expect(diff.filter((l) => /^[-+] /.test(l)).sort()).toEqual([
    ...Array(3).fill('+        service.multicluster-routes.dev/reviews-headless: "true"'),
    ...Array(3).fill('+        service.multicluster-routes.dev/reviews: "true"'),
    `-${legacy.trimEnd()}`,
  ]);
  expect(readFileSync(path, 'utf8')).toContain('version: v1 # the version label the subsets select\n        service.multicluster-routes.dev/reviews: "true"');
  expect(readFileSync(join(dir, 'cluster2', 'headless.yaml'), 'utf8')).toBe(headless('cluster2'));
  const generated = readFileSync(join(dir, 'clusters', 'cluster1', 'multicluster-routes.yaml'), 'utf8');
  expect(generated).toContain('  workloadSelector:\n    labels:\n      service.multicluster-routes.dev/reviews-headless: "true"\n');
  commitAll(dir, 'after');
  const second = run(BIN, ['files', dir]);
  expect({ status: second.status, stdout: second.stdout }).toEqual({ status: 0, stdout: '' });
  expect(git(dir, 'status', '--porcelain')).toBe('');
});

describe('pod labels reached through YAML aliases', () => {
  const service =
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations: {multicluster-routes.dev/export: "true"}\nspec:\n  ports: [{name: http, port: 80}]\n  selector: {app: web}\n---\n';
  const labelsAlias =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: &n web\n  labels: &l {app: *n, version: v1}\nspec:\n  selector: {matchLabels: {app: web, version: v1}}\n  template:\n    metadata:\n      labels: *l\n';
  const metadataAlias =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: &meta\n  name: web\n  labels: {app: web, version: v1}\nspec:\n  selector: {matchLabels: {app: web, version: v1}}\n  template: {metadata: *meta}\n';

  function withWeb(deployment: string): string {
    const dir = bookinfo();
    writeFileSync(join(dir, 'cluster1', 'web.yaml'), `${service}${deployment}`);
    commitAll(dir, 'web');
    return dir;
  }

  test.each([
    [
      'labels written as an alias of a map that holds an alias',
      labelsAlias,
      labelsAlias.replace('labels: *l', 'labels: {app: web, version: v1, service.multicluster-routes.dev/web: "true"}'),
    ],
    [
      'pod metadata written as an alias',
      metadataAlias,
      metadataAlias.replace('{metadata: *meta}', '{metadata: {name: web, labels: {app: web, version: v1, service.multicluster-routes.dev/web: "true"}}}'),
    ],
  ])('%s: the alias becomes a copy with the pod label, and a second run changes nothing', (_name, deployment, expected) => {
    const dir = withWeb(deployment);
    const first = run(BIN, ['files', dir]);
    expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: '' });
    expect(readFileSync(join(dir, 'cluster1', 'web.yaml'), 'utf8')).toBe(`${service}${expected}`);
    commitAll(dir, 'after');
    expect(run(BIN, ['files', dir, '--check']).status).toBe(0);
  });

  test('a pod label it cannot edit as text is an error result naming the Deployment and field; nothing is written', () => {
    const dir = withWeb(
      metadataAlias
        .replace('labels: {app: web, version: v1}', 'labels: {app: web, version: &v v1}')
        .replace('{metadata: *meta}', '{metadata: {labels: {app: web, version: v1, service.multicluster-routes.dev/web: *v}}}'),
    );
    const result = run(BIN, ['files', dir]);
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 1, stdout: '' });
    expect(result.stderr).toMatch(
      /^error: Deployment web: cannot set the pod label service\.multicluster-routes\.dev\/web: "true": .*YAML aliases.*write spec\.template\.metadata\.labels out as a plain map.* \(cluster1\/web\.yaml:17 spec\.template\.metadata\.labels\)\n/m,
    );
    expect(result.stderr).toContain('nothing was written');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
