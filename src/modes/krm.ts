/** KRM mode (kpt fn eval/render, kustomize exec transformer): ResourceList text in, ResourceList text out. */
import { parseResourceList, stringifyResourceList } from '../krm/resourceList';
import { hasErrors } from '../krm/result';
import { transform } from '../transform';

export interface ModeOutput {
  readonly stdout: string;
  readonly exitCode: 0 | 1;
}

export function runKrm(input: string): ModeOutput {
  const list = parseResourceList(input);
  if (!list.ok) return { stdout: stringifyResourceList([], undefined, list.results), exitCode: 1 };
  const { nodes, results } = transform(list.value);
  const items = nodes ?? list.value.items.map((item) => item.node);
  return { stdout: stringifyResourceList(items, list.value.functionConfig, results), exitCode: nodes && !hasErrors(results) ? 0 : 1 };
}
