/** The functionConfig's JSON Schema, generated from the zod schema (published as schema/functionconfig.schema.json). */
import * as z from 'zod';
import { CONFIG_API_VERSION, CONFIG_KIND } from '../names';
import { functionConfigSchema } from './schema';

export function functionConfigJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(functionConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...generated,
    $id: 'https://multicluster-routes.dev/schema/functionconfig.schema.json',
    title: `${CONFIG_KIND} (${CONFIG_API_VERSION})`,
    description: 'functionConfig of the multicluster-routes KRM function',
  };
}
