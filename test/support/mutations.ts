/**
 * Damage for valid inputs: mutations of the ResourceList object (dropped fields, wrong types, odd strings
 * including control characters, unicode and very long strings, huge numbers, `__proto__`/`constructor`/
 * `prototype` keys) and of its YAML text (stray syntax, cut or swapped lines). Each mutation picks its target
 * by an index into the tree's nodes, so fast-check can shrink and replay it.
 */
import fc from 'fast-check';
import { ROUTES } from './meshArbitrary';

type Obj = Record<string, unknown>;
type Key = string | number;
type Path = readonly Key[];

/** Where a mutation lands: anywhere, or under a part of the list that the function reads closely. */
export const FOCI = ['any', 'annotations', 'labels', 'routes', 'selector', 'ports', 'template', 'functionConfig', 'metadata'] as const;
export type Focus = (typeof FOCI)[number];

export type TreeMutation =
  | { readonly op: 'delete'; readonly at: number; readonly focus: Focus }
  | { readonly op: 'replace'; readonly at: number; readonly focus: Focus; readonly value: unknown }
  | { readonly op: 'add-key'; readonly at: number; readonly focus: Focus; readonly key: string; readonly value: unknown }
  | { readonly op: 'duplicate'; readonly at: number; readonly focus: Focus };

export type TextMutation =
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'cut'; readonly at: number; readonly length: number }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'swap-lines'; readonly at: number; readonly with: number }
  | { readonly op: 'reindent'; readonly at: number; readonly by: number };

/** Keys that reach into prototypes, keys the function gives meaning to, and odd ones. */
const ODD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'length',
  '',
  ' ',
  '0',
  'kind',
  'apiVersion',
  'metadata',
  'spec',
  'items',
  'results',
  'functionConfig',
  'name',
  'namespace',
  'to',
  'match',
  'headers',
  'weight',
  'selector',
  'template',
  ROUTES,
  'multicluster-routes.dev/cluster',
  'multicluster-routes.dev/export',
  'multicluster-routes.dev/clients',
  'multicluster-routes.dev/service',
  'service.multicluster-routes.dev/reviews',
  'app.kubernetes.io/managed-by',
  'config.kubernetes.io/local-config',
  'internal.config.kubernetes.io/path',
  'internal.config.kubernetes.io/index',
  'version',
  'app',
  'a\u0000b',
  '日本',
  '🙂',
] as const;

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\t',
  '\r\n',
  '\u0085',
  '\u2028',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udfff',
  'ｔｒｕｅ',
  'true',
  'null',
  '~',
  'yes',
  '0644',
  '0x1F',
  '0o17',
  '1e3',
  '.inf',
  '-.nan',
  '*',
  '&a',
  '*a',
  '!!binary',
  '! a',
  '%YAML 1.2',
  '---',
  '...',
  '{cluster}',
  '{unknown}',
  '../../etc/passwd',
  '/etc/passwd',
  'C:\\x',
  '日本語',
  '🙂',
  'é',
  '- a',
  'a: b',
  '[a',
  '{a',
  '"',
  "'",
  '#',
  '`',
  '|',
  '>',
  '\\',
  '__proto__',
  'constructor',
  'prototype',
  'multicluster-routes',
  'multicluster-routes.dev/v1alpha1',
  'MulticlusterRoutes',
  'ResourceList',
  'Service',
  'Deployment',
  'apps/v1',
  'v1',
  'v2',
  'http',
  'grpc-web',
  'default',
  '*.global',
  '0.0.0.0',
  '::',
  'localhost',
  '256.1.1.1',
  '1.2.3.4:80',
  '[{to: v1}]',
  '[{to: {v1: 50, v2: 50}}]',
  '- to: nope',
  '{"a":',
] as const;

export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 64, max: 300_000 }), fc.constantFrom('x', 'é', '🙂', 'a-', '\\', '\u0000', ' ')).map(([n, unit]) => unit.repeat(n)),
  },
);

const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 65535, 65536, 2 ** 31, 2 ** 53 + 2, 1e21, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity),
  fc.integer(),
  fc.double(),
);

/** An object with own keys exactly as given, `__proto__` included (an assignment would set the prototype instead). */
export function withKeys(entries: ReadonlyArray<readonly [string, unknown]>): Obj {
  const out: Obj = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const nested = fc
  .tuple(fc.integer({ min: 2, max: 100 }), fc.boolean())
  .map(([depth, maps]) => Array.from({ length: depth }).reduce<unknown>((inner) => (maps ? { a: inner } : [inner]), 'x'));

export const oddKey: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ODD_KEYS) }, { weight: 1, arbitrary: oddString });

