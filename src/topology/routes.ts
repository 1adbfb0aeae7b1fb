/** Route lists from the Service annotation or the functionConfig → typed routes, or results. */
import { parse as parseYaml } from 'yaml';
import { MAX_ANNOTATIONS_BYTES } from '../krm/limits';
import { loadYaml, NotFastPath } from '../krm/sourceItem';
import { zodResults } from '../config/parseConfig';
import { HTTP_ROUTE_FIELDS, routesSchema } from '../config/routeSchema';
import type { RouteConfig } from '../config/routeSchema';
import type { Result } from '../krm/result';
import type { Json, JsonObject } from '../krm/yamlNodes';
import type { Route } from './model';

export interface RouteSource {
  readonly where: Pick<Result, 'resourceRef' | 'file'>;
  /** Field path of the route list in its resource. */
  readonly field: string;
  /** How a user names the list in a message. */
  readonly label: string;
}

/** A copy whose maps have no prototype: a key such as `__proto__` stays data on its way to the VirtualService. */
function dataCopy(value: Json): Json {
  if (Array.isArray(value)) return value.map(dataCopy);
  if (value === null || typeof value !== 'object') return value;
  const out = Object.create(null) as JsonObject;
  for (const [key, entry] of Object.entries(value)) out[key] = dataCopy(entry);
  return out;
}

function toRoute(config: RouteConfig): Route {
  const to =
    typeof config.to === 'string' ? [{ version: config.to, weight: 100 }] : Object.entries(config.to).map(([version, weight]) => ({ version, weight }));
  let http: JsonObject | undefined;
  for (const key of HTTP_ROUTE_FIELDS) {
    const value = config[key];
    if (value !== undefined) (http ??= {})[key] = dataCopy(value as Json);
  }
  return { name: config.name, match: config.match?.map((m) => dataCopy(m as JsonObject) as JsonObject), to, http };
}

/** Validate a decoded route list (the annotation's). */
function checkRoutes(raw: Json, source: RouteSource): { routes?: Route[]; results: Result[] } {
  const parsed = routesSchema.safeParse(raw);
  if (!parsed.success) {
    const results = zodResults(parsed.error, raw, source.where, routesSchema, (path) => `${source.label}${path}`).map((r) => ({
      ...r,
      code: 'invalid-routes',
      field: source.field,
    }));
    return { results };
  }
  return typedRoutes(parsed.data, source);
}

/** A checked route list as the model's routes, or results when a rule's weights do not total 100. */
export function typedRoutes(configs: readonly RouteConfig[], source: RouteSource): { routes?: Route[]; results: Result[] } {
  const routes = configs.map(toRoute);
  const results: Result[] = [];
  routes.forEach((route, i) => {
    const total = route.to.reduce((sum, d) => sum + d.weight, 0);
    if (total !== 100) {
      const shares = route.to.map((d) => `${d.version}: ${d.weight}`).join(', ');
      results.push({
        severity: 'error',
        code: 'invalid-weights',
        message: `${source.label}[${i}].to: weights {${shares}} total ${total}, not 100; make the weights add up to 100`,
        field: source.field,
        ...source.where,
      });
    }
  });
  return results.length > 0 ? { results } : { routes, results };
}

/** Route lists already decoded and checked, by annotation text: a Service's copies usually carry the same one. */
const checked = new Map<string, Route[]>();

/**
 * The annotation read with js-yaml (the fast reader's parser, warm by now) when it holds nothing where the two
 * parsers could differ — anchors, aliases, tags, merge keys — and reads without error; else undefined, and the
 * `yaml` library reads it (and words any error).
 */
function quickly(text: string): Json | undefined {
  if (/[&*!]|<</.test(text)) return undefined;
  try {
    return loadYaml(text);
  } catch (error) {
    if (error instanceof NotFastPath) return undefined;
    throw error;
  }
}

/** The annotation's YAML or JSON as a value; throws the `yaml` library's error when it is neither. */
export const decodeAnnotation = (text: string): Json => quickly(text) ?? (parseYaml(text, { uniqueKeys: true, maxAliasCount: 100 }) as Json);

/** Decode the routes annotation (YAML or JSON), then validate it. */
export function parseRoutesAnnotation(text: string, source: RouteSource): { routes?: Route[]; results: Result[] } {
  const known = checked.get(text);
  if (known) return { routes: known, results: [] };
  if (text.length > MAX_ANNOTATIONS_BYTES) {
    const message = `${source.label} is ${text.length} bytes, more than Kubernetes allows for all of a resource's annotations (${MAX_ANNOTATIONS_BYTES}); shorten it or move the routes to spec.services`;
    return { results: [{ severity: 'error', code: 'invalid-routes', message, field: source.field, ...source.where }] };
  }
  let raw: Json;
  try {
    raw = decodeAnnotation(text);
  } catch (error) {
    // The parser's first line reads "<what> at line L, column C:"; the position is inside the annotation value.
    const why = ((error as Error).message.split('\n')[0] ?? '').replace(/:$/, '').replace(/ at line (\d+)/, ' at line $1 of the annotation');
    return {
      results: [
        {
          severity: 'error',
          code: 'invalid-routes',
          message: `${source.label} is not valid YAML or JSON: ${why}; write a list such as [{to: v1}]`,
          field: source.field,
          ...source.where,
        },
      ],
    };
  }
  const outcome = checkRoutes(raw, source);
  if (outcome.routes) {
    if (checked.size > 10_000) checked.clear();
    checked.set(text, outcome.routes);
  }
  return outcome;
}

/** Two route lists are the same when their JSON is (copies with one annotation text share one decoded list). */
export const sameRoutes = (a: readonly Route[], b: readonly Route[]): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);
