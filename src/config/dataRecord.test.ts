import { parse } from 'yaml';
import * as z from 'zod';
import { dataRecord } from './dataRecord';
import { fieldsAt } from './suggest';

const headers = dataRecord('header', z.string().min(1), z.strictObject({ exact: z.string().optional() }));
/** As the routes annotation reads: `__proto__` is an own key of a plain map. */
const read = (yaml: string): unknown => parse(yaml);

test('a __proto__ key is checked and kept as an own key, and no prototype changes', () => {
  const input = read('{__proto__: {exact: a}, constructor: {exact: b}, prototype: {exact: c}}');
  const parsed = headers.safeParse(input);
  expect(parsed.success).toBe(true);
  expect(Object.keys(parsed.data ?? {})).toEqual(['__proto__', 'constructor', 'prototype']);
  expect(JSON.stringify(parsed.data)).toBe('{"__proto__":{"exact":"a"},"constructor":{"exact":"b"},"prototype":{"exact":"c"}}');
  expect(Object.getPrototypeOf(parsed.data)).toBe(Object.prototype);
  expect(({} as Record<string, unknown>)['exact']).toBeUndefined();
});

test("a __proto__ key's value is checked like any other (z.record skips it)", () => {
  const input = read('{__proto__: {exact: 5}}');
  expect(z.record(z.string(), z.strictObject({ exact: z.string() })).safeParse(input).success).toBe(true);
  const parsed = headers.safeParse(input);
  expect(parsed.error?.issues).toEqual([expect.objectContaining({ code: 'invalid_type', path: ['__proto__', 'exact'] })]);
});

test('a bad key is reported on the map, naming the key', () => {
  const parsed = dataRecord('version', z.string().regex(/^v/, { message: 'a version starts with v' }), z.number()).safeParse(read('{__proto__: 100, v1: 0}'));
  expect(parsed.error?.issues).toEqual([expect.objectContaining({ code: 'custom', path: [], message: 'version "__proto__": a version starts with v' })]);
});

test('a value that is not a mapping', () => {
  for (const input of [5, 'x', null, ['a']])
    expect(headers.safeParse(input).error?.issues).toEqual([
      expect.objectContaining({
        code: 'invalid_type',
        path: [],
        message: expect.stringMatching(/^Invalid input: expected a mapping, received (number|string|null|a list)$/),
      }),
    ]);
});

test('suggestions see the fields of the values', () => {
  expect(fieldsAt(z.strictObject({ headers }), ['headers', 'x'])).toEqual(['exact']);
});
