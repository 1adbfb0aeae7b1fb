/**
 * The picture as a graph that both diagram syntaxes draw: per calling cluster, its services and their rules, then
 * one box per cluster that serves the versions they route to — the calling cluster's own box says "local", the
 * others name the gateway on the way — and edges labelled with each share. With several calling clusters, each one's
 * part is wrapped in a box of its own. Node ids are short and positional, so the output is stable.
 */
import type { Picture, ServiceView, View } from './picture';
import { clusterTitle, ruleMatch, ruleTitle, shareLabel } from './labels';

export type NodeShape = 'service' | 'rule' | 'version';

export interface DiagramNode {
  readonly id: string;
  readonly label: string;
  readonly shape: NodeShape;
  /** A rule that can never match. */
  readonly unreachable: boolean;
}

export interface Group {
  readonly id: string;
  readonly label: string;
  readonly nodes: DiagramNode[];
  readonly groups: Group[];
}

export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly label: string | undefined;
}

export interface Diagram {
  /** Several calling clusters, each in a box of its own. */
  readonly wrapped: boolean;
  /** Nodes outside every box (a single calling cluster's services and rules). */
  readonly nodes: readonly DiagramNode[];
  readonly groups: readonly Group[];
  readonly edges: readonly Edge[];
}

const node = (id: string, label: string, shape: NodeShape, unreachable = false): DiagramNode => ({ id, label, shape, unreachable });

/** The nodes of the box of the cluster that serves a version, by cluster and gateway. */
type GroupOf = (cluster: string, gateway: string | undefined) => DiagramNode[];

function addService(service: ServiceView, prefix: string, nodes: DiagramNode[], groupOf: GroupOf, edges: Edge[]): void {
  nodes.push(node(prefix, `${service.namespace}/${service.name}`, 'service'));
  for (const rule of service.rules) {
    nodes.push(node(`${prefix}r${rule.index}`, `${ruleTitle(rule)}: ${ruleMatch(rule)}`, 'rule', rule.shadowedBy !== undefined));
    edges.push({ from: prefix, to: `${prefix}r${rule.index}`, label: undefined });
  }
  const versionNodes = new Map<string, string>();
  for (const rule of service.rules) {
    for (const share of rule.shares) {
      for (const endpoint of share.endpoints) {
        const key = `${share.version}|${endpoint.cluster}`;
        let id = versionNodes.get(key);
        if (id === undefined) {
          id = `${prefix}n${versionNodes.size}`;
          versionNodes.set(key, id);
          groupOf(endpoint.cluster, endpoint.gateway).push(node(id, `${service.name} ${share.version}`, 'version'));
        }
        edges.push({ from: `${prefix}r${rule.index}`, to: id, label: shareLabel(share) });
      }
    }
  }
}

/** A calling cluster's services and rules, and the boxes of the clusters they reach: local first, then by first use. */
function viewParts(view: View, prefix: string, edges: Edge[]): { nodes: DiagramNode[]; groups: Group[] } {
  const nodes: DiagramNode[] = [];
  const boxes = new Map<string, DiagramNode[]>();
  const groupOf: GroupOf = (cluster, gateway) => {
    const label = clusterTitle(cluster, gateway);
    const box = boxes.get(label) ?? [];
    boxes.set(label, box);
    return box;
  };
  view.services.forEach((service, i) => addService(service, `${prefix}s${i}`, nodes, groupOf, edges));
  const local = clusterTitle(view.cluster, undefined);
  const ordered = [...boxes].sort(([a], [b]) => Number(b === local) - Number(a === local));
  return { nodes, groups: ordered.map(([label, inside], i) => ({ id: `${prefix}c${i}`, label, nodes: inside, groups: [] })) };
}

export function diagram(picture: Picture): Diagram {
  const edges: Edge[] = [];
  const parts = picture.views.map((view, v) => ({ view, v, ...viewParts(view, `v${v}`, edges) }));
  const [only] = parts;
  if (parts.length === 1 && only) return { wrapped: false, nodes: only.nodes, groups: only.groups, edges };
  const groups = parts.map(({ view, v, nodes, groups: inner }): Group => ({ id: `v${v}`, label: `from ${view.cluster}`, nodes, groups: inner }));
  return { wrapped: true, nodes: [], groups, edges };
}
