/**
 * js-yaml reading plain scalars the way the exact path does (`resolvePlain`: the YAML 1.2 core schema). js-yaml's own
 * core schema also reads `0b11`, `-0x1F` and `+0o17` as numbers and `+.5` as a string, so the two readers would
 * disagree on such values.
 */
import { FAILSAFE_SCHEMA, Type } from 'js-yaml';
import { BOOL_FALSE, BOOL_TRUE, NULL, resolvePlain } from './yamlNodes';

/** A core-schema type: the plain scalars `matches` accepts (the empty one only for null), read by `resolvePlain`. */
const coreType = (tag: string, matches: (text: string) => boolean): Type =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (data: unknown) => (data === null ? tag === 'null' : typeof data === 'string' && matches(data)),
    construct: (data: unknown) => (typeof data === 'string' ? resolvePlain(data) : null),
  });

/** Most scalars are names: their first character rules them out before any pattern is tried. */
const startsWith = (text: string, firsts: string): boolean => text !== '' && firsts.includes(text.charAt(0));
const isNumber = (text: string): boolean => startsWith(text, '-+.0123456789') && typeof resolvePlain(text) === 'number';

export const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    coreType('null', (text) => text === '' || (startsWith(text, '~nN') && NULL.test(text))),
    coreType('bool', (text) => startsWith(text, 'tTfF') && (BOOL_TRUE.test(text) || BOOL_FALSE.test(text))),
    coreType('float', isNumber),
  ],
  explicit: [coreType('int', isNumber)],
});
