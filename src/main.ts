/** The only file that touches argv, stdin/stdout and exit codes. */
import { HELP } from './help';
import { runKrm } from './modes/krm';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(`multicluster-routes: unknown argument ${JSON.stringify(argv[0])}; see multicluster-routes --help\n`);
    return 2;
  }
  const { stdout, exitCode } = runKrm(await readStdin());
  process.stdout.write(stdout);
  return exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`multicluster-routes: internal error (a bug; please report it): ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
