/** The picture as one Graphviz digraph (`dot -Tsvg`), one cluster box per calling and per serving cluster. */
import type { DiagramNode, Group } from './diagram';
import { diagram } from './diagram';
import type { Picture } from './picture';

export const dotString = (text: string): string => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

const SHAPES: Readonly<Record<DiagramNode['shape'], string>> = {
  service: 'shape=oval',
  rule: 'shape=box, style=rounded',
  version: 'shape=box',
};

function nodeLine(n: DiagramNode): string {
  const style = n.unreachable ? 'shape=box, style="rounded,dashed", fontcolor="#888888"' : SHAPES[n.shape];
  return `${n.id} [label=${dotString(n.label)}, ${style}];`;
}

function groupLines(group: Group, indent: string): string[] {
  return [
    `${indent}subgraph cluster_${group.id} {`,
    `${indent}  label=${dotString(group.label)};`,
    ...group.nodes.map((n) => `${indent}  ${nodeLine(n)}`),
    ...group.groups.flatMap((g) => groupLines(g, `${indent}  `)),
    `${indent}}`,
  ];
}

export function renderDot(picture: Picture): string {
  const { groups, edges } = diagram(picture);
  const lines = [
    'digraph routing {',
    '  rankdir=LR;',
    '  graph [fontname="Helvetica", fontsize=12];',
    '  node [fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=10];',
    ...groups.flatMap((g) => groupLines(g, '  ')),
    ...edges.map((e) => `  ${e.from} -> ${e.to}${e.label === undefined ? '' : ` [label=${dotString(e.label)}]`};`),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
