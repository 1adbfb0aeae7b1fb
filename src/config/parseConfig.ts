/** functionConfig → typed Spec, or results that say what to fix. Accepts MulticlusterRoutes and the flat ConfigMap form. */
import { parse as parseYaml } from 'yaml';
import type * as z from 'zod';
import { fieldsAt, nearest } from './suggest';
import type { Resource } from '../krm/resource';
import type { Result } from '../krm/result';
import type { Json, JsonObject } from '../krm/yamlNodes';
import { CONFIG_API_VERSION, CONFIG_KIND } from '../names';
import { fieldPath, quote } from '../util';
import { functionConfigSchema, specSchema } from './schema';
import type { Spec } from './schema';

export type ConfigOutcome = { readonly ok: true; readonly spec: Spec } | { readonly ok: false; readonly results: readonly Result[] };

const SCALAR_KEYS = ['targetCluster', 'profile', 'istioApiVersion', 'globalSuffix', 'addressPool', 'tlsMode', 'trustDomain', 'versionLabel'];
const YAML_KEYS = ['services', 'remoteWorkloads'];
const CONFIGMAP_KEYS = [...SCALAR_KEYS, ...YAML_KEYS, 'clusters', 'gatewaySelector', 'exportAll', 'output.path'];

function valueAt(root: Json, path: readonly PropertyKey[]): Json | undefined {
  let current: Json | undefined = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, Json>)[key as string];
  }
  return current;
}

/** One zod issue as a sentence about the user's value; an unknown key names itself and the likely intended one. */
function describeIssue(issue: z.core.$ZodIssue, root: Json, schema: z.ZodType): { path: PropertyKey[]; message: string } {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const allowed = fieldsAt(schema, issue.path);
    const guess = nearest(key, allowed);
    const hint = guess ? `; did you mean ${JSON.stringify(guess)}?` : `; allowed here: ${allowed.join(', ')}`;
    const more =
      issue.keys.length > 1
        ? ` (and ${issue.keys
            .slice(1)
            .map((k) => JSON.stringify(k))
            .join(', ')})`
        : '';
    return { path: [...issue.path, key], message: `unknown field ${JSON.stringify(key)}${more}${hint}` };
  }
  const got = valueAt(root, issue.path);
  const quoted = got === undefined || typeof got === 'object' ? '' : ` (got ${quote(got)})`;
  return { path: [...issue.path], message: `${issue.message}${quoted}` };
}

/**
 * Each zod issue as an error result on the field. `label` names the value at a field path in the message (the
 * functionConfig's fields by default; a route list names itself).
 */
export function zodResults(
  error: z.ZodError,
  root: Json,
  where: Pick<Result, 'resourceRef' | 'file'>,
  schema: z.ZodType,
  label: (field: string) => string = (field) => `functionConfig ${field || '(root)'}`,
): Result[] {
  return error.issues.map((issue) => {
    const { path, message } = describeIssue(issue, root, schema);
    const field = fieldPath(path);
    return { severity: 'error', code: 'invalid-function-config', message: `${label(field)}: ${message}`, field: field || '(root)', ...where };
  });
}

/** `cluster1=1.2.3.4,cluster2=gw.example.com:15443` (or YAML) → clusters list. */
function compactClusters(text: string): Json {
  if (/^\s*[[-]/.test(text)) return parseYaml(text) as Json;
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry): JsonObject => {
      const [name = '', target = ''] = entry.split('=', 2);
      const bracketed = /^\[(.+)\](?::(\d+))?$/.exec(target);
      const hostPort = /^([^:]+):(\d+)$/.exec(target);
      const match = bracketed ?? hostPort;
      const gateway: JsonObject = match ? { address: match[1] ?? '' } : { address: target };
      if (match?.[2] !== undefined) gateway['port'] = Number(match[2]);
      return { name, gateway };
    });
}

