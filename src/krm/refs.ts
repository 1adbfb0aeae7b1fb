/** What every reader derives the same way from a resource's header: its reference and the file it came from. */
import { ANNOTATION_INDEX, ANNOTATION_LEGACY_INDEX, ANNOTATION_LEGACY_PATH, ANNOTATION_PATH } from '../names';
import type { FileRef, ResourceRef } from './result';
import type { Json } from './yamlNodes';

export function refOf(r: { apiVersion: string; kind: string; name: string; namespace: string | undefined }): ResourceRef {
  const ref = { apiVersion: r.apiVersion, kind: r.kind, name: r.name };
  return r.namespace === undefined ? ref : { ...ref, namespace: r.namespace };
}

/** The orchestrator's path and index annotations (current, else legacy), when present. */
export function fileOf(annotations: Readonly<Record<string, string>>): FileRef | undefined {
  const path = annotations[ANNOTATION_PATH] ?? annotations[ANNOTATION_LEGACY_PATH];
  if (path === undefined) return undefined;
  const index = Number(annotations[ANNOTATION_INDEX] ?? annotations[ANNOTATION_LEGACY_INDEX]);
  return Number.isInteger(index) ? { path, index } : { path };
}

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});

/** A map of scalars as strings (annotations, labels); anything else is empty. Keys stay plain data. */
export function stringMap(value: Json | undefined): Readonly<Record<string, string>> {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return EMPTY;
  const out = Object.create(null) as Record<string, string>;
  for (const [key, entry] of Object.entries(value)) if (entry !== null && typeof entry !== 'object') out[key] = String(entry);
  return out;
}
