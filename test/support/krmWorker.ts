/**
 * Worker-thread entry (bundled by boundedKrm.ts): runs `runKrm` on each input it is sent and answers with the
 * output, or with what was thrown, and whether a built-in prototype changed during the run.
 */
import { parentPort } from 'node:worker_threads';
import { runKrm } from '../../src/modes/krm';

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };

/** Every own property of the built-in prototypes, with its value or accessor, as a comparable list. */
function snapshot(): Array<[string, unknown]> {
  return Object.entries(PROTOTYPES).flatMap(([name, proto]) =>
    Reflect.ownKeys(proto).map((key): [string, unknown] => {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      return [`${name}.${String(key)}`, d?.get ?? d?.set ?? d?.value];
    }),
  );
}

const clean = snapshot();

function pollution(): string[] {
  const now = snapshot();
  const before = new Map(clean);
  const changed = now.filter(([key, value]) => !before.has(key) || before.get(key) !== value).map(([key]) => key);
  if (now.length !== clean.length) changed.push(`${clean.length} → ${now.length} prototype properties`);
  if (Object.getPrototypeOf({}) !== Object.prototype) changed.push('the prototype of {}');
  return changed;
}

parentPort?.on('message', (input: string) => {
  try {
    const { stdout, exitCode } = runKrm(input);
    parentPort?.postMessage({ kind: 'ran', stdout, exitCode, polluted: pollution() });
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
    parentPort?.postMessage({ kind: 'threw', message, polluted: pollution() });
  }
});
