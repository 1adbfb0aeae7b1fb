/**
 * `runKrm` with a time bound: the function runs in a worker thread (src/modes/krm.ts bundled with esbuild), so a
 * hang is cut off and reported instead of stalling the test run, a thrown exception is reported instead of
 * escaping, and a changed built-in prototype in the worker is reported too.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export type Bounded =
  | { readonly kind: 'ran'; readonly stdout: string; readonly exitCode: number; readonly polluted: readonly string[]; readonly ms: number }
  | { readonly kind: 'threw'; readonly message: string; readonly polluted: readonly string[]; readonly ms: number }
  | { readonly kind: 'timeout'; readonly ms: number }
  | { readonly kind: 'crashed'; readonly message: string; readonly ms: number };

let bundle: string | undefined;

/** The worker's code: krmWorker.ts and the function's sources, bundled once per test process. */
function workerBundle(): string {
  if (bundle) return bundle;
  const outfile = join(mkdtempSync(join(tmpdir(), 'mcr-worker-')), 'krmWorker.js');
  buildSync({ entryPoints: [join(__dirname, 'krmWorker.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'error' });
  bundle = outfile;
  return outfile;
}

export class BoundedKrm {
  private worker: Worker | undefined;
  private closed = false;
  /**
   * The first input that ran out of time, if one did. A property should then pass every later case at once: each
   * shrinking step would cost a whole time bound, and the hanging input itself is the counterexample to report.
   */
  hung: string | undefined;

  /** The heap limit is what an alias bomb that escapes the time bound would hit: it becomes a 'crashed' result. */
  constructor(private readonly heapMb = 1024) {}

  private start(): Worker {
    if (this.closed) throw new Error('BoundedKrm: run() after close()');
    // The stack of the CLI's main thread (V8's default, 984 KB), not a worker's 4 MB: limits that hinge on stack
    // depth behave as they do in production.
    this.worker ??= new Worker(workerBundle(), { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    return this.worker;
  }

  /** Run one input; at most `timeoutMs`, after which the worker is ended and the next call starts a fresh one. */
  async run(input: string, timeoutMs: number): Promise<Bounded> {
    const worker = this.start();
    const started = performance.now();
    const ms = (): number => Math.round(performance.now() - started);
    let timer: NodeJS.Timeout | undefined;
    let cleanup = (): void => undefined;
    const outcome = await new Promise<Bounded>((resolve) => {
      const onMessage = (m: Omit<Extract<Bounded, { kind: 'ran' | 'threw' }>, 'ms'>): void => resolve({ ...m, ms: ms() } as Bounded);
      const onError = (e: Error): void => resolve({ kind: 'crashed', message: `${e.name}: ${e.message}`, ms: ms() });
      const onExit = (code: number): void => resolve({ kind: 'crashed', message: `the worker exited with code ${code}`, ms: ms() });
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      timer = setTimeout(() => resolve({ kind: 'timeout', ms: ms() }), timeoutMs);
      worker.postMessage(input);
    });
    clearTimeout(timer);
    cleanup();
    if (outcome.kind === 'timeout') this.hung ??= input;
    if (outcome.kind === 'timeout' || outcome.kind === 'crashed') await this.stop();
    return outcome;
  }

  /** End the worker for good. */
  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}

/** A stack trace line of JavaScript code, as Node prints it. */
export const STACK_TRACE = /^\s*at .*(?:\.[cm]?[jt]s|node:internal[^:]*):\d+(?::\d+)?\)?$/m;
