/** DestinationRules with version subsets. */
import type { JsonObject } from '../krm/yamlNodes';
import { ANNOTATION_ANALYZE_SUPPRESS, LABEL_ENDPOINT_CLUSTER, LABEL_VERSION_PREFIX, SUBSET_NOT_SELECT_PODS } from '../names';
import type { MeshService } from '../topology/model';
import { globalHost, localHost } from '../topology/model';
import type { Generated, PlanContext } from './generated';
import { forService, generated } from './generated';
import { trafficPolicy } from './trafficPolicy';
import { remoteClustersOf, remoteVersions } from './routing';

/** `istioctl analyze` sees no Pods behind a subset of WorkloadEntries or endpoints, and would fail CI with IST0173. */
const SUPPRESS = { [ANNOTATION_ANALYZE_SUPPRESS]: SUBSET_NOT_SELECT_PODS };

const versionSubsets = (service: MeshService, ctx: PlanContext): JsonObject[] =>
  service.versions.map((v) => ({ name: v, labels: { [ctx.spec.versionLabel]: v } }));

/** Classic: the local host, one subset per version anywhere in the mesh. */
export const classicLocalDestinationRule = (service: MeshService, ctx: PlanContext): Generated =>
  generated(
    ctx,
    'DestinationRule',
    forService(service, service.name),
    {
      host: localHost(service),
      trafficPolicy: trafficPolicy(service, ctx),
      subsets: versionSubsets(service, ctx),
    },
    SUPPRESS,
  );

/** Classic: the global host; each remote version's subset selects the endpoints of the clusters that run it. */
export function classicGlobalDestinationRule(service: MeshService, ctx: PlanContext): Generated | undefined {
  const here = ctx.cluster.name;
  const versions = remoteVersions(service, here);
  if (versions.length === 0) return undefined;
  const subsets = versions.map((v) => {
    const clusters = remoteClustersOf(service, v, here);
    const labels = clusters.length === 1 ? { [LABEL_ENDPOINT_CLUSTER]: clusters[0] as string } : { [`${LABEL_VERSION_PREFIX}${v}`]: 'true' };
    return { name: v, labels };
  });
  return generated(
    ctx,
    'DestinationRule',
    forService(service, `${service.name}-global`),
    {
      host: globalHost(service, ctx.spec.globalSuffix),
      trafficPolicy: trafficPolicy(service, ctx),
      subsets,
    },
    SUPPRESS,
  );
}

/** Current: the global host, one subset per version, selecting pods and WorkloadEntries by version. */
export const currentDestinationRule = (service: MeshService, ctx: PlanContext): Generated =>
  generated(
    ctx,
    'DestinationRule',
    forService(service, `${service.name}-global`),
    {
      host: globalHost(service, ctx.spec.globalSuffix),
      trafficPolicy: trafficPolicy(service, ctx),
      subsets: versionSubsets(service, ctx),
    },
    SUPPRESS,
  );
