import { join } from 'node:path';
import { functionConfigJsonSchema } from '../src/config/jsonSchema';
import { expectGolden } from './support/golden';

test('schema/functionconfig.schema.json is generated from the zod schema and up to date', () => {
  expectGolden(join(__dirname, '..', 'schema', 'functionconfig.schema.json'), `${JSON.stringify(functionConfigJsonSchema(), null, 2)}\n`);
});
