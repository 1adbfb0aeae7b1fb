/** The functionConfig of files mode: the file given with --config, else the one MulticlusterRoutes in the directory. */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { isMap } from 'yaml';
import { Item } from '../krm/item';
import { parseYamlDocuments } from '../krm/resourceList';
import type { Result } from '../krm/result';
import { CONFIG_API_VERSION, CONFIG_KIND } from '../names';

export function loadConfig(
  options: { readonly dir: string; readonly config: string | undefined },
  items: readonly Item[],
): { config?: Item; results: Result[] } {
  if (options.config !== undefined) {
    const path = relative(options.dir, options.config).split(sep).join('/');
    const parsed = parseYamlDocuments(readFileSync(options.config, 'utf8'), options.config);
    if (!parsed.ok) return { results: [...parsed.results] };
    const doc = parsed.value[0];
    if (parsed.value.length !== 1 || !doc || !isMap(doc.contents)) {
      return {
        results: [
          { severity: 'error', code: 'invalid-function-config', message: `${options.config} must hold exactly one functionConfig document`, file: { path } },
        ],
      };
    }
    return { config: new Item(doc.contents, doc, { path, index: 0 }), results: [] };
  }
  const found = items.filter((i) => i.kind === CONFIG_KIND && i.apiVersion === CONFIG_API_VERSION);
  if (found.length === 1) return { config: found[0] as Item, results: [] };
  const message =
    found.length === 0
      ? `no ${CONFIG_KIND} in ${options.dir}; pass --config FILE or add a functionConfig (apiVersion ${CONFIG_API_VERSION}) to the directory`
      : `${found.length} ${CONFIG_KIND} resources in ${options.dir}; pass --config FILE to choose one`;
  return { results: [{ severity: 'error', code: 'missing-function-config', message }] };
}
