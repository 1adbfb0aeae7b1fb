/** The picture as plain-text tables, one per calling cluster: rule, share, version, cluster, gateway. */
import type { Picture, View } from './picture';
import { gatewayLabel, ruleMatch, ruleTitle, shareLabel } from './labels';

const HEADER = ['SERVICE', 'RULE', 'MATCH', 'SHARE', 'VERSION', 'CLUSTER', 'GATEWAY'] as const;
/** Columns aligned right (the shares). */
const RIGHT = new Set([3]);

function rows(view: View): string[][] {
  const out: string[][] = [];
  for (const service of view.services) {
    let first = true;
    for (const rule of service.rules) {
      let ruleFirst = true;
      for (const share of rule.shares) {
        for (const endpoint of share.endpoints) {
          out.push([
            first ? `${service.namespace}/${service.name}` : '',
            ruleFirst ? ruleTitle(rule) : '',
            ruleFirst ? ruleMatch(rule) : '',
            shareLabel(share),
            share.version,
            endpoint.cluster,
            gatewayLabel(endpoint),
          ]);
          first = false;
          ruleFirst = false;
        }
      }
    }
  }
  return out;
}

/** One calling cluster's table, columns padded to their widest cell. */
export function textTable(view: View): string {
  const body = rows(view);
  if (body.length === 0) return `${view.cluster} calls no exported service.\n`;
  const all = [[...HEADER], ...body];
  const widths = HEADER.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r
      .map((cell, i) => (RIGHT.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const failover = view.services.filter((s) => s.failover !== undefined).map((s) => `  ${s.namespace}/${s.name}: ${s.failover ?? ''}\n`);
  return `${all.map(line).join('\n')}\n${failover.length > 0 ? `Failover:\n${failover.join('')}` : ''}`;
}

export function renderText(picture: Picture): string {
  return picture.views.map((view) => `Traffic from ${view.cluster} (profile ${picture.profile}):\n${textTable(view)}`).join('\n');
}
