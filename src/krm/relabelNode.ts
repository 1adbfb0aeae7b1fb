/** Set or remove generator-owned pod labels on a workload's YAML node (KRM mode). */
import type { Item } from './item';
import { deleteIn, setIn } from './yamlNodes';

/** Pod-label changes, in order: each key set to its value, or removed when the value is undefined. */
export type LabelChanges = ReadonlyArray<readonly [key: string, value: string | undefined]>;

export const POD_LABELS = ['spec', 'template', 'metadata', 'labels'] as const;

export function relabelNode(item: Item, changes: LabelChanges): void {
  for (const [key, value] of changes) {
    if (value !== undefined) setIn(item.node, [...POD_LABELS, key], value, item.doc);
    else deleteIn(item.node, [...POD_LABELS, key], item.doc);
  }
}
