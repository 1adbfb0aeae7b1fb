/**
 * Property: every valid mesh — 1 to 5 clusters with gateway IPs or host names, services with several ports,
 * versions spread over clusters, routes with header matches and weights totalling 100, namespaces, both profiles,
 * package and overlay mode — gives exit code 0 and Istio resources that pass the CRD schemas and the subset
 * cross-check; the same input gives the same output; and in package mode a run on the output changes nothing.
 */
import fc from 'fast-check';
import type { BoundedKrm } from '../support/boundedKrm';
import { meshArb, meshText } from '../support/meshArbitrary';
import { check, runsOf } from './budget';
import { consistent, ended } from './outputChecks';
import type { Ran } from './outputChecks';

const CASE_MS = 5_000;

async function succeeds(krm: BoundedKrm, input: string): Promise<Ran> {
  const run = ended(await krm.run(input, CASE_MS), input);
  if (run.exitCode !== 0) throw new Error(`exit code ${run.exitCode}:\n${run.stdout}`);
  consistent(run);
  return run;
}

/** Another run gives exactly this output (checked once already). */
async function gives(krm: BoundedKrm, input: string, expected: Ran, what: string): Promise<void> {
  const outcome = await krm.run(input, CASE_MS);
  if (outcome.kind !== 'ran' || outcome.exitCode !== expected.exitCode || outcome.stdout !== expected.stdout) {
    const got = outcome.kind === 'ran' ? `exit code ${outcome.exitCode}:\n${outcome.stdout}` : outcome.kind;
    throw new Error(`${what}:\n${expected.stdout}\n---- became ----\n${got}`);
  }
}

const counted: number[] = [];

test(`package mode: ${runsOf('packageMeshes')} random meshes succeed with valid, deterministic, idempotent output`, async () => {
  const property = (krm: BoundedKrm) =>
    fc.asyncProperty(meshArb(), async (mesh) => {
      if (krm.hung !== undefined) return; // see BoundedKrm.hung
      const input = meshText(mesh);
      const first = await succeeds(krm, input);
      await gives(krm, input, first, 'the same input gave different output');
      await gives(krm, first.stdout, first, 'a run on the output changed it');
    });
  counted.push(await check(property, runsOf('packageMeshes')));
}, 600_000);

test(`overlay mode: ${runsOf('overlayMeshes')} random meshes succeed with valid, deterministic output`, async () => {
  const property = (krm: BoundedKrm) =>
    fc.asyncProperty(meshArb({ overlay: true }), async (mesh) => {
      if (krm.hung !== undefined) return; // see BoundedKrm.hung
      const input = meshText(mesh);
      await gives(krm, input, await succeeds(krm, input), 'the same input gave different output');
    });
  counted.push(await check(property, runsOf('overlayMeshes')));
}, 600_000);

test('every generated case ran', () => {
  expect(counted.reduce((a, b) => a + b, 0)).toBe(runsOf('packageMeshes') + runsOf('overlayMeshes'));
});
