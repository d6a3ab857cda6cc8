import { relative } from 'node:path';
import { buildDist, PROJECT_ROOT } from './dist.ts';

/** `npm run build [-- --out <folder>]`: the compiled bot in dist/ (or the folder given). */
const i = process.argv.indexOf('--out');
const out = i === -1 ? undefined : process.argv[i + 1];
try {
  const built = await buildDist(out);
  const where = relative(PROJECT_ROOT, built.outDir) || built.outDir;
  process.stdout.write(`Built ${where}/ in ${(built.ms / 1000).toFixed(1)} s: node ${relative(PROJECT_ROOT, built.main)} starts the bot\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
