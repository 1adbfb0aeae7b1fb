/** KRM mode (kpt fn eval/render, kustomize exec transformer): ResourceList text in, ResourceList text out. */
import { relabelNode } from '../krm/relabelNode';
import { parseResourceList, stringifyResourceList } from '../krm/resourceList';
import { hasErrors } from '../krm/result';
import { toNode } from '../krm/yamlNodes';
import { withPlacement } from '../output/place';
import { transform } from '../transform';

export interface ModeOutput {
  readonly stdout: string;
  readonly exitCode: 0 | 1;
}

export function runKrm(input: string): ModeOutput {
  const list = parseResourceList(input);
  if (!list.ok) return { stdout: stringifyResourceList([], undefined, list.results), exitCode: 1 };
  const { output, results } = transform(list.value);
  if (!output || hasErrors(results)) {
    return {
      stdout: stringifyResourceList(
        list.value.items.map((item) => item.node),
        list.value.functionConfig,
        results,
      ),
      exitCode: 1,
    };
  }
  for (const [item, service] of output.relabel) relabelNode(item, service);
  const nodes = [...output.kept.map((item) => item.node), ...output.generated.map((p) => toNode(withPlacement(p)))];
  return { stdout: stringifyResourceList(nodes, list.value.functionConfig, results), exitCode: 0 };
}
