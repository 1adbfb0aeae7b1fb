/** Words shared by every rendering of the picture, so that the table and the diagrams say the same thing. */
import type { Endpoint, Rule, Share } from './picture';

/** `0 jason`, `1`, or `no routes` for the default rule of a service without routes. */
export const ruleTitle = (rule: Rule): string => (rule.isDefault ? 'no routes' : `${rule.index}${rule.name === undefined ? '' : ` ${rule.name}`}`);

/** The rule's match, with a note when an earlier catch-all rule takes all its traffic. */
export const ruleMatch = (rule: Rule): string =>
  rule.isDefault
    ? `${rule.match}, to ${rule.shares.length > 0 && rule.shares.every((s) => s.endpoints.some((e) => e.gateway === undefined)) ? 'the local versions' : 'every version'}`
    : `${rule.match}${rule.handling === undefined ? '' : `; ${rule.handling}`}${rule.shadowedBy === undefined ? '' : ` (never matches: rule ${rule.shadowedBy} takes every request first)`}`;

/** `50%`, or `50% (shared)` when several clusters serve the version and Istio balances the share over them. */
export const shareLabel = (share: Share): string => `${share.weight}%${share.endpoints.length > 1 ? ' (shared)' : ''}`;

export const gatewayLabel = (endpoint: Endpoint): string => endpoint.gateway ?? 'local';

/** The title of a cluster's box in a diagram. */
export const clusterTitle = (cluster: string, gateway: string | undefined): string =>
  gateway === undefined ? `${cluster} (local)` : `${cluster} via gateway ${gateway}`;
