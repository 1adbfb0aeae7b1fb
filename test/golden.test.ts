/**
 * Every folder under testdata/ is one behaviour: input.yaml (a ResourceList with its functionConfig) and
 * expected.yaml (the whole output ResourceList with results, headed by the exit code). Folders named
 * `error-*` must fail with an error result and leave every item as it was; the others must succeed, pass
 * Istio's schemas and the subset cross-check, and be unchanged by a re-run.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runKrm } from '../src/modes/krm';
import { expectGolden } from './support/golden';
import { istioProblems, missingSubsets } from './support/istioChecks';

type Obj = Record<string, unknown>;
const ROOT = join(__dirname, '..', 'testdata');
const cases = readdirSync(ROOT).filter((name) => existsSync(join(ROOT, name, 'input.yaml')));

/** The items of a ResourceList text; none when the text is not YAML at all (the error cases for that). */
function itemsOf(text: string): Obj[] {
  try {
    return ((parse(text) as Obj | null)?.['items'] ?? []) as Obj[];
  } catch {
    return [];
  }
}
const resultsOf = (text: string): Obj[] => ((parse(text) as Obj)['results'] ?? []) as Obj[];
const isGenerated = (r: Obj): boolean => ((r['metadata'] as Obj)['labels'] as Obj | undefined)?.['app.kubernetes.io/managed-by'] === 'multicluster-routes';
const functionConfigOf = (text: string): Obj => ((parse(text) as Obj)['functionConfig'] ?? {}) as Obj;

test('there are golden cases', () => {
  expect(cases.length).toBeGreaterThan(30);
});

describe.each(cases)('%s', (name) => {
  const input = readFileSync(join(ROOT, name, 'input.yaml'), 'utf8');
  const run = runKrm(input);
  const failing = name.startsWith('error-');

  test('output matches expected.yaml', () => {
    expectGolden(join(ROOT, name, 'expected.yaml'), `# exit code: ${run.exitCode}\n${run.stdout}`);
  });

  test('a second run gives identical output', () => {
    expect(runKrm(input)).toEqual(run);
  });

  if (failing) {
    test('fails with error results and changes no item', () => {
      expect(run.exitCode).toBe(1);
      const errors = resultsOf(run.stdout).filter((r) => r['severity'] === 'error');
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(String(e['message']).length).toBeGreaterThan(20);
      const before = itemsOf(input);
      expect(itemsOf(run.stdout)).toEqual(Array.isArray(before) ? before : []);
    });
    return;
  }

  test('succeeds', () => {
    expect(resultsOf(run.stdout).filter((r) => r['severity'] === 'error')).toEqual([]);
    expect(run.exitCode).toBe(0);
  });

  test('generated Istio resources pass the CRD schemas of their apiVersion', () => {
    const generated = itemsOf(run.stdout).filter((r) => isGenerated(r) && r['kind'] !== 'Service');
    const problems = generated.flatMap((r) => istioProblems(r).map((p) => `${r['kind'] as string} ${(r['metadata'] as Obj)['name'] as string}: ${p}`));
    expect(problems).toEqual([]);
  });

  test('every VirtualService subset exists in a DestinationRule of the same cluster', () => {
    expect(missingSubsets(itemsOf(run.stdout).filter(isGenerated))).toEqual([]);
  });

  const spec = (functionConfigOf(input)['spec'] ?? {}) as Obj;
  const overlayDrops =
    spec['targetCluster'] !== undefined && itemsOf(run.stdout).filter((r) => !isGenerated(r)).length < itemsOf(input).filter((r) => !isGenerated(r)).length;
  if (!overlayDrops) {
    test('re-running on the output changes nothing', () => {
      expect(runKrm(run.stdout)).toEqual(run);
    });
  }
});
