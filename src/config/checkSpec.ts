/** Rules of the functionConfig that span fields: unique clusters, a known target, a usable pool and output path. */
import type { Result } from '../krm/result';
import { DEFAULTS } from '../names';
import type { Pool } from '../output/addresses';
import { parsePool } from '../output/addresses';
import { checkTemplate } from '../output/place';
import type { Spec } from './schema';

export interface CheckedSpec {
  readonly pool: Pool | undefined;
  readonly results: Result[];
}

const error = (code: string, field: string, message: string): Result => ({ severity: 'error', code, field, message: `functionConfig ${field}: ${message}` });

export function checkSpec(spec: Spec): CheckedSpec {
  const results: Result[] = [];
  const names = spec.clusters.map((c) => c.name);
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i)
      results.push(
        error('invalid-function-config', `spec.clusters[${i}].name`, `cluster ${JSON.stringify(name)} is listed twice; give each cluster one entry`),
      );
  });
  if (spec.targetCluster !== undefined && !names.includes(spec.targetCluster)) {
    results.push(
      error(
        'unknown-cluster',
        'spec.targetCluster',
        `${JSON.stringify(spec.targetCluster)} is not a cluster of spec.clusters (${names.join(', ')}); use one of those names`,
      ),
    );
  }
  const emitted = spec.targetCluster === undefined ? names.length : 1;
  const why = checkTemplate(spec.output.path, emitted);
  if (why) results.push(error('invalid-function-config', 'spec.output.path', `${JSON.stringify(spec.output.path)} ${why}`));
  const parsed = parsePool(spec.addressPool ?? DEFAULTS.addressPool);
  if (typeof parsed === 'string') results.push(error('invalid-function-config', 'spec.addressPool', parsed));
  const pool = typeof parsed === 'string' ? undefined : parsed;
  return { pool, results };
}
