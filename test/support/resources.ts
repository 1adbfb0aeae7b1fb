/** Helpers over plain resource objects in tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PLACEMENT = ['internal.config.kubernetes.io/path', 'internal.config.kubernetes.io/index', 'postrenderer.helm.sh/postrender-filename'];

/** A resource as it lands in a file or a cluster: without the placement annotations of KRM mode or Helm 4. */
export function withoutPlacement(resource: Obj): Obj {
  const annotations = Object.fromEntries(Object.entries(resource['metadata']['annotations'] as Obj).filter(([key]) => !PLACEMENT.includes(key)));
  return { ...resource, metadata: { ...resource['metadata'], annotations } };
}

const key = (r: Obj): string => `${r['kind'] as string}/${r['metadata']['namespace'] as string}/${r['metadata']['name'] as string}`;

/** The generated resources among some documents, without placement annotations, in a fixed order. */
export const generatedIn = (docs: readonly Obj[]): Obj[] =>
  docs
    .filter((d) => d?.['metadata']?.['labels']?.['app.kubernetes.io/managed-by'] === 'multicluster-routes')
    .map(withoutPlacement)
    .sort((a, b) => key(a).localeCompare(key(b)));

/** One cluster's generated resources as package mode writes them for the bookinfo example (the golden file). */
export function packageModeResources(cluster: string): Obj[] {
  const golden = parse(readFileSync(join(__dirname, '..', '..', 'testdata', 'bookinfo-current', 'expected.yaml'), 'utf8')) as Obj;
  return generatedIn((golden['items'] as Obj[]).filter((r) => r['metadata']['annotations']?.['multicluster-routes.dev/cluster'] === cluster));
}
