/** Set or remove the generator-owned pod label on a workload's YAML node (KRM mode). */
import type { Item } from './item';
import { LABEL_SERVICE } from '../names';
import { deleteIn, setIn } from './yamlNodes';

const PATH = ['spec', 'template', 'metadata', 'labels', LABEL_SERVICE];

export function relabelNode(item: Item, service: string | undefined): void {
  if (service !== undefined) setIn(item.node, PATH, service, item.doc);
  else deleteIn(item.node, PATH, item.doc);
}