export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: oddString },
  { weight: 3, arbitrary: oddNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
  { weight: 1, arbitrary: fc.boolean().map((list) => (list ? [] : {})) },
  { weight: 1, arbitrary: fc.array(oddString, { maxLength: 3 }) },
  { weight: 2, arbitrary: fc.array(fc.tuple(oddKey, fc.oneof(oddString, oddNumber)), { maxLength: 3 }).map(withKeys) },
  { weight: 1, arbitrary: fc.constant(null).map(() => withKeys([['__proto__', withKeys([['polluted', 'yes']])]])) },
  { weight: 1, arbitrary: nested },
);

export const treeMutation: fc.Arbitrary<TreeMutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), focus: fc.constantFrom(...FOCI) }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), focus: fc.constantFrom(...FOCI), value: oddValue }),
  fc.record({ op: fc.constant('add-key' as const), at: fc.nat(), focus: fc.constantFrom(...FOCI), key: oddKey, value: oddValue }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), focus: fc.constantFrom(...FOCI) }),
);

const SYNTAX = [
  ':',
  ': ',
  '- ',
  '  ',
  '\n',
  '\n  ',
  '\t',
  '{',
  '}',
  '[',
  ']',
  ',',
  '&x ',
  '*x',
  '!!str ',
  '!!int ',
  '!!map ',
  '? ',
  '|',
  '>',
  '"',
  "'",
  '#',
  '%',
  '@',
  '`',
  '<<: *x',
  '---\n',
  '...\n',
  '\ufeff',
  '\u0000',
  '\r',
];

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SYNTAX), oddString) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('reindent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

const isContainer = (v: unknown): v is Obj | unknown[] => v !== null && typeof v === 'object';

/** Every node below the root, depth first, in key order. */
function allPaths(root: unknown): Path[] {
  const out: Path[] = [];
  const visit = (node: unknown, path: Path): void => {
    if (!isContainer(node) || path.length > 40) return;
    const keys: Key[] = Array.isArray(node) ? node.map((_v, i) => i) : Object.keys(node);
    for (const key of keys) {
      const child = [...path, key];
      out.push(child);
      visit((node as Obj)[key as string], child);
    }
  };
  visit(root, []);
  return out;
}

function inFocus(path: Path, focus: Focus): boolean {
  switch (focus) {
    case 'any':
      return true;
    case 'functionConfig':
      return path[0] === 'functionConfig';
    case 'routes':
      return path.includes(ROUTES) || path.includes('routes') || path.includes('services');
    default:
      return path.includes(focus);
  }
}

function pick(root: unknown, at: number, focus: Focus): Path | undefined {
  const all = allPaths(root);
  const focused = all.filter((p) => inFocus(p, focus));
  const from = focused.length > 0 ? focused : all;
  return from.length === 0 ? undefined : from[at % from.length];
}

function parentOf(root: unknown, path: Path): unknown {
  return path.slice(0, -1).reduce<unknown>((node, key) => (isContainer(node) ? (node as Obj)[key as string] : undefined), root);
}

const setOwn = (target: Obj, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

/**
 * Apply one mutation to the tree in place. Values are copied in: fast-check hands the same value to several runs
 * while it shrinks, and a later mutation must not change it (or make a cycle through it).
 */
export function mutateTree(root: unknown, mutation: TreeMutation): void {
  const m = 'value' in mutation ? { ...mutation, value: structuredClone(mutation.value) } : mutation;
  const path = pick(root, m.at, m.focus);
  if (!path) return;
  const parent = parentOf(root, path);
  const key = path[path.length - 1] as Key;
  if (!isContainer(parent)) return;
  const current = (parent as Obj)[key as string];
  switch (m.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return;
    case 'replace':
      if (Array.isArray(parent)) parent[key as number] = m.value;
      else setOwn(parent, key as string, m.value);
      return;
    case 'add-key':
      if (isContainer(current) && !Array.isArray(current)) setOwn(current, m.key, m.value);
      else if (Array.isArray(current)) current.push(withKeys([[m.key, m.value]]));
      else if (!Array.isArray(parent)) setOwn(parent, m.key, m.value);
      return;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(current));
      else if (Array.isArray(current)) current.push(structuredClone(current[0]));
      return;
  }
}

/** Apply one mutation to the text. */
export function mutateText(text: string, m: TextMutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  const lines = text.split('\n');
  const line = m.at % lines.length;
  switch (m.op) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'cut':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'truncate':
      return text.slice(0, at);
    case 'swap-lines': {
      const other = m.with % lines.length;
      [lines[line], lines[other]] = [lines[other] as string, lines[line] as string];
      return lines.join('\n');
    }
    case 'reindent': {
      const current = lines[line] as string;
      lines[line] = m.by >= 0 ? ' '.repeat(m.by) + current : current.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
  }
}