function compactMap(text: string): Json {
  if (/^\s*\{/.test(text) || text.includes(':')) return parseYaml(text) as Json;
  const out = Object.create(null) as JsonObject;
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [key = '', value = ''] = entry.split('=', 2);
    out[key] = value;
  }
  return out;
}

function fromConfigMap(item: Resource): { spec: JsonObject; results: Result[] } {
  const data = item.value['data'];
  const spec = Object.create(null) as JsonObject;
  const results: Result[] = [];
  const entries = data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.entries(data) : [];
  for (const [key, raw] of entries) {
    const fail = (why: string): void => {
      results.push({
        severity: 'error',
        code: 'invalid-function-config',
        message: `functionConfig data.${key}: ${why}`,
        field: `data.${key}`,
        resourceRef: item.ref,
        ...fileOf(item),
      });
    };
    if (!CONFIGMAP_KEYS.includes(key)) {
      fail(`unknown key ${JSON.stringify(key)}; the ConfigMap form accepts ${CONFIGMAP_KEYS.join(', ')}`);
      continue;
    }
    if (raw !== null && typeof raw === 'object') {
      // A ConfigMap's data values are strings (the API server refuses anything else); a map here would be read as "[object Object]".
      fail(
        `is a ${Array.isArray(raw) ? 'list' : 'map'}, but a ConfigMap's data values are strings; write it as text (services and remoteWorkloads take YAML text: "services: |"), or use the MulticlusterRoutes form`,
      );
      continue;
    }
    const text = raw === null ? '' : String(raw);
    try {
      if (SCALAR_KEYS.includes(key)) spec[key] = text;
      else if (key === 'exportAll') spec[key] = text === 'true' ? true : text === 'false' ? false : text;
      else if (key === 'output.path') spec['output'] = { path: text };
      else if (key === 'clusters') spec[key] = compactClusters(text);
      else if (key === 'gatewaySelector') spec[key] = compactMap(text);
      else spec[key] = parseYaml(text) as Json;
    } catch (error) {
      fail(`${JSON.stringify(text)} is not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`);
    }
  }
  return { spec, results };
}

const fileOf = (item: Resource): Pick<Result, 'file'> => (item.file ? { file: item.file } : {});

export function parseConfig(item: Resource | undefined): ConfigOutcome {
  if (!item) {
    const message = `no functionConfig: give a ${CONFIG_KIND} (apiVersion ${CONFIG_API_VERSION}) or a ConfigMap naming the clusters and their gateways`;
    return { ok: false, results: [{ severity: 'error', code: 'missing-function-config', message }] };
  }
  const where = { resourceRef: item.ref, ...fileOf(item) };
  if (item.kind === 'ConfigMap') {
    const { spec, results } = fromConfigMap(item);
    if (results.length > 0) return { ok: false, results };
    const parsed = specSchema.safeParse(spec);
    if (!parsed.success)
      return { ok: false, results: zodResults(parsed.error, spec, where, specSchema).map((r) => ({ ...r, field: configMapField(r.field ?? '') })) };
    return { ok: true, spec: parsed.data };
  }
  if (item.kind !== CONFIG_KIND || item.apiVersion !== CONFIG_API_VERSION) {
    const message = `functionConfig has apiVersion ${JSON.stringify(item.apiVersion)} and kind ${JSON.stringify(item.kind)}; use apiVersion ${CONFIG_API_VERSION}, kind ${CONFIG_KIND} (or a ConfigMap)`;
    return { ok: false, results: [{ severity: 'error', code: 'invalid-function-config', message, field: 'kind', ...where }] };
  }
  const parsed = functionConfigSchema.safeParse(item.value);
  if (!parsed.success) return { ok: false, results: zodResults(parsed.error, item.value, where, functionConfigSchema) };
  return { ok: true, spec: parsed.data.spec };
}

/** A spec path as the ConfigMap's data key that holds it. */
function configMapField(field: string): string {
  const key = /^[A-Za-z]+/.exec(field)?.[0] ?? field;
  return `data.${key === 'output' ? 'output.path' : key}`;
}
