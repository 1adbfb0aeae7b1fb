/** The functionConfig's JSON Schema, generated from the zod schema (published as schema/functionconfig.schema.json). */
import * as z from 'zod';
import { CONFIG_API_VERSION, CONFIG_KIND } from '../names';
import { recordShapeOf } from './dataRecord';
import { functionConfigSchema } from './schema';

/** A data record's JSON Schema is that of the `z.record` it stands for (zod sees only an unknown value with a refinement). */
function asRecord({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const shape = recordShapeOf(zodSchema);
  if (!shape) return;
  const record = z.toJSONSchema(shape, { io: 'input', unrepresentable: 'any', override: asRecord }) as Record<string, unknown>;
  delete record['$schema'];
  for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
  Object.assign(jsonSchema, record);
}

export function functionConfigJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(functionConfigSchema, { io: 'input', unrepresentable: 'any', override: asRecord }) as Record<string, unknown>;
  return {
    ...generated,
    $id: 'https://multicluster-routes.dev/schema/functionconfig.schema.json',
    title: `${CONFIG_KIND} (${CONFIG_API_VERSION})`,
    description: 'functionConfig of the multicluster-routes KRM function',
  };
}
