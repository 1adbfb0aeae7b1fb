/**
 * Hostile inputs (a wider table than test/hostile.test.ts, the KRM reader's own limit tests), through the built CLI
 * (as kpt runs it) and through runKrm (in a worker, with a time bound): each
 * must end within the bound with a clear error result and exit code 1, or with a valid success where that is the
 * right answer; never a crash, a hang, a stack trace or a changed Object.prototype.
 *
 * A case with `known` describes how the function misbehaves on it today (reported to the owners of the code
 * involved); it runs as test.failing, so it turns red the day the misbehaviour is fixed: then delete `known`.
 */
import { spawnSync } from 'node:child_process';
import { runKrm } from '../src/modes/krm';
import { consistent, ended, errorsOf } from './fuzz/outputChecks';
import type { Ran } from './fuzz/outputChecks';
import type { Bounded } from './support/boundedKrm';
import { BoundedKrm, STACK_TRACE } from './support/boundedKrm';
import { BIN } from './support/tools';

type Obj = Record<string, unknown>;

const BOUND_MS = 10_000;
const HEAD = 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\n';
const CONFIG =
  'functionConfig: {apiVersion: multicluster-routes.dev/v1alpha1, kind: MulticlusterRoutes, spec: {clusters: [{name: c1, gateway: {address: 192.0.2.1}}, {name: c2, gateway: {address: 192.0.2.2}}]}}\n';

const service = (annotations = '', specExtra = ''): string =>
  `- apiVersion: v1\n  kind: Service\n  metadata:\n    name: web\n    annotations:\n      multicluster-routes.dev/cluster: c1\n      multicluster-routes.dev/export: "true"${annotations}\n  spec:\n    ports: [{name: http, port: 80}]\n    selector: {app: web}${specExtra}\n`;
const deployment = (version: string, cluster: string, labels = `{app: web, version: ${version}}`): string =>
  `- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: web-${version}, annotations: {multicluster-routes.dev/cluster: ${cluster}}}\n  spec:\n    selector: {matchLabels: {app: web, version: ${version}}}\n    template:\n      metadata:\n        labels: ${labels}\n`;
const mesh = (svc = service()): string => `${HEAD}items:\n${svc}${deployment('v1', 'c1')}${deployment('v2', 'c2')}${CONFIG}`;
const configMap = (data: string): string =>
  `- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: settings, annotations: {multicluster-routes.dev/cluster: c1}}\n  data: ${data}\n`;
const withItems = (...items: string[]): string => `${HEAD}items:\n${items.join('')}${CONFIG}`;
/**
 * A Deployment whose selector and pod labels are one map: anchored in the selector, aliased in the pod labels (even
 * `i`); or anchored in the pod labels, written first, and aliased in the selector (odd `i`).
 */
const sharedLabels = (i: number): string => {
  const anchored = `&l${i} {app: web, version: v${i}}`;
  const selector = (labels: string): string => `    selector: {matchLabels: ${labels}}\n`;
  const template = (labels: string): string => `    template: {metadata: {labels: ${labels}}}\n`;
  const spec = i % 2 === 0 ? selector(anchored) + template(`*l${i}`) : template(anchored) + selector(`*l${i}`);
  return `- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: web-v${i}, annotations: {multicluster-routes.dev/cluster: c${(i % 2) + 1}}}\n  spec:\n${spec}`;
};

/** Ten anchors, each a list of ten aliases of the one before: 10^9 nodes once expanded. */
const laughs = (indent: string): string =>
  [`${indent}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]`]
    .concat(Array.from({ length: 9 }, (_v, i) => `${indent}l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`))
    .join('\n');
const DEEP = 10_000;
const deepFlow = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
const deepBlock = (indent: number): string => Array.from({ length: DEEP }, (_v, i) => `${' '.repeat(indent + i)}a:`).join('\n');

