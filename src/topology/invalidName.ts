/** The names of an exported Service, checked before they fill generated names and paths. */
import { isDnsLabel, isServiceName } from '../config/fields';
import type { Result } from '../krm/result';
import type { Entry } from './inventory';
import { describe, where } from './inventory';

/**
 * The name and namespace of an exported Service fill generated names and output.path: they must be what the API
 * server takes (a Service name a DNS-1035 label, a namespace a DNS-1123 label), or a namespace `../x` or `a/b` would
 * write outside the package, into another's file, or resources no cluster accepts.
 */
export function invalidName({ item, namespace }: Entry): Result | undefined {
  const problem = !isDnsLabel(namespace)
    ? {
        field: 'metadata.namespace',
        value: namespace,
        rule: 'a namespace must be a DNS label: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit',
      }
    : !isServiceName(item.name)
      ? {
          field: 'metadata.name',
          value: item.name,
          rule: 'a Service name must be a DNS-1035 label: at most 63 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit',
        }
      : undefined;
  if (!problem) return undefined;
  const message = `exported ${describe(item)}: ${problem.field} ${JSON.stringify(problem.value)} is not a name Kubernetes accepts: ${problem.rule}; rename it`;
  return { severity: 'error', code: 'invalid-name', message, field: problem.field, ...where(item) };
}
