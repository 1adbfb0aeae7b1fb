/**
 * Argo CD (examples/argocd), without a cluster: run what the repo-server would run, from the example files themselves —
 * kustomize with the `kustomize.buildOptions` of argocd-cm.yaml, and the CMP sidecar's `generate` command of cmp-plugin.yaml.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { BIN, envWithTools, KUSTOMIZE, ROOT, run, scratch } from '../support/tools';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const CLUSTERS = ['cluster1', 'cluster2'];
const EXAMPLE = join(ROOT, 'examples', 'argocd');
const read = (file: string): Obj => parse(readFileSync(join(EXAMPLE, file), 'utf8')) as Obj;
/** The documents of a YAML stream; empty ones (post-render starts with `---`) are skipped, as Argo CD does. */
const docsOf = (stream: string): Obj[] => parseAllDocuments(stream).flatMap((d) => (d.toJS() === null ? [] : [d.toJS() as Obj]));
const key = (r: Obj): string => `${r['kind'] as string}/${(r['metadata']['namespace'] as string | undefined) ?? ''}/${r['metadata']['name'] as string}`;
const sorted = (docs: Obj[]): Obj[] => [...docs].sort((a, b) => key(a).localeCompare(key(b)));

/** The function's resources for the cluster are there, and the reviews pods carry the label they select. */
function expectRendered(docs: Obj[], cluster: string): void {
  const generated = docs.filter((d) => d['metadata']?.['labels']?.['app.kubernetes.io/managed-by'] === 'multicluster-routes');
  expect(generated.map((d) => d['kind'] as string).sort()).toEqual(expect.arrayContaining(['DestinationRule', 'Gateway', 'ServiceEntry', 'VirtualService']));
  for (const d of generated) expect(d['metadata']['annotations']['multicluster-routes.dev/cluster']).toBe(cluster);
  const reviews = docs.filter((d) => d['kind'] === 'Deployment' && String(d['metadata']['name']).startsWith('reviews-'));
  expect(reviews.length).toBeGreaterThan(0);
  for (const d of reviews) expect(d['spec']['template']['metadata']['labels']['service.multicluster-routes.dev/reviews']).toBe('true');
}

/** argocd-cm's kustomize.buildOptions, appended to `kustomize build <path>` as the repo-server does. */
function buildWithArgocdCm(cluster: string): ReturnType<typeof run> {
  const configMap = read('argocd-cm.yaml');
  expect(configMap['metadata']).toMatchObject({ name: 'argocd-cm', namespace: 'argocd' });
  const options = String(configMap['data']['kustomize.buildOptions'])
    .split(' ')
    .filter((o) => o !== '');
  return run(KUSTOMIZE, ['build', join('examples', 'kustomize', cluster), ...options], { env: envWithTools() });
}

/**
 * The CMP's generate command, run as the sidecar runs it: command + args, in the Application's directory of a
 * throwaway copy of the repository (no dist/ in it), with only `multicluster-routes`, `kustomize`, node and the
 * system tools on PATH.
 */
function generateWithCmp(cluster: string, edit?: (repo: string) => void): ReturnType<typeof run> {
  const plugin = read('cmp-plugin.yaml');
  const repo = dirname(scratch('examples', 'examples'));
  const bin = join(repo, '.bin');
  mkdirSync(bin);
  symlinkSync(BIN, join(bin, 'multicluster-routes'));
  symlinkSync(KUSTOMIZE, join(bin, 'kustomize'));
  edit?.(repo);
  const appDir = join(repo, 'examples', 'kustomize', cluster);
  expect(existsSync(join(appDir, plugin['spec']['discover']['fileName'] as string))).toBe(true);
  const [command, ...rest] = [...(plugin['spec']['generate']['command'] as string[]), ...((plugin['spec']['generate']['args'] as string[] | undefined) ?? [])];
  const PATH = [bin, dirname(process.execPath), '/usr/bin', '/bin'].join(':');
  return run(command as string, rest, { cwd: appDir, env: { PATH, ARGOCD_APP_NAME: `bookinfo-${cluster}`, ARGOCD_APP_NAMESPACE: 'default' } });
}

describe.each(CLUSTERS)('%s', (cluster) => {
  test('argocd-cm: kustomize with exactly its buildOptions runs the function in the overlay', () => {
    const result = buildWithArgocdCm(cluster);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expectRendered(docsOf(result.stdout), cluster);
  });

  test('cmp-plugin: the generate command prints the same manifests, with no exec path or kustomize plugin flags', () => {
    const plugin = read('cmp-plugin.yaml');
    expect(plugin).toMatchObject({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ConfigManagementPlugin', metadata: { name: 'multicluster-routes' } });
    const result = generateWithCmp(cluster);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const docs = docsOf(result.stdout);
    expectRendered(docs, cluster);
    expect(sorted(docs)).toEqual(sorted(docsOf(buildWithArgocdCm(cluster).stdout)));
  });

  test('the Application deploys the overlay of the example to that cluster', () => {
    const app = read(`application-${cluster}.yaml`);
    expect(app).toMatchObject({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { namespace: 'argocd' } });
    expect(app['spec']['source']['path']).toBe(`examples/kustomize/${cluster}`);
    expect(existsSync(join(ROOT, app['spec']['source']['path'] as string, 'kustomization.yaml'))).toBe(true);
    expect(app['spec']['destination']['name']).toBe(cluster);
  });
});

test('cmp-plugin: a function error fails the generation and prints no manifests', () => {
  const result = generateWithCmp('cluster2', (repo) => {
    const path = join(repo, 'examples', 'bookinfo', 'cluster2', 'bookinfo.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('to: {v2: 50, v3: 50}', 'to: {v2: 50, v3: 40}'));
  });
  expect(result.status).not.toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain('total 90, not 100');
});

test('cmp-plugin: a kustomize error fails the generation instead of printing an empty manifest set', () => {
  const result = generateWithCmp('cluster1', (repo) =>
    writeFileSync(join(repo, 'examples', 'bookinfo', 'cluster1', 'kustomization.yaml'), 'resources: [missing.yaml]\n'),
  );
  expect(result.status).not.toBe(0);
  expect(result.stdout).toBe('');
});
