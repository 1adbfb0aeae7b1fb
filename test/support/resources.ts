/** Helpers over plain resource objects in tests. */
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A KRM-mode resource as it lands in a file: without the path and index annotations. */
export function withoutPlacement(resource: Obj): Obj {
  const annotations = Object.fromEntries(
    Object.entries(resource['metadata']['annotations'] as Obj).filter(
      ([key]) => !['internal.config.kubernetes.io/path', 'internal.config.kubernetes.io/index'].includes(key),
    ),
  );
  return { ...resource, metadata: { ...resource['metadata'], annotations } };
}
