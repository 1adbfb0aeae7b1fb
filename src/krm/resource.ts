/** What the core reads of an input resource, whichever reader produced it. */
import type { FileRef, ResourceRef } from './result';
import type { JsonObject } from './yamlNodes';

export interface Resource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** As written; undefined when the manifest has none. */
  readonly namespace: string | undefined;
  readonly annotations: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  /** The whole resource as typed JSON (YAML 1.2 core schema), read on first use. */
  readonly value: JsonObject;
  readonly file: FileRef | undefined;
  readonly ref: ResourceRef;
  /** False only when the resource's text certainly does not contain `text` (a cheap pre-check before reading it). */
  mentions(text: string): boolean;
}
