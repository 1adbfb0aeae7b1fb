/**
 * What the function writes must read back the same in go-yaml (kustomize, kpt, Argo CD) as in JavaScript. go-yaml
 * reads NEL, LS and PS (U+0085, U+2028, U+2029) as line breaks and refuses C0/C1 controls, DEL, U+FFFE/U+FFFF and a
 * BOM written raw; a YAML 1.2 reader takes most of them as ordinary characters. These tests hand the function's output
 * to the real kustomize binary.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { emitYaml } from '../../src/krm/emitYaml';
import { stringifyNode } from '../../src/krm/resourceList';
import { toNode } from '../../src/krm/yamlNodes';
import type { Obj } from '../support/resources';
import { envWithTools, KUSTOMIZE, run, scratch } from '../support/tools';

const env = envWithTools();

/** A route's header value that, written raw in a plain scalar, ends the scalar in go-yaml and starts a new item. */
const SMUGGLER = (br: string): string =>
  `jason${br}- {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"smuggled"},` +
  `"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"},"subjects":[{"kind":"User","name":"mallory"}]}`;

const build = (dir: string): ReturnType<typeof run> => run(KUSTOMIZE, ['build', '--enable-alpha-plugins', '--enable-exec', dir], { env });
const kinds = (yaml: string): string[] => parseAllDocuments(yaml).map((d) => (d.toJS() as Obj)['kind'] as string);

/** The kinds kustomize builds for the unchanged overlay, once. */
let unchanged: string[] | undefined;
const kindsBefore = (overlay: string): string[] => (unchanged ??= kinds(build(overlay).stdout));

// NEL is left to the test below: go-yaml writes a NEL it read as a space, so kustomize's output cannot show it.
test.each([
  ['LS', '\u2028'],
  ['PS', '\u2029'],
])("a header value holding %s stays one value in kustomize's output: no resource smuggled in", (_name, br) => {
  const root = scratch('examples', 'examples');
  const overlay = join(root, 'kustomize', 'cluster1');
  const before = kindsBefore(overlay);
  const manifests = join(root, 'bookinfo', 'cluster1', 'bookinfo.yaml');
  // The routes annotation is YAML itself: the value goes in with JSON escapes, as an attacker would write it.
  const escaped = JSON.stringify(SMUGGLER(br)).replace(br, `\\u${br.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // Beside it, the same value in a ConfigMap of the user's, escaped: what go-yaml reads when it reads the value right.
  const reference = `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: reference\ndata:\n  value: ${escaped}\n`;
  writeFileSync(manifests, readFileSync(manifests, 'utf8').replace('{exact: jason}', `{exact: ${escaped}}`) + reference);
  const result = build(overlay);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(kinds(result.stdout).sort()).toEqual([...before, 'ConfigMap'].sort());
  // go-yaml writes LS or PS in a quoted scalar as that break plus the line's indentation, which it reads back as the
  // break alone (and JavaScript as the break and the spaces): compare without those spaces.
  const asRead = (value: unknown): string => String(value).replace(/([\u2028\u2029]) +/g, '$1');
  const docs = parseAllDocuments(result.stdout).map((d) => d.toJS() as Obj);
  const routes = docs.flatMap((d) => (d['kind'] === 'VirtualService' ? (d['spec']['http'] as Obj[]) : []));
  const exact = routes.map((r) => asRead(r['match']?.[0]?.['headers']?.['end-user']?.['exact']));
  expect(exact).toContain(asRead(docs.find((d) => d['kind'] === 'ConfigMap')?.['data']['value']));
});

/**
 * Characters kustomize cannot carry at all, however they are written: go-yaml's writer puts DEL, the C1 controls but
 * NEL, U+FFFE and U+FFFF raw into the YAML it hands itself, and its reader then refuses them ("control characters are
 * not allowed"), even from an ASCII-only file with `\U` escapes.
 */
const KUSTOMIZE_CANNOT = (c: number): boolean => c === 0x7f || (c >= 0x80 && c <= 0x9f && c !== 0x85) || c === 0xfffe || c === 0xffff;
const SURROGATE = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/**
 * Every character of the Basic Multilingual Plane, and the first and last 512 of each other plane (go-yaml treats
 * U+10000 to U+10FFFF alike), in chunks of 4,096 as map values; and some alone. src/krm/emitYaml.test.ts checks every
 * code point against go-yaml's rules in-process.
 */
function everyCharacter(): Record<string, string> {
  const codes: number[] = [];
  for (let c = 0; c <= 0xffff; c++) codes.push(c);
  for (let plane = 0x10000; plane <= 0x100000; plane += 0x10000) for (let i = 0; i < 512; i++) codes.push(plane + i, plane + 0xffff - i);
  const usable = codes.filter((c) => !SURROGATE(c) && !KUSTOMIZE_CANNOT(c));
  const data: Record<string, string> = {};
  for (let i = 0; i < usable.length; i += 4096) data[`k${i}`] = String.fromCodePoint(...usable.slice(i, i + 4096));
  for (const c of [0x0, 0x9, 0xa, 0xd, 0x1b, 0x85, 0xa0, 0x2028, 0x2029, 0xfeff, 0x10ffff]) data[`c${c.toString(16)}`] = String.fromCodePoint(c);
  return data;
}

/** The same map in ASCII only, every other character escaped in double quotes: no reader can take it two ways. */
const asciiOnly = (data: Record<string, string>): string =>
  Object.entries(data)
    .map(
      ([k, v]) =>
        `  ${k}: "${[...v].map((c) => (c >= ' ' && c <= '~' && c !== '"' && c !== '\\' ? c : `\\U${c.codePointAt(0)?.toString(16).padStart(8, '0') ?? ''}`)).join('')}"\n`,
    )
    .join('');

test('both writers write every Unicode character so that kustomize (go-yaml) reads the same string as JavaScript', () => {
  const data = everyCharacter();
  const configMap = (name: string): Obj => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });
  const fast = emitYaml(configMap('fast'));
  const library = stringifyNode(toNode(configMap('library')));
  const reference = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: reference\ndata:\n${asciiOnly(data)}`;
  for (const text of [fast, library, reference]) expect((parse(text) as Obj)['data']).toEqual(data);
  const dir = join(scratch('examples/kustomize/cluster1', 'unused'), '..', 'every-character');
  mkdirSync(dir);
  writeFileSync(join(dir, 'every-character.yaml'), [fast, library, reference].join('---\n'));
  writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n- every-character.yaml\n');
  const result = spawnSync(KUSTOMIZE, ['build', dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
  expect(result.stderr.slice(-300)).toBe('');
  // go-yaml read the three the same when what it writes back for them reads the same.
  const read = new Map(parseAllDocuments(result.stdout).map((d) => [(d.toJS() as Obj)['metadata']['name'] as string, (d.toJS() as Obj)['data'] as Obj]));
  const theirs = read.get('reference') ?? {};
  expect(Object.keys(theirs).length).toBe(Object.keys(data).length);
  for (const name of ['fast', 'library']) {
    const ours = read.get(name) ?? {};
    for (const key of Object.keys(theirs)) if (ours[key] !== theirs[key]) expect([name, key, ours[key]]).toEqual([name, key, theirs[key]]);
  }
});
