/** The picture as one Mermaid flowchart (GitHub renders it in a ```mermaid block). */
import type { DiagramNode, Group } from './diagram';
import { diagram } from './diagram';
import type { Picture } from './picture';

/**
 * A quoted label. Mermaid has no backslash escapes, and its entity codes (`#quot;`) are not decoded in a chart that
 * has subgraphs (mermaid 11), so characters that would end the label, read as HTML or as an entity are replaced by
 * look-alikes: `"` and a backtick by `'`, `<` `>` by `‹` `›`, and the `#` or `&` that would start an entity by its
 * full-width form.
 */
export const mermaidLabel = (text: string): string =>
  `"${text
    .replace(/["`]/g, "'")
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/[#&](?=#?\w+;)/g, (c) => (c === '#' ? '＃' : '＆'))}"`;

const SHAPES: Readonly<Record<DiagramNode['shape'], readonly [string, string]>> = { service: ['([', '])'], rule: ['(', ')'], version: ['[', ']'] };

function nodeLine(n: DiagramNode): string {
  const [open, close] = SHAPES[n.shape];
  return `${n.id}${open}${mermaidLabel(n.label)}${close}`;
}

function groupLines(group: Group, indent: string): string[] {
  return [
    `${indent}subgraph ${group.id}[${mermaidLabel(group.label)}]`,
    ...group.nodes.map((n) => `${indent}  ${nodeLine(n)}`),
    ...group.groups.flatMap((g) => groupLines(g, `${indent}  `)),
    `${indent}end`,
  ];
}

export function renderMermaid(picture: Picture): string {
  const { wrapped, nodes, groups, edges } = diagram(picture);
  const all = (g: Group): DiagramNode[] => [...g.nodes, ...g.groups.flatMap(all)];
  const unreachable = [...nodes, ...groups.flatMap(all)].filter((n) => n.unreachable);
  const lines = [
    // Mermaid lays out a box's content across the chart's direction: boxes stacked top to bottom read left to right.
    `flowchart ${wrapped ? 'TB' : 'LR'}`,
    ...nodes.map((n) => `  ${nodeLine(n)}`),
    ...groups.flatMap((g) => groupLines(g, '  ')),
    ...edges.map((e) => `  ${e.from} -->${e.label === undefined ? '' : `|${mermaidLabel(e.label)}|`} ${e.to}`),
  ];
  if (unreachable.length > 0) {
    lines.push('  classDef unreachable stroke-dasharray: 4 4,color:#888888', `  class ${unreachable.map((n) => n.id).join(',')} unreachable`);
  }
  return `${lines.join('\n')}\n`;
}
