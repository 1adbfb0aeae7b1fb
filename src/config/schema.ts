/** The functionConfig schema (zod): the single source of its shape, defaults and JSON Schema. */
import * as z from 'zod';
import { CONFIG_API_VERSION, CONFIG_KIND, DEFAULTS, ISTIO_API_VERSIONS } from '../names';
import { dataRecord } from './dataRecord';
import { dnsLabel, labelKey, labelValue, port, version } from './fields';
import { MAX_DNS_NAME, notAnAddressBecause } from './gatewayAddress';
import { portProblems } from './portRules';
import { routesSchema } from './routeSchema';
import { isClusterLocality } from './locality';
import { trafficPolicySchema } from './trafficPolicySchema';

/** A glob longer than any path it could match is a mistake (a path is at most 4096 bytes on Linux, far less in a package). */
const MAX_GLOB_LENGTH = 1024;
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
    port: port.default(DEFAULTS.gatewayPort).describe('port at which the other clusters reach the gateway (written into their WorkloadEntries and endpoints)'),
    listenPort: port
      .default(DEFAULTS.gatewayPort)
      .describe(
        "port of the east-west gateway's Service that the generated Gateway listens on; differs from port behind a NodePort or a load balancer that maps ports",
      ),
  }),
  paths: z.array(glob).optional().describe("globs matched against a resource's path annotation"),
  network: z.string().min(1).optional(),
  locality: z
    .string()
    .refine(isClusterLocality, { message: 'a locality is region, region/zone or region/zone/subzone, no part empty and no "*", as Istio reads it' })
    .optional()
    .describe("the cluster's region, region/zone or region/zone/subzone, as its nodes' topology labels say; written into WorkloadEntries for its versions"),
});

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
  addressPool: z
    .string()
    .min(1)
    .optional()
    .describe(
      `CIDR for ServiceEntry addresses (default ${DEFAULTS.addressPool}): every global host in classic; in current, hosts with a TCP, TLS or sniffed port, or every host when set`,
    ),
  tlsMode: z
    .enum(['ISTIO_MUTUAL', 'MUTUAL', 'SIMPLE', 'DISABLE'])
    .default(DEFAULTS.tlsMode)
    .describe('DestinationRule TLS mode; the current profile takes ISTIO_MUTUAL only'),
  gatewaySelector: dataRecord('label', labelKey, labelValue).default({ ...DEFAULTS.gatewaySelector }),
  trustDomain: z.string().min(1).default(DEFAULTS.trustDomain),
  versionLabel: z.string().min(1).default(DEFAULTS.versionLabel),
  exportAll: z.boolean().default(false).describe('export every Service that has a selector'),
  output: z
    .strictObject({
      path: z.string().min(1).default(DEFAULTS.outputPath),
      maxMiB: z
        .number()
        .int()
        .min(1)
        .default(DEFAULTS.outputMaxMiB)
        .describe('refuse a mesh whose output is estimated larger than this, in MiB (it grows as clusters² × services)'),
    })
    .default({ path: DEFAULTS.outputPath, maxMiB: DEFAULTS.outputMaxMiB }),
  services: z
    .array(
      z
        .strictObject({
          name: dnsLabel('a service name'),
          namespace: dnsLabel('a namespace').default(DEFAULTS.namespace),
          routes: routesSchema.optional(),
          trafficPolicy: trafficPolicySchema.optional().describe('Istio DestinationRule trafficPolicy fields (no tls) and the failover shorthand'),
        })
        .refine((entry) => entry.routes !== undefined || entry.trafficPolicy !== undefined, {
          message: 'a services entry sets routes, trafficPolicy or both; add one, or remove the entry',
        }),
    )
    .default([]),
  remoteWorkloads: z
    .array(
      z.strictObject({
        service: dnsLabel('a service name'),
        namespace: dnsLabel('a namespace').default(DEFAULTS.namespace),
        cluster: z.string().min(1),
        version,
        serviceAccount: z.string().min(1).optional(),
        replicas: z.number().int().min(0).optional().describe("the workload's pods, for its WorkloadEntries' weight; 1 when not given"),
        ports: z
          .array(servicePort)
          .min(1)
          .superRefine((ports, ctx) => {
            // Only a list of well-formed entries: a broken entry has its own issue already.
            if (ports.some((p) => typeof p !== 'object' || p === null || typeof p.port !== 'number')) return;
            for (const problem of portProblems(ports)) ctx.addIssue({ code: 'custom', path: [problem.index, problem.key], message: problem.message });
          })
          .optional(),
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
export type RemoteWorkload = Spec['remoteWorkloads'][number];
