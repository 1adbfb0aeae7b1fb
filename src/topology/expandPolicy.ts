/**
 * A checked traffic policy → the Istio fields the planners merge: the `failover` shorthand written out, local first
 * by default whenever outlier detection is on, and port-level entries completed from the top level.
 */
import type { Spec } from '../config/schema';
import type { TrafficPolicyConfig } from '../config/trafficPolicySchema';
import type { JsonObject } from '../krm/yamlNodes';
import { DEFAULT_OUTLIER_DETECTION, LABEL_REMOTE_CLUSTER } from '../names';
import type { ServicePolicy } from './model';

/** Pods lack the label, so their value "" equals the override and they get priority 0; WorkloadEntries a lower one. */
export const LOCAL_FIRST = { failoverPriority: [`${LABEL_REMOTE_CLUSTER}=`] };

const INHERITED = ['connectionPool', 'outlierDetection', 'loadBalancer'] as const;

/**
 * Istio replaces the top-level connectionPool, outlierDetection, loadBalancer and tls wholesale for a port with
 * port-level settings (pilot/pkg/model/destination_rule.go, MergeTrafficPolicy with hasPortLevel): a port entry
 * here inherits the top-level fields it does not set, so that failover and the function's tls hold on every port.
 */
function completePorts(ports: readonly JsonObject[], top: JsonObject): JsonObject[] {
  return ports.map((entry) => {
    const out: JsonObject = { port: entry['port'] ?? null };
    for (const key of INHERITED) {
      const value = entry[key] ?? top[key];
      if (value !== undefined) out[key] = value;
    }
    return out;
  });
}

function loadBalancerWith(config: TrafficPolicyConfig, localityLbSetting: JsonObject): JsonObject {
  return { ...(config.loadBalancer as JsonObject | undefined), localityLbSetting };
}

/**
 * In classic a version that runs here goes to the local host only (the VirtualService picks the host; Istio has no
 * fallback between a route's destinations), and the global host holds remote gateways only: there local first is
 * outlier detection alone, which turns on Istio's default failover by locality among the remote clusters
 * (loadbalancer.go, ApplyLocalityLoadBalancer → applyLocalityFailover), which a failoverPriority would replace.
 */
export function expandPolicy(config: TrafficPolicyConfig, profile: Spec['profile']): ServicePolicy {
  const { failover, portLevelSettings, ...rest } = config;
  const fields = { ...rest } as JsonObject;
  const implicit = failover === undefined && config.outlierDetection !== undefined && config.loadBalancer?.localityLbSetting === undefined;
  const localFirst = failover === 'local-first' || implicit;
  if (localFirst) {
    fields['outlierDetection'] = (config.outlierDetection as JsonObject | undefined) ?? { ...DEFAULT_OUTLIER_DETECTION };
    if (profile === 'current') fields['loadBalancer'] = loadBalancerWith(config, { failoverPriority: [...LOCAL_FIRST.failoverPriority] });
  } else if (typeof failover === 'object') {
    const to = Object.fromEntries(Object.entries(failover.regions).map(([region, weight]) => [`${region}/*`, weight]));
    fields['loadBalancer'] = loadBalancerWith(config, { distribute: [{ from: '*', to }] });
  }
  if (portLevelSettings) fields['portLevelSettings'] = completePorts(portLevelSettings as unknown as JsonObject[], fields);
  return { fields, localFirst: localFirst && profile === 'current' };
}
