/** KRM results: a user's mistake (or a note) as data, never a thrown error. */
import type { Json, JsonObject } from './yamlNodes';
import { printable } from '../printable';

export type Severity = 'error' | 'warning' | 'info';

export interface ResourceRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface FileRef {
  readonly path: string;
  readonly index?: number;
}

export interface Result {
  readonly severity: Severity;
  /** Stable identifier of the finding, written as the result tag `code`. */
  readonly code: string;
  readonly message: string;
  readonly resourceRef?: ResourceRef;
  readonly field?: string;
  readonly file?: FileRef;
}

export const hasErrors = (results: readonly Result[]): boolean => results.some((r) => r.severity === 'error');

/** The wire form of a result, with a fixed key order (KRM Functions Specification, `results`). */
export function toKrmResult(result: Result): JsonObject {
  // kpt prints the message to a terminal: control characters in it are escaped.
  const out: JsonObject = { message: printable(result.message), severity: result.severity };
  if (result.resourceRef) out['resourceRef'] = { ...result.resourceRef } as JsonObject;
  if (result.field !== undefined) out['field'] = { path: result.field };
  if (result.file) out['file'] = { ...result.file } as { [key: string]: Json };
  out['tags'] = { code: result.code };
  return out;
}
