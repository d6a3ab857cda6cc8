import { cpus, loadavg, totalmem } from 'node:os';
import { checksPass } from './checks.ts';
import { LoadUsageError, parseLoadFlags } from './options.ts';
import { formatLoadReport } from './report.ts';
import { runLoad } from './run.ts';
import { isError } from './samples.ts';

/**
 * `npm run load [-- --requests N --concurrency K --seconds S --teams T --instances I --postgres]`: the
 * Slack HTTP app (one process or several on one PostgreSQL) under signed slash commands on loopback,
 * beside the command core doing the same work; then the database is checked. Prints a report.
 */
async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseLoadFlags(argv);
  } catch (error) {
    if (!(error instanceof LoadUsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const load = () => loadavg()[0]!.toFixed(1);
  const before = load();
  const result = await runLoad(options, (line) => process.stderr.write(`${line}\n`));
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${before} before, ${load()} after`;
  process.stdout.write(formatLoadReport(result, machine));
  return result.slack.samples.some(isError) || !checksPass(result.checks) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
