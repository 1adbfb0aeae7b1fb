// The SBOM of the runtime dependencies, CycloneDX JSON, into dist/sbom.cdx.json: `npm run sbom`, and after every
// `npm run build` (the postbuild script; the build command itself stays what the Dockerfile runs).
//
// `npm sbom --omit=dev` would be the obvious command, but npm drops a runtime package from it when a
// devDependency uses the same package too (npm/cli#7909; here js-yaml and its argparse). So: npm's full SBOM,
// keeping the components npm does not mark as development-only (property cdx:npm:package:development).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const DEVELOPMENT = 'cdx:npm:package:development';
const out = 'dist/sbom.cdx.json';

const bom = JSON.parse(execFileSync('npm', ['sbom', '--sbom-format', 'cyclonedx'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
const development = (component) => (component.properties ?? []).some((p) => p.name === DEVELOPMENT && p.value === 'true');
bom.components = bom.components.filter((c) => !development(c));
const kept = new Set([bom.metadata.component['bom-ref'], ...bom.components.map((c) => c['bom-ref'])]);
bom.dependencies = bom.dependencies.filter((d) => kept.has(d.ref)).map((d) => ({ ...d, dependsOn: (d.dependsOn ?? []).filter((ref) => kept.has(ref)) }));
// npm names the root component after the folder it runs in; the package's own name is the one that means something.
bom.metadata.component.name = JSON.parse(readFileSync('package.json', 'utf8')).name;
mkdirSync('dist', { recursive: true });
writeFileSync(out, `${JSON.stringify(bom, null, 2)}\n`);