const vsOf = (run: Ran): Obj | undefined =>
  (run.list['items'] as Obj[]).find((i) => i['kind'] === 'VirtualService' && (i['metadata'] as Obj)['annotations'] !== undefined);

interface Case {
  readonly name: string;
  readonly input: string | Buffer;
  /** An error whose message matches; a success (exit 0, valid output); or either, with the error's message. */
  readonly want: { readonly error: RegExp } | 'success' | { readonly either: RegExp };
  /** More that the output must show. */
  readonly also?: (run: Ran) => void;
  /** Today's misbehaviour, reported; the case runs as test.failing (see the top of the file). */
  readonly known?: string;
  /** Through the CLI only: bytes that are no JavaScript string, or a misbehaviour that costs the whole time bound. */
  readonly cliOnly?: true;
  /** The output may be too deep for a test's YAML reader: check the exit code, the results' text and `also` only. */
  readonly opaque?: true;
}

const CASES: readonly Case[] = [
  { name: 'empty input', input: '', want: { error: /exactly one ResourceList document, found 0/ } },
  { name: 'only a comment', input: '# nothing here\n', want: { error: /exactly one ResourceList document, found 0/ } },
  {
    name: 'a Deployment instead of a ResourceList',
    input: deployment('v1', 'c1').replace(/^- /, '').replace(/^ {2}/gm, ''),
    want: { error: /not a ResourceList/ },
  },
  { name: 'two ResourceList documents', input: `${mesh()}---\n${mesh()}`, want: { error: /exactly one ResourceList document, found 2/ } },
  { name: 'items is a mapping', input: `${HEAD}items: {a: b}\n${CONFIG}`, want: { error: /"items" must be a list/ } },
  { name: 'items is a string', input: `${HEAD}items: hello\n${CONFIG}`, want: { error: /"items" must be a list/ } },
  { name: 'items is a number', input: `${HEAD}items: 5\n${CONFIG}`, want: { error: /"items" must be a list/ } },
  { name: 'an item is a string', input: `${HEAD}items: [hello]\n${CONFIG}`, want: { error: /items\[0\] is not a resource/ } },
  { name: 'a billion laughs in a Service', input: mesh(service('', `\n${laughs('    ')}`)), want: { error: /aliases to more than/ } },
  {
    name: 'a billion laughs in a ConfigMap the function only passes through',
    input: withItems(configMap(`\n${laughs('    ')}`)),
    want: { error: /aliases to more than/ },
  },
  {
    name: 'a billion laughs in the routes annotation',
    input: mesh(service(`\n      multicluster-routes.dev/routes: ${JSON.stringify(`${laughs('')}\n`)}`)),
    want: { error: /routes is not valid YAML or JSON: Excessive alias count/ },
  },
  {
    name: `${DEEP} levels of "[" in a Service`,
    input: mesh(service('', `\n    deep: ${deepFlow}`)),
    want: { error: /nested too deeply/ },
  },
  { name: `${DEEP} levels of "a:" in a Service`, input: mesh(service('', `\n    deep:\n${deepBlock(6)}`)), want: { error: /nested too deeply/ } },
  {
    name: `${DEEP} levels of "[" in a ConfigMap the function only passes through`,
    input: withItems(configMap(deepFlow)),
    want: { either: /nested too deeply/ },
    also: (run) => expect(run.exitCode === 1 || run.stdout.includes(deepFlow)).toBe(true),
    opaque: true,
  },
  {
    name: `${DEEP} levels of "[" in the routes annotation`,
    input: mesh(service(`\n      multicluster-routes.dev/routes: "${deepFlow}"`)),
    want: { error: /routes is not valid YAML or JSON/ },
  },
  {
    name: 'a 5 MB routes annotation',
    input: mesh(service(`\n      multicluster-routes.dev/routes: '[{to: v1, name: ${'x'.repeat(5 * 1024 * 1024)}}]'`)),
    want: { error: /more than Kubernetes allows/ },
    also: (run) => expect(errorsOf(run.list).every((e) => String(e['message']).length < 2_000)).toBe(true),
  },
  {
    name: 'a 20 MB value in a ConfigMap the function only passes through',
    input: withItems(service(), deployment('v1', 'c1'), configMap(`{big: ${'x'.repeat(20 * 1024 * 1024)}}`)),
    want: 'success',
  },
  {
    name: 'a 100,000-character paths glob in the functionConfig',
    input: mesh()
      .replace('{name: c1, gateway: {address: 192.0.2.1}}', `{name: c1, gateway: {address: 192.0.2.1}, paths: ["${'x'.repeat(100_000)}"]}`)
      .replace(
        'multicluster-routes.dev/cluster: c1\n      multicluster-routes.dev/export',
        'internal.config.kubernetes.io/path: a.yaml\n      multicluster-routes.dev/export',
      ),
    want: { error: /spec\.clusters\[0\]\.paths\[0\]: a glob may have at most 1024 characters/ },
    also: (run) => expect(errorsOf(run.list).every((e) => String(e['message']).length < 500)).toBe(true),
  },
  {
    name: 'a paths glob of 200 stars and a path that almost matches it',
    input: mesh()
      .replace('{name: c1, gateway: {address: 192.0.2.1}}', `{name: c1, gateway: {address: 192.0.2.1}, paths: ["${'*a'.repeat(200)}"]}`)
      .replace(
        'multicluster-routes.dev/cluster: c1\n      multicluster-routes.dev/export',
        `internal.config.kubernetes.io/path: ${'a'.repeat(5_000)}b\n      multicluster-routes.dev/export`,
      ),
    want: { error: /cannot tell which cluster Service/ },
  },
  {
    name: 'duplicate keys in a Service',
    input: mesh(service('\n      multicluster-routes.dev/export: "false"')),
    want: { error: /Map keys must be unique|duplicate/ },
  },
  {
    name: 'duplicate "items" keys in the ResourceList',
    input: `${mesh().replace(CONFIG, '')}items: []\n${CONFIG}`,
    want: { error: /unique|duplicate/ },
  },
  {
    name: 'duplicate keys in a ConfigMap the function only passes through',
    input: withItems(service(), deployment('v1', 'c1'), configMap("{a: '1', a: '2'}")),
    want: { error: /unique|duplicate/ },
  },
  {
    name: 'an item the function only passes through is not YAML',
    input: withItems(service(), deployment('v1', 'c1'), '- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: broken\n    oops\n'),
    want: { error: /not valid YAML/ },
  },
  {
    name: 'a NUL character in an item',
    input: withItems(service(), deployment('v1', 'c1'), configMap('{a: "x\u0000y"}')),
    want: { error: /control character|not allowed|NUL/i },
  },
  {
    name: 'an alias to a missing anchor in the functionConfig',
    input: mesh().replace('{name: c1, gateway: {address: 192.0.2.1}}', '{name: c1, gateway: {address: 192.0.2.1}, paths: [*nowhere]}'),
    want: { error: /alias|anchor/i },
  },
  {
    name: 'an alias to a missing anchor in an item the function only passes through',
    input: withItems(service(), deployment('v1', 'c1'), configMap('{a: *nowhere}')),
    want: { error: /alias|anchor/i },
  },
  {
    name: 'a mapping as a key (`? {a: 1} : b`) in a Service, in a flow-style list',
    input: `${HEAD}items: [{apiVersion: v1, kind: Service, metadata: {name: web, labels: {? {a: 1} : b}, annotations: {multicluster-routes.dev/cluster: c1}}, spec: {ports: [{port: 80}], selector: {app: web}}}]\n${CONFIG}`,
    want: { either: /key/ },
  },
  {
    name: 'a !!binary value in a flow-style list',
    input: `${HEAD}items: [{apiVersion: v1, kind: Secret, metadata: {name: key}, data: {key: !!binary aGVsbG8=}}]\n${CONFIG}`,
    want: 'success',
    also: (run) => expect(run.stdout).toContain('data: {key: !!binary aGVsbG8=}'),
  },
  {
    name: 'a !!timestamp value in a flow-style list',
    input: `${HEAD}items: [{apiVersion: v1, kind: ConfigMap, metadata: {name: when}, data: {at: !!timestamp 2001-12-14t21:59:43.10-05:00}}]\n${CONFIG}`,
    want: 'success',
    also: (run) => expect(run.stdout).toContain('data: {at: !!timestamp 2001-12-14t21:59:43.10-05:00}'),
  },
  {
    name: 'a 300-character gateway address',
    input: mesh().replace('{name: c2, gateway: {address: 192.0.2.2}}', `{name: c2, gateway: {address: ${'a'.repeat(300)}.example}}`),
    want: { error: /spec\.clusters\[1\]\.gateway\.address: a DNS name has at most 253 characters/ },
  },
  {
    name: 'bytes that are not UTF-8',
    input: Buffer.concat([Buffer.from(`${HEAD}items:\n${configMap('{a: "')}`), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(`"}\n${CONFIG}`)]),
    want: { error: /not UTF-8/ },
    cliOnly: true,
  },
  { name: 'a byte order mark and CRLF line ends', input: `\ufeff${mesh()}`.replace(/\n/g, '\r\n'), want: 'success' },
  {
    name: '__proto__, constructor and prototype keys in labels, annotations, selector and functionConfig',
    input: mesh(service('\n      __proto__: {polluted: "yes"}\n      constructor: {prototype: {polluted: "yes"}}\n      prototype: x', ''))
      .replace('  metadata:\n    name: web\n', '  metadata:\n    name: web\n    labels: {__proto__: x, constructor: y, prototype: z}\n')
      .replace('spec: {clusters:', '__proto__: {polluted: "yes"}, spec: {clusters:'),
    want: 'success',
  },
  {
    name: 'a version named __proto__ in routes',
    input: mesh(service("\n      multicluster-routes.dev/routes: '[{to: {__proto__: 100}}]'")),
    want: { error: /routes\[0\]\.to: version "__proto__": a version must be/ },
  },
  {
    name: 'constructor and prototype header matches in routes',
    input: mesh(
      service("\n      multicluster-routes.dev/routes: '[{match: [{headers: {constructor: {exact: a}, prototype: {exact: b}}}], to: v2}, {to: v1}]'"),
    ),
    want: 'success',
    also: (run) => expect(JSON.stringify(vsOf(run))).toMatch(/"headers":\{"constructor":\{"exact":"a"\},"prototype":\{"exact":"b"\}\}/),
  },
  {
    name: 'a __proto__ header match in routes',
    input: mesh(service("\n      multicluster-routes.dev/routes: '[{match: [{headers: {__proto__: {exact: a}}}], to: v2}, {to: v1}]'")),
    want: 'success',
    also: (run) => expect(JSON.stringify(vsOf(run))).toMatch(/"headers":\{"__proto__":\{"exact":"a"\}\}/),
  },
  {
    name: 'a number as a header match value in routes',
    input: mesh(service("\n      multicluster-routes.dev/routes: '[{match: [{headers: {x: {exact: 5}}}], to: v2}, {to: v1}]'")),
    want: { error: /routes\[0\]\.match\[0\]\.headers\.x\.exact: must be a string: write it in quotes \("5"\)/ },
  },
  {
    name: 'a StringMatch with both exact and regex in routes',
    input: mesh(service("\n      multicluster-routes.dev/routes: '[{match: [{uri: {exact: /a, regex: ^/b}}], to: v2}, {to: v1}]'")),
    want: { error: /routes\[0\]\.match\[0\]\.uri: gives exact and regex, but an Istio StringMatch holds one/ },
  },
  {
    name: 'a URI match written as a string, and a list as a method, in routes',
    input: mesh(service("\n      multicluster-routes.dev/routes: '[{match: [{uri: /a, method: {exact: [GET, POST]}}], to: v2}, {to: v1}]'")),
    want: { error: /match\[0\]\.uri: must be an Istio StringMatch, not a string[^]*match\[0\]\.method\.exact: must be a string, not a list/ },
  },
  {
    name: 'a __proto__ key inside a StringMatch in routes',
    input: mesh(service("\n      multicluster-routes.dev/routes: '[{match: [{headers: {x: {__proto__: {exact: a}}}}], to: v2}, {to: v1}]'")),
    want: { error: /headers\.x\.__proto__: unknown field "__proto__"/ },
  },
  {
    name: 'a Service port listed twice, under two names',
    input: mesh(service('', '').replace('ports: [{name: http, port: 80}]', 'ports: [{name: http, port: 80}, {name: http-alt, port: 80}]')),
    want: { error: /spec\.ports\[1\]\.port 80 is also the number of spec\.ports\[0\]/ },
  },
  {
    name: 'two Service ports with the same name, and one with none',
    input: mesh(service('', '').replace('ports: [{name: http, port: 80}]', 'ports: [{name: http, port: 80}, {name: http, port: 81}, {port: 82}]')),
    want: { error: /spec\.ports\[1\]\.name "http" is also the name of spec\.ports\[0\][^]*spec\.ports\[2\]\.name is missing/ },
  },
  {
    name: 'a Service port name of 300 characters, and a port number out of range',
    input: mesh(service('', '').replace('ports: [{name: http, port: 80}]', `ports: [{name: ${'h'.repeat(300)}, port: 80}, {name: grpc, port: 70000}]`)),
    want: { error: /spec\.ports\[1\]\.port 70000 is not a port number/ },
    also: (run) => expect(errorsOf(run.list).every((e) => String(e['message']).length < 500)).toBe(true),
  },
  {
    name: 'pod labels written as a YAML alias of the selector',
    input: `${HEAD}items:\n${service()}- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: web-v1, annotations: {multicluster-routes.dev/cluster: c1}}\n  spec:\n    selector:\n      matchLabels: &sel {app: web, version: v1}\n    template:\n      metadata:\n        labels: *sel\n${CONFIG}`,
    want: 'success',
    also: (run) => expect(run.stdout).toMatch(/labels:\s*\{?\s*app: web,?\s*version: v1/),
  },
  {
    name: 'a pod label value of 300,000 spaces',
    input: mesh().replace('labels: {app: web, version: v1}', `labels: {app: web, version: v1, note: "${' '.repeat(300_000)}"}`),
    want: 'success',
    cliOnly: true,
  },
  {
    name: '2,000 small items, each with an anchor and an alias',
    input: withItems(
      Array.from({ length: 2_000 }, (_v, i) => `- {apiVersion: v1, kind: ConfigMap, metadata: {name: &n${i} c${i}}, data: {name: *n${i}}}\n`).join(''),
    ),
    want: 'success',
    also: (run) => expect(run.stdout).toContain('metadata: {name: &n1999 c1999}, data: {name: *n1999}'),
  },
  {
    name: '2,000 Deployments whose pod labels and selector share one anchored map',
    input: withItems(service(), ...Array.from({ length: 2_000 }, (_v, i) => sharedLabels(i))),
    want: 'success',
    also: (run) => {
      expect(run.stdout).toMatch(/matchLabels: &l0 \{ ?app: web, version: v0 ?\}/);
      expect(run.stdout).toMatch(/matchLabels: \{ ?app: web, version: v1 ?\}/);
    },
  },
  {
    name: '200,000 small items in flow style (14 MB)',
    input: withItems(Array.from({ length: 200_000 }, (_v, i) => `- {apiVersion: v1, kind: ConfigMap, metadata: {name: c${i}}, data: {a: b}}\n`).join('')),
    want: { either: /too (many|large)|limit/ },
    cliOnly: true,
  },
];

/** What the CLI did, in the worker's terms. */
function viaCli(input: string | Buffer): { outcome: Bounded; stderr: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN], { input, encoding: 'utf8', timeout: BOUND_MS, maxBuffer: 1 << 30 });
  const ms = Math.round(performance.now() - started);
  if (result.error && 'code' in result.error && result.error.code === 'ETIMEDOUT') return { outcome: { kind: 'timeout', ms }, stderr: result.stderr };
  if (result.status === null) return { outcome: { kind: 'crashed', message: `killed by ${result.signal ?? '?'}`, ms }, stderr: result.stderr };
  if (result.status > 1)
    return { outcome: { kind: 'threw', message: `exit code ${result.status}: ${result.stderr.slice(0, 500)}`, polluted: [], ms }, stderr: result.stderr };
  return { outcome: { kind: 'ran', stdout: result.stdout, exitCode: result.status, polluted: [], ms }, stderr: result.stderr };
}

