/** Set or remove the generator-owned pod label on a workload's YAML node (KRM mode). */
import { isMap } from 'yaml';
import type { Item } from './item';
import { LABEL_SERVICE } from '../names';
import { setIn } from './yamlNodes';

const LABELS = ['spec', 'template', 'metadata', 'labels'];

export function relabelNode(item: Item, service: string | undefined): void {
  if (service !== undefined) {
    setIn(item.node, [...LABELS, LABEL_SERVICE], service);
    return;
  }
  const labels = item.node.getIn(LABELS, true);
  if (isMap(labels)) labels.delete(LABEL_SERVICE);
}
