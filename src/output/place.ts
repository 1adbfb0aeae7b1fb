/** Placement: the file each generated resource goes to (`output.path`) and a stable order and index. */
import type { JsonObject } from '../krm/yamlNodes';
import { ANNOTATION_INDEX, ANNOTATION_PATH } from '../names';
import type { Generated } from '../planners/generated';
import { compare } from '../util';

export interface Placed extends Generated {
  readonly path: string;
  readonly index: number;
}

export const PLACEHOLDERS = ['cluster', 'namespace', 'service', 'kind', 'name'] as const;

const KIND_ORDER = ['Gateway', 'Service', 'ServiceEntry', 'WorkloadEntry', 'DestinationRule', 'VirtualService'];

/** Why a path template cannot be used, or undefined. */
export function checkTemplate(template: string, clusters: number): string | undefined {
  const unknown = [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? '').filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length > 0) return `unknown placeholder {${unknown[0] ?? ''}}; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`;
  if (template.startsWith('/') || template.split('/').includes('..')) return 'must be a relative path inside the package, without ".."';
  if (!/\.ya?ml$/.test(template)) return 'must end in .yaml or .yml';
  if (clusters > 1 && !template.includes('{cluster}'))
    return 'must contain {cluster} when several clusters are emitted, or their resources would share one file';
  return undefined;
}

/** The template compiled once: its literal parts and placeholders, joined per resource without a regex. */
function renderer(template: string): (g: Generated) => string {
  const parts = template.split(/\{([a-z]+)\}/);
  const pick: Record<string, (g: Generated) => string> = {
    cluster: (g) => g.cluster,
    namespace: (g) => g.namespace,
    service: (g) => g.service,
    kind: (g) => g.kind.toLowerCase(),
    name: (g) => g.name,
  };
  return (g) => {
    let out = parts[0] ?? '';
    for (let i = 1; i < parts.length; i += 2) out += (pick[parts[i] ?? '']?.(g) ?? '') + (parts[i + 1] ?? '');
    return out;
  };
}

const kindRank = (kind: string): number => KIND_ORDER.indexOf(kind);

export function place(generated: readonly Generated[], template: string): Placed[] {
  const path = renderer(template);
  const withPath = generated.map((g) => ({ g, path: path(g), rank: kindRank(g.kind) }));
  withPath.sort(
    (a, b) =>
      compare(a.path, b.path) || compare(a.g.namespace, b.g.namespace) || compare(a.g.service, b.g.service) || a.rank - b.rank || compare(a.g.name, b.g.name),
  );
  const next = new Map<string, number>();
  return withPath.map(({ g, path }): Placed => {
    const index = next.get(path) ?? 0;
    next.set(path, index + 1);
    // Written out, not spread: spreading objects of many shapes is slow, and there are tens of thousands.
    return { cluster: g.cluster, service: g.service, namespace: g.namespace, kind: g.kind, name: g.name, body: g.body, path, index };
  });
}

/** The resource as it is written: the generated body with its path and index annotations. */
export function withPlacement(p: Placed): JsonObject {
  const metadata = p.body['metadata'] as JsonObject;
  const annotations = Object.assign({}, metadata['annotations'] as JsonObject);
  annotations[ANNOTATION_PATH] = p.path;
  annotations[ANNOTATION_INDEX] = String(p.index);
  return Object.assign({}, p.body, { metadata: Object.assign({}, metadata, { annotations }) });
}
