/** `multicluster-routes --help`: usage, annotations and the functionConfig, in the form `kpt fn doc` shows. */
import {
  ANNOTATION_CLIENTS,
  ANNOTATION_CLUSTER,
  ANNOTATION_EXPORT,
  ANNOTATION_ROUTES,
  ANNOTATION_TRAFFIC_POLICY,
  CONFIG_API_VERSION,
  CONFIG_KIND,
  DEFAULTS,
  LABEL_SERVICE_PREFIX,
  LEGACY_LABEL_SERVICE,
} from './names';
import { MODES } from './usage';

export const HELP = `multicluster-routes — Istio routing across clusters that each run their own control plane

Reads the manifests of the whole mesh (annotated Services and their Deployments, StatefulSets and Argo
Rollouts) and writes, for every cluster, the Istio resources it needs to reach versions that run in other
clusters: a ServiceEntry for <service>.<namespace>.${DEFAULTS.globalSuffix} through the other clusters' gateways (port ${DEFAULTS.gatewayPort}, mutual
TLS), DestinationRules with version subsets and a VirtualService that applies your route rules.

USAGE
${Object.values(MODES)
  .map((m) => m.usage)
  .join('\n')}
  multicluster-routes --help | --version

  Exit code 0 on success; 1 when there is an error (the results or stderr say what and how to fix it);
  2 for a usage error.

LINT (every mode; errors fail the run, warnings do not; the result's tags.code names the finding)
  unknown-version (error)          a route to a version that runs in no cluster
  unused-version (warning)         a running version that no route sends traffic to
  unreachable-rule (warning)       a rule after a rule without "match", which takes every request
  unusable-gateway-address (error) a gateway other clusters route through with an address they cannot reach
                                   (0.0.0.0, loopback, link-local, localhost) or that another cluster also gives
  host-conflict (error)            your own VirtualService/DestinationRule for a host whose config is generated
  no-workloads (warning)           an exported Service with no workload in any cluster
  contradicting-fact (error)       a remoteWorkloads fact that the manifests in the input contradict
  unknown-identity (warning)       a remoteWorkloads fact without serviceAccount: no subjectAltNames are written
  shadowed-target-port (error)     a container port named like a Service port that is not its targetPort
  failover-without-outlier-detection (warning)
                                   a localityLbSetting failover or failoverPriority without outlierDetection
  locality-missing (error)         a policy that steers by region while a cluster running the service has no locality
  rollout-traffic-routing (error)  a canary Rollout's trafficRouting.istio names a generated VirtualService or
                                   DestinationRule: use the function's versions, or a VirtualService of its own
  unknown-workload-ref (warning)   a Rollout's workloadRef names a Deployment that is not in the input
  invalid-rollout (error)          a Rollout with both workloadRef and template, which Argo Rollouts refuses

ANNOTATIONS (on your Services and workloads)
  ${ANNOTATION_EXPORT}: "true"    export the Service to the other clusters
  ${ANNOTATION_CLUSTER}: <name>   the cluster a resource belongs to (else a "paths" glob, else targetCluster)
  ${ANNOTATION_ROUTES}: <YAML>    ordered route rules of the Service, first match wins:
      - name: jason                                      # optional
        match: [{headers: {end-user: {exact: jason}}}]   # optional, Istio HTTPMatchRequest list
        to: {v2: 50, v3: 50}                             # version → integer weight, total 100
      - to: v1                                           # one version gets all traffic
        timeout: 10s                                     # optional: the rest of Istio's HTTPRoute, copied as given:
        retries: {attempts: 3, retryOn: 5xx}             # timeout, retries, fault, mirror, mirrorPercentage,
                                                         # headers, rewrite, corsPolicy (route, redirect,
                                                         # directResponse, delegate: refused; use "to")
      TCP and TLS ports take the same rules by port (TLS: by SNI <service>.<namespace>.svc.cluster.local);
      a connection meets no HTTP condition, only sourceLabels, sourceNamespace and gateways, and a TCP or TLS
      route takes only match and route (no timeout, retries and the like).
  ${ANNOTATION_CLIENTS}: a,b | "*"  more clusters that call the Service
  ${ANNOTATION_TRAFFIC_POLICY}: <YAML>   DestinationRule trafficPolicy fields (no tls) and failover:
      connectionPool, outlierDetection, loadBalancer (with localityLbSetting), portLevelSettings
      failover: local-first                  # local pods while healthy, other clusters when ejected
      failover: {regions: {us-east1: 90, us-west1: 10}}   # share per region (clusters[].locality)
      Outlier detection alone turns local first on; failover without it writes a default.

  Without routes, traffic stays on the cluster's own versions, else goes to every remote version.
  In the current profile exported pod templates gain a label ${LABEL_SERVICE_PREFIX}<service>: "true" per
  exported Service that selects them (labels of Services no longer exported, and ${LEGACY_LABEL_SERVICE}, go).

FUNCTIONCONFIG
  apiVersion: ${CONFIG_API_VERSION}
  kind: ${CONFIG_KIND}
  spec:
    clusters:                        # required: every cluster of the mesh
    - name: cluster1
      gateway: {address: 192.0.2.10, port: ${DEFAULTS.gatewayPort}}   # IP or DNS name; port defaults to ${DEFAULTS.gatewayPort}
        # port: where other clusters reach it; listenPort (default ${DEFAULTS.gatewayPort}): the port of the east-west
        # gateway's Service, which the generated Gateway names (they differ behind a NodePort or a port-mapping LB)
      paths: ["cluster1/**"]         # optional: globs over each resource's file path
      locality: us-east1/us-east1-b  # optional: region[/zone[/subzone]], written into its WorkloadEntries
    targetCluster: cluster1          # optional: overlay mode, only this cluster's resources
    profile: ${DEFAULTS.profile}                 # current (Istio 1.20+) | classic (the 2019 blog's model)
    istioApiVersion: ${DEFAULTS.istioApiVersion}   # or networking.istio.io/v1beta1, v1alpha3
    globalSuffix: ${DEFAULTS.globalSuffix}
    addressPool: ${DEFAULTS.addressPool}        # ServiceEntry addresses (IPv4 or IPv6 CIDR): classic, every host;
                                     #   current, hosts with a TCP, TLS or sniffed port (all, when set)
    tlsMode: ${DEFAULTS.tlsMode}               # the current profile takes ISTIO_MUTUAL only
    gatewaySelector: {istio: eastwestgateway}
    trustDomain: ${DEFAULTS.trustDomain}
    versionLabel: ${DEFAULTS.versionLabel}
    exportAll: false                 # export every Service that has a selector
    output: {path: "${DEFAULTS.outputPath}", maxMiB: ${DEFAULTS.outputMaxMiB}}
                                     # path: {cluster} {namespace} {service} {kind} {name}; maxMiB: refuse a larger output
    services:                        # routes and trafficPolicy here instead of the annotations
    - {name: reviews, namespace: default, routes: [{to: v1}], trafficPolicy: {failover: local-first}}
    remoteWorkloads:                 # workloads whose manifests are not in the input
    - {service: reviews, namespace: default, cluster: cluster2, version: v2, serviceAccount: bookinfo-reviews, replicas: 3}
      # replicas: the pods, weight of the WorkloadEntry (default 1)

  A ConfigMap works too, with flat data keys (kpt fn eval -- key=value):
    clusters: "cluster1=192.0.2.10,cluster2=gw2.example.com:15443"   profile, targetCluster, … as above

Docs: README.md of the multicluster-routes package.
`;
