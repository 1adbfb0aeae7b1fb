/**
 * How many cases the fuzz properties generate, and how they run. CI runs 10,000 cases in total over the properties
 * of test/fuzz, a local run 2,000. FUZZ_RUNS scales that locally (FUZZ_RUNS=200000 npx jest test/fuzz). Each property
 * runs as two shards, each with its own worker thread, so that both cores work. A failure prints fast-check's
 * seed and path and the command that replays exactly that case (FUZZ_SEED and FUZZ_PATH: one shard, that case).
 */
import fc from 'fast-check';
import { BoundedKrm } from '../support/boundedKrm';

/** CI (CI=true) runs the full budget; a local `npm test` a fifth of it, so that it stays quick (FUZZ_RUNS overrides both). */
export const TOTAL_RUNS = Number(process.env['FUZZ_RUNS'] ?? (process.env['CI'] ? 10_000 : 2_000));

/** Each property's share of TOTAL_RUNS (they add up to 1). */
export const SHARES = { packageMeshes: 0.06, overlayMeshes: 0.03, treeMutations: 0.58, textMutations: 0.33 } as const;

export const runsOf = (property: keyof typeof SHARES): number => Math.max(1, Math.round(TOTAL_RUNS * SHARES[property]));

const SHARDS = 2;

/**
 * Run a property over `numRuns` cases, in shards that run side by side, each on its own BoundedKrm; return how many
 * cases ran. On failure, throw fast-check's report (seed, path, shrunk counterexample), the error, and the replay.
 */
/** The seed CI starts from; a run with another seed (FUZZ_SEED, or any local run) explores new cases. */
const CI_SEED = 20_261_125;

export async function check<T>(makeProperty: (krm: BoundedKrm) => fc.IAsyncPropertyWithHooks<T>, numRuns: number): Promise<number> {
  const replaySeed = process.env['FUZZ_SEED'];
  const path = process.env['FUZZ_PATH'];
  // CI runs the same cases every time (a red build is then the change's doing, not the dice's); elsewhere a fresh seed.
  const base = replaySeed !== undefined ? Number(replaySeed) : process.env['CI'] ? CI_SEED : Math.floor(Math.random() * 0x7ffffff0);
  const shards = replaySeed === undefined ? SHARDS : 1;
  const runs = Array.from({ length: shards }, (_v, i) => Math.floor(numRuns / shards) + (i < numRuns % shards ? 1 : 0));
  const outcomes = await Promise.all(
    runs.map(async (count, i) => {
      const krm = new BoundedKrm();
      try {
        return await fc.check(makeProperty(krm), { numRuns: count, seed: base + i, ...(path === undefined ? {} : { path }) });
      } finally {
        await krm.close();
      }
    }),
  );
  const failed = outcomes.find((details) => details.failed);
  if (failed) {
    const replay = `FUZZ_SEED=${failed.seed} FUZZ_PATH=${failed.counterexamplePath ?? ''} npx jest ${expect.getState().testPath ?? ''}`;
    const error = failed.errorInstance instanceof Error ? failed.errorInstance.message : String(failed.errorInstance);
    throw new Error(`${fc.defaultReportMessage(failed) ?? 'property failed'}\n\nError: ${error}\n\nReplay: ${replay}`);
  }
  return outcomes.reduce((sum, details) => sum + details.numRuns, 0);
}
