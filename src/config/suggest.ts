/** "Did you mean …?" for unknown fields: every field name the schemas know, and the nearest to a typo. */
import type * as z from 'zod';
import { recordShapeOf } from './dataRecord';

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType };

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas a value at `path` may be checked against (through optional, default, array, union, record, data record). */
function schemasAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType[] {
  const record = recordShapeOf(schema);
  if (record) return schemasAt(record, path);
  const def = defOf(schema);
  if (def.innerType) return schemasAt(def.innerType, path);
  if (def.options) return def.options.flatMap((option) => schemasAt(option, path));
  const [head, ...rest] = path;
  if (head === undefined) return [schema];
  if (typeof head === 'number' && def.element) return schemasAt(def.element, rest);
  if (def.shape && typeof head === 'string' && def.shape[head]) return schemasAt(def.shape[head], rest);
  if (def.valueType) return schemasAt(def.valueType, rest);
  return [];
}

/** The field names allowed at `path` of a value checked by `schema`. */
export function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  return schemasAt(schema, path).flatMap((s) => Object.keys(defOf(s).shape ?? {}));
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known name closest to `typo`, if it is close enough to be a likely typo. */
export function nearest(typo: string, known: Iterable<string>): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = distance(typo.toLowerCase(), name.toLowerCase());
    if (d <= Math.max(1, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}
