/** Every name the function reads or writes: annotation keys, kinds, defaults. */

export const TOOL = 'multicluster-routes';
/** The release, as package.json says (test/cli.test.ts keeps them equal); `--version` prints it. */
export const VERSION = '0.1.0';
export const PREFIX = 'multicluster-routes.dev/';

/** The KRM Functions Specification's wrapper of a function's input and output. */
export const RESOURCE_LIST_API_VERSION = 'config.kubernetes.io/v1';
export const RESOURCE_LIST_KIND = 'ResourceList';

export const CONFIG_API_VERSION = 'multicluster-routes.dev/v1alpha1';
export const CONFIG_KIND = 'MulticlusterRoutes';

/** Annotations and labels the user writes. */
export const ANNOTATION_EXPORT = `${PREFIX}export`;
export const ANNOTATION_ROUTES = `${PREFIX}routes`;
export const ANNOTATION_TRAFFIC_POLICY = `${PREFIX}traffic-policy`;
export const ANNOTATION_CLIENTS = `${PREFIX}clients`;
/** Also the marker annotation on every generated resource. */
export const ANNOTATION_CLUSTER = `${PREFIX}cluster`;

/** Markers the function writes. */
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
/**
 * Current profile: a pod of exported Service S carries `service.multicluster-routes.dev/S: "true"`, one label per
 * Service, so that one pod can belong to several (a Service name is a DNS label, at most 63 characters: the name
 * part of a label key). The global host's ServiceEntry selects them, Istio matching its labels as a subset.
 */
export const LABEL_SERVICE_PREFIX = `service.${PREFIX}`;
export const serviceLabel = (service: string): string => `${LABEL_SERVICE_PREFIX}${service}`;
export const SERVICE_LABEL_VALUE = 'true';
/** The one label of earlier versions (`multicluster-routes.dev/service: S`), removed from pods on the next run. */
export const LEGACY_LABEL_SERVICE = `${PREFIX}service`;
/** A pod label the function owns: set when wanted, removed when not. */
export const isServiceLabel = (key: string): boolean => key.startsWith(LABEL_SERVICE_PREFIX) || key === LEGACY_LABEL_SERVICE;
/** Classic profile: ServiceEntry endpoint label set when a version is served by several remote clusters. */
export const LABEL_VERSION_PREFIX = `version.${PREFIX}`;
export const LABEL_ENDPOINT_CLUSTER = 'cluster';
/**
 * Local first: a WorkloadEntry carries the cluster it leads to; local pods lack the label, so the failoverPriority
 * entry `multicluster-routes.dev/remote-cluster=` (an empty override) ranks them first.
 */
export const LABEL_REMOTE_CLUSTER = `${PREFIX}remote-cluster`;
/** `failover: local-first` without outlierDetection: eject after 5 straight 5xx, checked every 10s, for 30s; any share. */
export const DEFAULT_OUTLIER_DETECTION = { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 100 } as const;

/** KRM annotations (the KRM Functions Specification and its legacy forms). */
export const ANNOTATION_PATH = 'internal.config.kubernetes.io/path';
export const ANNOTATION_INDEX = 'internal.config.kubernetes.io/index';
export const ANNOTATION_LEGACY_PATH = 'config.kubernetes.io/path';
export const ANNOTATION_LEGACY_INDEX = 'config.kubernetes.io/index';
export const ANNOTATION_LOCAL_CONFIG = 'config.kubernetes.io/local-config';

export const ISTIO_GROUP = 'networking.istio.io';
export const ISTIO_API_VERSIONS = ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'] as const;
export type IstioApiVersion = (typeof ISTIO_API_VERSIONS)[number];

/**
 * `istioctl analyze` skips the codes this annotation lists on a resource (pkg/config/analysis/local/istiod_analyze.go,
 * filterMessages). IST0173 (DestinationRuleSubsetNotSelectPods) looks at Pods only, never WorkloadEntries
 * (pkg/config/analysis/analyzers/destinationrule/subset.go, PodNotSelectedAnalyzer), so it reports every subset of a
 * version that runs in another cluster, at Error level since Istio 1.27.
 */
export const ANNOTATION_ANALYZE_SUPPRESS = 'galley.istio.io/analyze-suppress';
export const SUBSET_NOT_SELECT_PODS = 'IST0173';

export const GATEWAY_NAME = 'multicluster-routes-global';
export const GATEWAY_NAMESPACE = 'istio-system';

export const DEFAULTS = {
  profile: 'current',
  istioApiVersion: 'networking.istio.io/v1',
  globalSuffix: 'global',
  /**
   * Class E space Istio does not auto-allocate from (PILOT_IP_AUTOALLOCATE_IPV4_PREFIX is 240.240.0.0/16,
   * pilot/pkg/features/pilot.go), nor routes: every address the function hands out stays apart from Istio's.
   */
  addressPool: '240.0.0.0/16',
  tlsMode: 'ISTIO_MUTUAL',
  gatewaySelector: { istio: 'eastwestgateway' },
  trustDomain: 'cluster.local',
  outputPath: 'clusters/{cluster}/multicluster-routes.yaml',
  /** The largest output the function writes, in MiB (estimated before planning). */
  outputMaxMiB: 256,
  gatewayPort: 15443,
  versionLabel: 'version',
  namespace: 'default',
} as const;

/** Workload kinds by apiVersion, as CONTRACT §3 lists them, and Argo Rollouts' Rollout (a Deployment's stand-in). */
export const WORKLOAD_KINDS: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['apps/v1', 'extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'],
  StatefulSet: ['apps/v1'],
  Rollout: ['argoproj.io/v1alpha1'],
};

/** Kinds the function generates (and so checks for collisions with the user's resources). */
export const GENERATED_KINDS: readonly string[] = ['Service', 'ServiceEntry', 'WorkloadEntry', 'DestinationRule', 'VirtualService', 'Gateway'];
