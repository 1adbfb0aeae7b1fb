/**
 * Property: a damaged valid input — fields dropped, wrong types, odd strings (control characters, unicode, very
 * long strings), huge numbers, `__proto__`/`constructor`/`prototype` keys in annotations, labels and routes, stray
 * YAML syntax — gives either exit code 0 and valid output, or exit code 1 and at least one error result. Never a
 * thrown exception, a stack trace, a hang (each case has a time bound) or a changed built-in prototype.
 */
import fc from 'fast-check';
import type { BoundedKrm } from '../support/boundedKrm';
import { encode, meshArb, resourceList } from '../support/meshArbitrary';
import { mutateText, mutateTree, textMutation, treeMutation } from '../support/mutations';
import { check, runsOf } from './budget';
import { consistent, ended } from './outputChecks';

const CASE_MS = 5_000;

async function holds(krm: BoundedKrm, input: string): Promise<void> {
  if (krm.hung !== undefined) return; // see BoundedKrm.hung
  consistent(ended(await krm.run(input, CASE_MS), input));
}

/** Small meshes: the damage is the point, and a small input makes each case fast. */
const base = meshArb({ overlay: true, maxServices: 2 });
const counted: number[] = [];

test(`${runsOf('treeMutations')} damaged ResourceList objects: a valid output or error results, nothing else`, async () => {
  const property = (krm: BoundedKrm) =>
    fc.asyncProperty(base, fc.array(treeMutation, { minLength: 1, maxLength: 3 }), async (mesh, mutations) => {
      const list = resourceList(mesh);
      for (const m of mutations) mutateTree(list, m);
      await holds(krm, encode(list, mesh.routesFormat, mesh.listStyle));
    });
  counted.push(await check(property, runsOf('treeMutations')));
}, 600_000);

test(`${runsOf('textMutations')} damaged ResourceList texts: a valid output or error results, nothing else`, async () => {
  const property = (krm: BoundedKrm) =>
    fc.asyncProperty(base, fc.array(textMutation, { minLength: 1, maxLength: 3 }), async (mesh, mutations) => {
      await holds(krm, mutations.reduce(mutateText, encode(resourceList(mesh), mesh.routesFormat, mesh.listStyle)));
    });
  counted.push(await check(property, runsOf('textMutations')));
}, 600_000);

test('every generated case ran', () => {
  expect(counted.reduce((a, b) => a + b, 0)).toBe(runsOf('treeMutations') + runsOf('textMutations'));
});
