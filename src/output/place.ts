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

export function render(template: string, g: Generated): string {
  const values: Record<string, string> = { cluster: g.cluster, namespace: g.namespace, service: g.service, kind: g.kind.toLowerCase(), name: g.name };
  return template.replace(/\{([a-z]+)\}/g, (_m, key: string) => values[key] ?? '');
}

const kindRank = (kind: string): number => KIND_ORDER.indexOf(kind);

export function place(generated: readonly Generated[], template: string): Placed[] {
  const withPath = generated.map((g) => ({ ...g, path: render(template, g) }));
  withPath.sort(
    (a, b) =>
      compare(a.path, b.path) ||
      compare(a.namespace, b.namespace) ||
      compare(a.service, b.service) ||
      kindRank(a.kind) - kindRank(b.kind) ||
      compare(a.name, b.name),
  );
  const next = new Map<string, number>();
  return withPath.map((g) => {
    const index = next.get(g.path) ?? 0;
    next.set(g.path, index + 1);
    return { ...g, index };
  });
}

/** The resource as it is written: the generated body with its path and index annotations. */
export function withPlacement(p: Placed): JsonObject {
  const metadata = p.body['metadata'] as JsonObject;
  const annotations = { ...(metadata['annotations'] as JsonObject), [ANNOTATION_PATH]: p.path, [ANNOTATION_INDEX]: String(p.index) };
  return { ...p.body, metadata: { ...metadata, annotations } };
}
