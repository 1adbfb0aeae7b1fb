/**
 * Localities as Istio reads them: `region`, `region/zone` or `region/zone/subzone`, no part empty
 * (pkg/config/validation/agent/validation.go, getLocalityParam); in localityLbSetting.distribute a locality may end
 * in one `*` and none may overlap another (validateLocalities).
 */
const parts = (locality: string): string[] => {
  const split = locality.split('/');
  return split.length <= 3 ? split : [...split.slice(0, 2), split.slice(2).join('/')];
};

/** A cluster's locality: written into WorkloadEntries, so no wildcard. */
export const isClusterLocality = (locality: string): boolean => !locality.includes('*') && parts(locality).every((p) => p !== '');

/** A locality of a distribute rule: a wildcard only as its last character, and alone in its part. */
export function isLocality(locality: string): boolean {
  const stars = locality.split('*').length - 1;
  if (stars > 1 || (stars === 1 && !locality.endsWith('*'))) return false;
  return parts(locality).every((p) => p !== '');
}

/** Why some distribute localities are wrong (one malformed, or one overlapping another), or undefined. */
export function localityProblem(localities: readonly string[]): string | undefined {
  const bad = localities.find((l) => !isLocality(l));
  if (bad !== undefined) return `locality ${JSON.stringify(bad)} is not region, region/zone or region/zone/subzone (at most one "*", at the end)`;
  const stems = localities.map((l) => l.replace(/\/?\*$/, ''));
  for (const [i, a] of stems.entries())
    for (const [j, b] of stems.entries())
      if (i !== j && (a === '' || b === '' || a === b || b.startsWith(`${a}/`)))
        return `locality ${JSON.stringify(localities[j])} overlaps ${JSON.stringify(localities[i])}; name each locality once`;
  return undefined;
}
