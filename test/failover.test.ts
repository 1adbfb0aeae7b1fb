/**
 * Failover read from the output as Istio applies it (test/support/routeEvaluator.ts, `failover`): local pods while
 * they are healthy, the other cluster's gateway once they are ejected; also when both clusters share a zone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runKrm } from '../src/modes/krm';
import { MeshView } from './support/routeEvaluator';

const view = (name: string): MeshView => {
  const run = runKrm(readFileSync(join(__dirname, '..', 'testdata', name, 'input.yaml'), 'utf8'));
  expect(run.exitCode).toBe(0);
  return new MeshView(parse(run.stdout) as Record<string, unknown>);
};
const request = { kind: 'http', port: 9080 } as const;

describe.each(['failover-local-first', 'failover-local-first-same-zone'])('%s', (name) => {
  const mesh = view(name);

  test('each cluster keeps requests on its own healthy pods', () => {
    expect(mesh.reach('cluster1', 'reviews', request)).toEqual({ 'v1@cluster1': 100 });
    expect(mesh.reach('cluster2', 'reviews', request)).toEqual({ 'v1@cluster2': 100 });
  });

  test('requests go to the other cluster once the local pods are ejected', () => {
    expect(mesh.reach('cluster1', 'reviews', { ...request, ejected: ['cluster1'] })).toEqual({ 'v1@cluster2': 100 });
    expect(mesh.reach('cluster2', 'reviews', { ...request, ejected: ['cluster2'] })).toEqual({ 'v1@cluster1': 100 });
  });
});

test('without a policy the same mesh spreads requests over both clusters (what local first changes)', () => {
  const input = readFileSync(join(__dirname, '..', 'testdata', 'failover-local-first', 'input.yaml'), 'utf8').replace(/^.*traffic-policy.*\n/m, '');
  const mesh = new MeshView(parse(runKrm(input).stdout) as Record<string, unknown>);
  expect(mesh.reach('cluster1', 'reviews', request)).toEqual({ 'v1@cluster1': 50, 'v1@cluster2': 50 });
});
