/**
 * The mesh lint: findings about the routing as a whole, after the model is built and the output planned. Pure
 * functions over the mesh model, the inventory and the planned resources, each returning results; transform runs
 * them in every mode, and their errors fail the run like any other.
 */
import type { Spec } from '../config/schema';
import type { Result } from '../krm/result';
import type { Generated } from '../planners/generated';
import type { Entry } from '../topology/inventory';
import type { Mesh } from '../topology/model';
import { contradictingFacts } from './contradictingFacts';
import { failoverWithoutOutlierDetection } from './failoverWithoutOutlierDetection';
import { localityMissing } from './localityMissing';
import { gatewayAddresses } from './gatewayAddresses';
import { hostConflicts } from './hostConflicts';
import { rolloutTrafficRouting } from './rolloutTrafficRouting';
import { shadowedPorts } from './shadowedPorts';
import { unknownIdentities } from './unknownIdentities';
import { unreachableRules } from './unreachableRules';
import { unusedVersions } from './unusedVersions';

export interface LintInput {
  readonly mesh: Mesh;
  readonly spec: Spec;
  readonly entries: readonly Entry[];
  /** What the function generates for the clusters it emits. */
  readonly generated: readonly Generated[];
}

/** Every finding, in a fixed order: by family, then as each family finds them. */
export const lint = (input: LintInput): Result[] => [
  ...unusedVersions(input),
  ...unreachableRules(input),
  ...gatewayAddresses(input),
  ...hostConflicts(input),
  ...contradictingFacts(input),
  ...unknownIdentities(input),
  ...shadowedPorts(input),
  ...failoverWithoutOutlierDetection(input),
  ...localityMissing(input),
  ...rolloutTrafficRouting(input),
];
