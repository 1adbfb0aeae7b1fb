/**
 * Behaviours that only one golden case (or none) pinned down, each checked on its own so that a one-line change that
 * breaks it fails here: gateway ports per cluster, collisions with resources of no known cluster, output.path with
 * two clusters, versionLabel and globalSuffix everywhere they apply, YAML 1.1 number-like strings on the fast path,
 * and an output that does not depend on the order of the input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { emitYaml } from '../src/krm/emitYaml';
import { runKrm } from '../src/modes/krm';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const golden = (name: string): string => readFileSync(join(__dirname, '..', 'testdata', name, 'input.yaml'), 'utf8');
const run = (input: string): { exitCode: number; list: Obj } => {
  const result = runKrm(input);
  return { exitCode: result.exitCode, list: parse(result.stdout) as Obj };
};
const generated = (list: Obj): Obj[] =>
  (list['items'] as Obj[]).filter((i) => i['metadata']?.['labels']?.['app.kubernetes.io/managed-by'] === 'multicluster-routes');
/** The input with `lines` added at the top of its functionConfig's spec. */
const withSpec = (input: string, lines: string): string => {
  const at = input.indexOf('\nfunctionConfig:');
  return input.slice(0, at) + input.slice(at).replace(/\n {2}spec:\n/, `\n  spec:\n${lines}`);
};
const errors = (list: Obj): string[] => ((list['results'] ?? []) as Obj[]).filter((r) => r['severity'] === 'error').map((r) => String(r['message']));

describe('each cluster is reached at its own gateway port', () => {
  const PORTS: Record<string, number> = { '192.0.2.10': 15443, '198.51.100.20': 16443, '203.0.113.30': 17443 };
  const withPorts = golden('three-clusters-classic')
    .replace('{address: 198.51.100.20}', '{address: 198.51.100.20, port: 16443}')
    .replace('{address: 203.0.113.30}', '{address: 203.0.113.30, port: 17443}');
  test.each([
    ['classic', withPorts],
    ['current', withPorts.replace(/^ *profile: classic\n/m, '')],
  ])('%s: every endpoint at a gateway address uses that gateway port', (_profile, input) => {
    const { exitCode, list } = run(input);
    expect(exitCode).toBe(0);
    let checked = 0;
    for (const resource of generated(list)) {
      const endpoints: Obj[] =
        resource['kind'] === 'ServiceEntry' ? (resource['spec']['endpoints'] ?? []) : resource['kind'] === 'WorkloadEntry' ? [resource['spec']] : [];
      for (const endpoint of endpoints) {
        const port = PORTS[endpoint['address'] as string];
        if (port === undefined) continue;
        expect(Object.values(endpoint['ports'] ?? {})).toEqual(Object.keys(endpoint['ports'] ?? {}).map(() => port));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });
});

test('a resource of no known cluster, named as a generated one, collides with it in every cluster', () => {
  const input = golden('three-clusters').replace(
    /\nfunctionConfig:/,
    '\n- {apiVersion: networking.istio.io/v1, kind: DestinationRule, metadata: {name: reviews-global}, spec: {host: x}}\nfunctionConfig:',
  );
  const { exitCode, list } = run(input);
  expect(exitCode).toBe(1);
  const collisions = errors(list).filter((m) => m.startsWith('DestinationRule default/reviews-global was written by hand'));
  expect(collisions.map((m) => /for cluster (\w+)/.exec(m)?.[1])).toEqual(['cluster1', 'cluster2', 'cluster3']);
});

test('output.path without {cluster} is refused for two clusters', () => {
  const input = withSpec(golden('bookinfo-current'), "    output: {path: 'istio/routes.yaml'}\n");
  const { exitCode, list } = run(input);
  expect(exitCode).toBe(1);
  expect(errors(list).join('\n')).toContain('must contain {cluster} when several clusters are emitted');
});

test.each(['classic', 'current'])('%s: versionLabel and globalSuffix are used wherever a version label or a global host is written', (profile) => {
  const classic = withSpec(golden('three-clusters-classic').replace(/\bversion: (v\d)/g, 'track: $1'), '    versionLabel: track\n    globalSuffix: mesh\n');
  const input = profile === 'classic' ? classic : classic.replace(/^ *profile: classic\n/m, '');
  const { exitCode, list } = run(input);
  expect(errors(list)).toEqual([]);
  expect(exitCode).toBe(0);
  const text = JSON.stringify(generated(list));
  expect(text).not.toMatch(/\.global\b|"version"/);
  expect(text).toMatch(/\.mesh"/);
  expect(text).toMatch(/"track":"v1"/);
});

test.each(['0644', '0o17', '0x1F', '0b101', '1_000', '1:20', '+.5', '1e3', '.5', 'yes', 'No', 'on', 'OFF', 'y', '~', 'null', 'true'])(
  'the fast emitter quotes %s, which a YAML 1.1 or 1.2 reader takes for a number, a boolean or null',
  (text) => {
    expect(emitYaml({ value: text })).toBe(`value: "${text}"\n`);
  },
);

describe('the output does not depend on the order of the input', () => {
  const shuffled = (input: string, how: (items: string[]) => string[]): string => {
    const [head = '', rest = ''] = input.split(/^items:\n/m);
    const [items = '', tail = ''] = rest.split(/^(?=functionConfig:)/m);
    const chunks = items.split(/^(?=- )/m).filter((c) => c !== '');
    return `${head}items:\n${how(chunks).join('')}${tail}`;
  };
  const byIdentity = (list: Obj): Obj[] =>
    generated(list)
      .map((r) => JSON.stringify(r))
      .sort()
      .map((r) => JSON.parse(r) as Obj);
  test.each(['bookinfo-current', 'three-clusters-classic', 'non-default-namespaces', 'multi-port'])('%s, its items reversed or rotated', (name) => {
    const input = golden(name);
    const first = run(input);
    expect(first.exitCode).toBe(0);
    for (const how of [(c: string[]) => [...c].reverse(), (c: string[]) => [...c.slice(2), ...c.slice(0, 2)]]) {
      const again = run(shuffled(input, how));
      expect(again.exitCode).toBe(0);
      expect(byIdentity(again.list)).toEqual(byIdentity(first.list));
    }
  });
});

test('a route value holding a lone surrogate, which no UTF-8 output can hold, is an error', () => {
  const { exitCode, list } = run(golden('bookinfo-current').replaceAll('{exact: jason}', '{exact: "a\\ud800b"}'));
  expect(exitCode).toBe(1);
  expect(errors(list).join('\n')).toContain('headers.end-user.exact: holds a lone surrogate');
});
