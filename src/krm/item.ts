/** One resource of a ResourceList: its YAML node (the source of truth) and a typed view read on demand. */
import { isMap } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import { fileOf, refOf, stringMap } from './refs';
import type { Resource } from './resource';
import type { FileRef, ResourceRef } from './result';
import { toTyped } from './yamlNodes';
import type { Json, JsonObject } from './yamlNodes';

export class Item implements Resource {
  private typed: JsonObject | undefined;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** As written; undefined when the manifest has none. */
  readonly namespace: string | undefined;
  readonly annotations: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;

  /** `origin`: where the resource was read from, when the function read the file itself (files mode). */
  constructor(
    readonly node: YAMLMap,
    readonly doc: Document,
    private readonly origin?: FileRef,
  ) {
    const header = (key: string): string => {
      const value = toTyped(node.get(key, true), doc);
      return typeof value === 'string' ? value : '';
    };
    this.apiVersion = header('apiVersion');
    this.kind = header('kind');
    const metadata = node.get('metadata', true);
    const meta = isMap(metadata) ? metadata : undefined;
    const metaValue = (key: string): Json => (meta ? toTyped(meta.get(key, true), doc) : null);
    const name = metaValue('name');
    const namespace = metaValue('namespace');
    this.name = typeof name === 'string' ? name : '';
    this.namespace = typeof namespace === 'string' && namespace !== '' ? namespace : undefined;
    this.annotations = stringMap(metaValue('annotations'));
    this.labels = stringMap(metaValue('labels'));
  }

  /** The whole resource as typed JSON (YAML 1.2 core schema). Computed once, on first use. */
  get value(): JsonObject {
    if (!this.typed) {
      const typed = toTyped(this.node, this.doc);
      this.typed = typed !== null && typeof typed === 'object' && !Array.isArray(typed) ? typed : {};
    }
    return this.typed;
  }

  mentions(): boolean {
    return true;
  }

  get ref(): ResourceRef {
    return refOf(this);
  }

  /** Where the orchestrator read this resource from, when it says. */
  get file(): FileRef | undefined {
    return this.origin ?? fileOf(this.annotations);
  }
}
