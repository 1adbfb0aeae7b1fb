/**
 * `facts`: the remoteWorkloads of a package, for a cluster overlay that cannot hold the other clusters' manifests
 * (kustomize rejects two resources with one kind/namespace/name). Printed as YAML, or written into an overlay's
 * functionConfig file (`--update`), keeping the rest of that file as it is.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute } from 'node:path';
import { Document, parseDocument } from 'yaml';
import type { RemoteWorkload } from '../config/schema';
import { parseConfig } from '../config/parseConfig';
import { formatResults } from '../krm/formatResults';
import { hasErrors } from '../krm/result';
import type { Result } from '../krm/result';
import { FAILSAFE, toNode } from '../krm/yamlNodes';
import { YAML_STYLE } from '../krm/resourceList';
import type { JsonObject } from '../krm/yamlNodes';
import { TOOL } from '../names';
import { buildMesh } from '../topology/buildMesh';
import type { MeshService, Workload } from '../topology/model';
import { podCount } from '../topology/model';
import { takeInventory } from '../topology/inventory';
import { readFiles } from '../files/readFiles';
import { unifiedDiff } from '../files/unifiedDiff';
import { linkOnTheWay, writeAtomically } from '../files/writeAtomically';
import { printable, printableLines } from '../printable';
import type { Report } from './files';
import { readTree } from './readTree';
import { loadConfig } from './loadConfig';

export interface FactsOptions {
  readonly dir: string;
  readonly config: string | undefined;
  /** The overlay's cluster: its own workloads are left out. */
  readonly cluster: string | undefined;
  readonly update: string | undefined;
  readonly check: boolean;
}

function facts(options: FactsOptions): { facts?: JsonObject[]; results: Result[] } {
  const tree = readTree(options.dir);
  const read = readFiles(tree.files);
  const loaded = loadConfig(options, read.items);
  if (!loaded.config) return { results: [...tree.results, ...read.results, ...loaded.results] };
  const parsed = parseConfig(loaded.config);
  if (!parsed.ok) return { results: [...parsed.results] };
  const names = parsed.spec.clusters.map((c) => c.name);
  if (options.cluster !== undefined && !names.includes(options.cluster)) {
    const message = `--cluster ${JSON.stringify(options.cluster)} is not a cluster of spec.clusters (${names.join(', ')}); use one of those names`;
    return { results: [{ severity: 'error', code: 'unknown-cluster', message }] };
  }
  const spec = { ...parsed.spec, targetCluster: undefined, remoteWorkloads: [] };
  const inventory = takeInventory(read.items, spec);
  const { mesh, results } = buildMesh(inventory.entries, spec);
  const all = [...tree.results, ...read.results, ...inventory.results, ...results];
  if (hasErrors(all)) return { results: all };
  const out: JsonObject[] = [];
  for (const service of mesh.services) {
    // Each fact its own port objects: YAML would print a shared one as an alias (and `facts` without --update as a
    // broken `{source: a1}`).
    const ports = (): JsonObject[] =>
      service.ports.map((p) => ({ name: p.name, port: p.number, ...(p.appProtocol === undefined ? {} : { appProtocol: p.appProtocol }) }));
    for (const [fact, workloads] of group(service, options.cluster)) {
      // The pods, when not the default 1: the overlay's WorkloadEntries weigh as many (planners/workloadEntry).
      const pods = podCount(workloads);
      out.push({ ...fact, ...(pods === 1 ? {} : { replicas: pods }), ports: ports() } as JsonObject);
    }
  }
  return { facts: out, results: all };
}

/** The service's workloads outside `cluster`, one fact per cluster, version and identity. */
function group(service: MeshService, cluster: string | undefined): Map<RemoteWorkload, Workload[]> {
  const byKey = new Map<string, [RemoteWorkload, Workload[]]>();
  for (const w of service.workloads) {
    if (w.cluster === cluster) continue;
    const fact: RemoteWorkload = {
      service: service.name,
      namespace: service.namespace,
      cluster: w.cluster,
      version: w.version,
      ...(w.serviceAccount === undefined ? {} : { serviceAccount: w.serviceAccount }),
    };
    const key = JSON.stringify(fact);
    const found = byKey.get(key);
    if (found) found[1].push(w);
    else byKey.set(key, [fact, [w]]);
  }
  return new Map(byKey.values());
}

/** The part of the file's path that is a symbolic link: the file, or (for a relative path) a folder on the way. */
const linkIn = (file: string): string | undefined => (isAbsolute(file) ? linkOnTheWay(dirname(file), basename(file)) : linkOnTheWay(process.cwd(), file));

export async function runFacts(options: FactsOptions): Promise<Report> {
  const { facts: list, results } = facts(options);
  if (!list) return { stdout: '', stderr: formatResults(results), exitCode: 1 };
  if (options.update === undefined) {
    const header = `# remoteWorkloads of ${options.dir}${options.cluster ? ` for an overlay of ${options.cluster}` : ''}; generated by \`${TOOL} facts\`\n`;
    return {
      stdout: `${header}${new Document({ remoteWorkloads: list }, { aliasDuplicateObjects: false }).toString(YAML_STYLE)}`.replace(/\n?$/, '\n'),
      stderr: formatResults(results),
      exitCode: 0,
    };
  }
  const update = options.update;
  const link = linkIn(update);
  if (link !== undefined) {
    const why = `${printable(update)}: ${printable(link)} is a symbolic link; facts --update reads and writes only a real file, never through a link: pass the file it points to`;
    return { stdout: '', stderr: `error: ${why}\n`, exitCode: 1 };
  }
  const before = readFileSync(update, 'utf8');
  const doc = parseDocument(before, FAILSAFE);
  doc.setIn(['spec', 'remoteWorkloads'], toNode(list));
  const after = doc.toString(YAML_STYLE);
  if (after === before) return { stdout: '', stderr: `${TOOL}: ${printable(update)} is up to date\n`, exitCode: 0 };
  if (options.check)
    return {
      stdout: printableLines(unifiedDiff(printable(update), before, after)),
      stderr: `${TOOL}: ${printable(update)} has stale remoteWorkloads; run \`${TOOL} facts\` with --update\n`,
      exitCode: 1,
    };
  const outcome = await writeAtomically(dirname(update), new Map([[basename(update), after]]));
  if (!outcome.written) return { stdout: '', stderr: `${TOOL}: interrupted by ${outcome.signal}; nothing was written\n`, exitCode: 1 };
  return { stdout: `updated ${printable(update)}\n`, stderr: formatResults(results), exitCode: 0 };
}
