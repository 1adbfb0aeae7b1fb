/** The functionConfig schema (zod): the single source of its shape, defaults and JSON Schema. */
import * as z from 'zod';
import { CONFIG_API_VERSION, CONFIG_KIND, DEFAULTS, ISTIO_API_VERSIONS } from '../names';
import { MAX_DNS_NAME, notAnAddressBecause } from './gatewayAddress';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const dnsLabel = (what: string) =>
  z
    .string()
    .max(63)
    .regex(DNS_LABEL, { message: `${what} must be a DNS label: lowercase letters, digits and "-", starting and ending with a letter or digit` });

const version = z.string().min(1).max(63).regex(LABEL_VALUE, { message: 'a version must be a valid Kubernetes label value' });
const port = z.number().int().min(1).max(65535);

/** A glob longer than any path it could match is a mistake (a path is at most 4096 bytes on Linux, far less in a package). */
export const MAX_GLOB_LENGTH = 1024;
const glob = z
  .string()
  .min(1)
  .max(MAX_GLOB_LENGTH, { message: `a glob may have at most ${MAX_GLOB_LENGTH} characters; match the files with a shorter pattern such as "cluster1/**"` });

const GATEWAY_ADDRESS_FIX = "set it to the IP address or DNS name of the cluster's east-west gateway, as the other clusters reach it";

export const clusterSchema = z.strictObject({
  name: dnsLabel('a cluster name'),
  gateway: z.strictObject({
    address: z
      .string()
      .min(1, { abort: true, message: `the address is empty; ${GATEWAY_ADDRESS_FIX}` })
      .max(MAX_DNS_NAME + 1, { abort: true, message: `a DNS name has at most ${MAX_DNS_NAME} characters; ${GATEWAY_ADDRESS_FIX}` })
      .superRefine((address, ctx) => {
        const why = notAnAddressBecause(address);
        if (why !== undefined) ctx.addIssue({ code: 'custom', message: `not an IP address or a DNS name: ${why}; ${GATEWAY_ADDRESS_FIX}` });
      })
      .describe("IP address or DNS name of the cluster's east-west gateway, as other clusters reach it"),
    port: port.default(DEFAULTS.gatewayPort).describe("port of the gateway's AUTO_PASSTHROUGH listener"),
  }),
  paths: z.array(glob).optional().describe("globs matched against a resource's path annotation"),
  network: z.string().min(1).optional(),
});

/** Istio HTTPMatchRequest: the keys are checked, the values are Istio's to validate. */
const httpMatch = z.strictObject({
  name: z.string().optional(),
  uri: z.record(z.string(), z.unknown()).optional(),
  scheme: z.record(z.string(), z.unknown()).optional(),
  method: z.record(z.string(), z.unknown()).optional(),
  authority: z.record(z.string(), z.unknown()).optional(),
  headers: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  port: port.optional(),
  sourceLabels: z.record(z.string(), z.string()).optional(),
  gateways: z.array(z.string()).optional(),
  queryParams: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  ignoreUriCase: z.boolean().optional(),
  withoutHeaders: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  sourceNamespace: z.string().optional(),
  statPrefix: z.string().optional(),
});

export const routeSchema = z.strictObject({
  name: z.string().min(1).optional(),
  match: z.array(httpMatch).min(1).optional().describe('Istio HTTPMatchRequest list; absent matches everything'),
  to: z.union([version, z.record(version, z.number().int().min(0).max(100))]).describe('a version (all traffic) or version → integer weight, totalling 100'),
});
export const routesSchema = z.array(routeSchema);

const servicePort = z.strictObject({
  name: z.string().min(1).optional(),
  port,
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
  appProtocol: z.string().min(1).optional(),
});

export const specSchema = z.strictObject({
  clusters: z.array(clusterSchema).min(1).describe('every cluster of the mesh'),
  targetCluster: z.string().min(1).optional().describe("overlay mode: emit only this cluster's resources"),
  profile: z.enum(['current', 'classic']).default(DEFAULTS.profile),
  istioApiVersion: z.enum(ISTIO_API_VERSIONS).default(DEFAULTS.istioApiVersion),
  globalSuffix: dnsLabel('globalSuffix').default(DEFAULTS.globalSuffix),
  addressPool: z.string().min(1).optional().describe(`CIDR for ServiceEntry addresses; default none in current, ${DEFAULTS.classicAddressPool} in classic`),
  tlsMode: z.enum(['ISTIO_MUTUAL', 'MUTUAL', 'SIMPLE', 'DISABLE']).default(DEFAULTS.tlsMode),
  gatewaySelector: z.record(z.string().min(1), z.string()).default({ ...DEFAULTS.gatewaySelector }),
  trustDomain: z.string().min(1).default(DEFAULTS.trustDomain),
  versionLabel: z.string().min(1).default(DEFAULTS.versionLabel),
  exportAll: z.boolean().default(false).describe('export every Service that has a selector'),
  output: z.strictObject({ path: z.string().min(1).default(DEFAULTS.outputPath) }).default({ path: DEFAULTS.outputPath }),
  services: z
    .array(z.strictObject({ name: dnsLabel('a service name'), namespace: dnsLabel('a namespace').default(DEFAULTS.namespace), routes: routesSchema }))
    .default([]),
  remoteWorkloads: z
    .array(
      z.strictObject({
        service: dnsLabel('a service name'),
        namespace: dnsLabel('a namespace').default(DEFAULTS.namespace),
        cluster: z.string().min(1),
        version,
        serviceAccount: z.string().min(1).optional(),
        ports: z.array(servicePort).min(1).optional(),
      }),
    )
    .default([])
    .describe('facts about workloads whose manifests are not in the input'),
});

export const functionConfigSchema = z.object({
  apiVersion: z.literal(CONFIG_API_VERSION),
  kind: z.literal(CONFIG_KIND),
  metadata: z.object({ name: z.string().optional() }).loose().optional(),
  spec: specSchema,
});

export type Spec = z.output<typeof specSchema>;
export type ClusterConfig = z.output<typeof clusterSchema>;
export type RouteConfig = z.output<typeof routeSchema>;
export type RemoteWorkload = Spec['remoteWorkloads'][number];