function expectOutcome(c: Case, outcome: Bounded, stderr: string): void {
  const input = typeof c.input === 'string' ? c.input : c.input.toString('latin1');
  expect(stderr).not.toMatch(STACK_TRACE);
  if (c.opaque) {
    expect(outcome).toMatchObject({ kind: 'ran', polluted: [] });
    const { stdout, exitCode } = outcome as Extract<Bounded, { kind: 'ran' }>;
    expect(stdout).not.toMatch(STACK_TRACE);
    expect(exitCode === 0 || (exitCode === 1 && /severity: error/.test(stdout))).toBe(true);
    c.also?.({ stdout, exitCode, list: {} });
    return;
  }
  const run = ended(outcome, input);
  consistent(run);
  const messages = errorsOf(run.list).map((e) => String(e['message']));
  if (c.want === 'success') expect({ exitCode: run.exitCode, messages }).toEqual({ exitCode: 0, messages: [] });
  else if ('error' in c.want) {
    expect(run.exitCode).toBe(1);
    expect(messages.join('\n')).toMatch(c.want.error);
  } else if (run.exitCode === 1) expect(messages.join('\n')).toMatch(c.want.either);
  c.also?.(run);
}

describe.each(CASES)('$name', (c) => {
  const known = c.known === undefined ? test : test.failing;
  const note = c.known === undefined ? '' : ` — known: ${c.known}`;
  known(
    `the CLI ends within ${BOUND_MS / 1000} s with a clear result${note}`,
    () => {
      const { outcome, stderr } = viaCli(c.input);
      expectOutcome(c, outcome, stderr);
    },
    30_000,
  );
  if (c.cliOnly || typeof c.input !== 'string') return;
  const input = c.input;
  known(
    `runKrm ends within ${BOUND_MS / 1000} s with a clear result and leaves the prototypes alone${note}`,
    async () => {
      // A fresh worker for each case, as the CLI is a fresh process: after a stack overflow a worker is not the same
      // (warmer code, other frame sizes), and a later case could meet another limit than the CLI does.
      const krm = new BoundedKrm();
      try {
        expectOutcome(c, await krm.run(input, BOUND_MS), '');
      } finally {
        await krm.close();
      }
    },
    30_000,
  );
});

test('Object.prototype is untouched after runKrm reads every prototype-key case in this process', () => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();
  for (const c of CASES.filter((k) => /__proto__|constructor/.test(k.name))) runKrm(c.input as string);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  expect(({} as Obj)['polluted']).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

test('the table tries every kind of hostile input the reliability issue names', () => {
  const names = CASES.map((c) => c.name).join('\n');
  for (const kind of [
    /billion laughs/,
    /10000 levels of "\["/,
    /10000 levels of "a:"/,
    /5 MB/,
    /duplicate keys/,
    /not UTF-8/,
    /items is a (mapping|string)/,
    /empty input/,
    /__proto__/,
  ])
    expect(names).toMatch(kind);
});
