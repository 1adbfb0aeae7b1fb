// The floor: js-yaml loading and dumping the same ResourceList (what any YAML-reading function pays at least).
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

process.stdout.write(yaml.dump(yaml.load(readFileSync(0, 'utf8')), { lineWidth: -1, noRefs: true }));
