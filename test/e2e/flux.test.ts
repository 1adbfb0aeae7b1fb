/**
 * Flux (examples/flux), without a cluster: on a copy of the repository's examples, run the CI step render.sh, then build
 * each Flux Kustomization's path the way Flux's kustomize-controller does — plain kustomize with plugins disabled and
 * the load restrictor off (fluxcd/pkg kustomize.Build: LoadRestrictionsNone, DisabledPluginConfig).
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { updating } from '../support/golden';
import { BIN, KUSTOMIZE, run, scratch } from '../support/tools';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const CLUSTERS = ['cluster1', 'cluster2'];
const docsOf = (stream: string): Obj[] => parseAllDocuments(stream).flatMap((d) => (d.toJS() === null ? [] : [d.toJS() as Obj]));
const key = (r: Obj): string => `${r['kind'] as string}/${(r['metadata']['namespace'] as string | undefined) ?? ''}/${r['metadata']['name'] as string}`;
const sorted = (docs: Obj[]): Obj[] => [...docs].sort((a, b) => key(a).localeCompare(key(b)));

/** A throwaway repository holding a copy of examples/, and an environment with `multicluster-routes` on PATH. */
function checkout(): { repo: string; env: NodeJS.ProcessEnv } {
  const repo = dirname(scratch('examples', 'examples'));
  const bin = join(repo, '.bin');
  mkdirSync(bin);
  symlinkSync(BIN, join(bin, 'multicluster-routes'));
  return { repo, env: { PATH: [bin, dirname(process.execPath), '/usr/bin', '/bin'].join(':') } };
}

const renderSh = (repo: string, env: NodeJS.ProcessEnv, ...args: string[]) => run(join(repo, 'examples', 'flux', 'render.sh'), args, { cwd: repo, env });

/** What Flux applies for a cluster: its Kustomization's path, built as kustomize-controller builds it. */
function fluxBuild(repo: string, cluster: string): ReturnType<typeof run> {
  const flux = parse(readFileSync(join(repo, 'examples', 'flux', `${cluster}-kustomization.yaml`), 'utf8')) as Obj;
  expect(flux).toMatchObject({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', spec: { sourceRef: { kind: 'GitRepository' } } });
  return run(KUSTOMIZE, ['build', '--load-restrictor', 'LoadRestrictionsNone', join(repo, flux['spec']['path'] as string)], { cwd: repo });
}

const MESH = join('examples', 'flux', 'mesh');

test("the committed rendering of examples/flux/mesh is fresh (CI runs this): render.sh passes on a fresh clone's files", () => {
  // `npm run test:update` re-renders the committed package first (review the diff), as it regenerates the goldens.
  if (updating) expect(run(BIN, ['files', MESH]).status).toBe(0);
  const { repo, env } = checkout();
  const check = renderSh(repo, env);
  expect({ status: check.status, stdout: check.stdout, stderr: check.stderr }).toEqual({
    status: 0,
    stdout: '',
    stderr: `multicluster-routes: ${MESH} is up to date\n`,
  });
});

test("each Flux path builds, without plugins, to the cluster's manifests plus its committed Istio resources", () => {
  const { repo } = checkout();
  for (const cluster of CLUSTERS) {
    const result = fluxBuild(repo, cluster);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const docs = docsOf(result.stdout);
    const reviews = docs.filter((d) => d['kind'] === 'Deployment' && String(d['metadata']['name']).startsWith('reviews-'));
    expect(reviews.length).toBeGreaterThan(0);
    for (const d of reviews) expect(d['spec']['template']['metadata']['labels']['service.multicluster-routes.dev/reviews']).toBe('true');
    const generated = docs.filter((d) => d['metadata']['labels']?.['app.kubernetes.io/managed-by'] === 'multicluster-routes');
    expect(generated.map((d) => d['kind'] as string)).toEqual(expect.arrayContaining(['DestinationRule', 'Gateway', 'ServiceEntry', 'VirtualService']));
    for (const d of generated) expect(d['metadata']['annotations']['multicluster-routes.dev/cluster']).toBe(cluster);
    const committed = docsOf(readFileSync(join(repo, MESH, 'clusters', cluster, 'multicluster-routes.yaml'), 'utf8'));
    expect(sorted(generated)).toEqual(sorted(committed));
  }
});

test('a change not rendered fails render.sh with the diff, writing nothing; --write renders it and the check passes again', () => {
  const { repo, env } = checkout();
  for (const cluster of CLUSTERS) {
    const manifests = join(repo, MESH, cluster, 'bookinfo.yaml');
    writeFileSync(manifests, readFileSync(manifests, 'utf8').replace('to: {v2: 50, v3: 50}', 'to: {v2: 80, v3: 20}'));
  }
  const generated = join(repo, MESH, 'clusters', 'cluster1', 'multicluster-routes.yaml');
  const before = readFileSync(generated, 'utf8');
  const check = renderSh(repo, env);
  expect(check.status).toBe(1);
  expect(check.stdout).toContain('+++ b/clusters/cluster1/multicluster-routes.yaml');
  expect(check.stdout).toContain('+      weight: 80');
  expect(check.stderr).toContain('are not what the function generates');
  expect(readFileSync(generated, 'utf8')).toBe(before);
  const write = renderSh(repo, env, MESH, '--write');
  expect({ status: write.status, stderr: write.stderr }).toEqual({ status: 0, stderr: '' });
  expect(renderSh(repo, env).status).toBe(0);
});
