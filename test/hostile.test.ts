/**
 * Hostile input through the built executable, as an orchestrator would hand it over: each ends quickly with a clear
 * error result (exit 1) or a valid success — never a crash, a stack trace or a hang — and cannot change prototypes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runKrm } from '../src/modes/krm';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'dist', 'multicluster-routes.js');
const bookinfo = readFileSync(join(ROOT, 'testdata', 'bookinfo-current', 'input.yaml'), 'utf8');
const list = (
  items: string,
  config = 'functionConfig: {apiVersion: multicluster-routes.dev/v1alpha1, kind: MulticlusterRoutes, spec: {clusters: [{name: c1, gateway: {address: 192.0.2.1}}]}}\n',
) => `apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n${items}${config}`;

const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let i = 1; i < 12; i++)
  laughs.push(
    `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
      .fill(`*${String.fromCharCode(96 + i)}`)
      .join(',')}]`,
  );
const bomb = `- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: bomb}\n  data:\n${laughs.map((l) => `    ${l}`).join('\n')}\n`;
const service = (annotation: string) =>
  `- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n    annotations:\n      multicluster-routes.dev/cluster: c1\n      multicluster-routes.dev/export: "true"\n      multicluster-routes.dev/routes: ${annotation}\n  spec: {ports: [{name: http, port: 80}], selector: {app: s}}\n`;

const CASES: Array<[string, string | Buffer, RegExp]> = [
  ['a YAML alias bomb', list(bomb), /expands through its YAML aliases to more than 1000000 nodes/],
  [
    '10,000 nested flow lists in a Service',
    list(`- apiVersion: v1\n  kind: Service\n  metadata: {name: deep}\n  spec: {x: ${'['.repeat(10_000)}${']'.repeat(10_000)}}\n`),
    /nested too deeply|not valid YAML/,
  ],
  [
    '10,000 nested mappings',
    list(
      `- apiVersion: v1\n  kind: Service\n  metadata: {name: deep}\n  spec:\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(4 + i)}k:`).join('\n')} 1\n`,
    ),
    /nested too deeply|not valid YAML/,
  ],
  [
    'a 5 MB routes annotation',
    list(service(JSON.stringify(`[${'{to: v1}, '.repeat(500_000)}]`))),
    /more than Kubernetes allows for all of a resource's annotations/,
  ],
  [
    'duplicate keys',
    list('- apiVersion: v1\n  kind: Service\n  kind: Deployment\n  metadata: {name: dup}\n'),
    /the key "kind" at line 6, column 3 is written twice in one mapping; Map keys must be unique/,
  ],
  ['bytes that are not UTF-8', Buffer.concat([Buffer.from(list('')), Buffer.from([0xff, 0xfe, 0xfd])]), /not UTF-8/],
  ['items that are not a list', 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: {a: 1}\n', /"items" must be a list/],
  ['empty input', '', /exactly one ResourceList document, found 0/],
];

test.each(CASES)('%s: a clear error result, exit code 1, no stack trace, within the time bound', (_name, input, message) => {
  const started = Date.now();
  const { stdout, stderr, status, signal } = spawnSync(BIN, [], { input, encoding: 'utf8', timeout: 20_000, maxBuffer: 1 << 28 });
  expect({ signal, status }).toEqual({ signal: null, status: 1 });
  expect(stdout).toMatch(message);
  expect(stdout).toMatch(/severity: error/);
  expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(Date.now() - started).toBeLessThan(20_000);
});

test('__proto__, constructor and prototype keys in annotations, labels, selectors and routes stay data', () => {
  const hostile = bookinfo
    .replace('labels:\n      app: reviews\n', 'labels:\n      app: reviews\n      __proto__: polluted\n      constructor: x\n')
    .replace('- name: jason', '- name: jason\n          __proto__: {polluted: true}');
  const { stdout } = runKrm(hostile);
  expect(stdout).toMatch(/^apiVersion: config.kubernetes.io\/v1/);
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

test('the same nesting in a resource the function does not read is an error too: its syntax cannot be checked', () => {
  // Every item is checked to be YAML before its text is written back; kpt's reader (go-yaml) stops at 10,000 levels too.
  const deep = `- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: deep}\n  data: {x: ${'['.repeat(10_000)}${']'.repeat(10_000)}}\n`;
  const { stdout, exitCode } = runKrm(list(deep));
  expect(exitCode).toBe(1);
  expect(stdout).toMatch(/nested too deeply/);
  expect(stdout).not.toContain(deep);
});
