/**
 * A record schema for maps whose keys are the user's data (header names, query parameters, versions): like
 * `z.record`, but every key is checked and kept. `z.record` skips a key named `__proto__` (it would replace the
 * prototype of the plain object it builds), neither checking nor keeping it: a header match named `__proto__`
 * vanished, and its rule then matched every request.
 *
 * It only checks: its output is its input, so a key stays the own property it was (the readers keep `__proto__` as
 * data), and its values must be ones whose schema does not transform them. With no transform inside, zod's JSON
 * Schema of the functionConfig keeps its defaults.
 */
import * as z from 'zod';

/** Each data record → the `z.record` it stands for, which gives its JSON Schema and the fields suggestions know. */
const shapes = new WeakMap<object, z.ZodType>();

/** The `z.record` a data record stands for, or undefined for any other schema. */
export const recordShapeOf = (schema: unknown): z.ZodType | undefined => (typeof schema === 'object' && schema !== null ? shapes.get(schema) : undefined);

const isMap = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
type Issue = Parameters<z.core.$RefinementCtx['addIssue']>[0];

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value);

/**
 * @param key checks each key; its issues are reported on the map, naming the key (`keyName` says what a key is).
 * @param value checks each value; its issues are reported under the key.
 */
export function dataRecord<V extends z.ZodType>(keyName: string, key: z.ZodType<string>, value: V): z.ZodType<Readonly<Record<string, z.output<V>>>> {
  const schema = z.unknown().superRefine((input, ctx) => {
    if (!isMap(input)) {
      ctx.addIssue({
        code: 'invalid_type',
        expected: 'record',
        input,
        message: `Invalid input: expected a mapping, received ${kindOf(input)}`,
        continue: false,
      });
      return;
    }
    for (const name of Object.keys(input)) {
      for (const issue of key.safeParse(name).error?.issues ?? [])
        ctx.addIssue({ code: 'custom', message: `${keyName} ${JSON.stringify(name)}: ${issue.message}` });
      // The issue as the value's schema gave it (its code, e.g. unrecognized_keys with the keys), under the key.
      for (const issue of value.safeParse(input[name]).error?.issues ?? []) ctx.addIssue({ ...issue, path: [name, ...issue.path] } as Issue);
    }
  });
  shapes.set(schema, z.record(key, value));
  return schema as unknown as z.ZodType<Readonly<Record<string, z.output<V>>>>;
}
