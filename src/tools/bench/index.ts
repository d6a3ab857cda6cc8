import { cpus, loadavg, totalmem } from 'node:os';
import { commandsBench } from './commands.ts';
import { driftBench } from './drift.ts';
import { mapBench } from './map.ts';
import { webBench } from './web.ts';
import { discordBench } from './discord.ts';
import { threadsBench } from './threads.ts';
import { credencesBench } from './credences.ts';
import { loadBench } from './load.ts';
import { postgresBench } from './postgres.ts';
import { startupBench } from './startup.ts';
import { bigDebatesBench } from './big-debates.ts';
import type { BenchOptions, BenchRow, BenchSuite } from './types.ts';

/**
 * `npm run bench [-- --quick] [--only <suite>] [--postgres] [--data <folder with polis/ and cmv-dev/>] [--big-sizes 1000,10000]`: one table of
 * every measured figure, each beside its floor. Paste the output into the README's figures section.
 */
// The load suite goes first: its client, fake Web API and floor run in this process, before the other
// suites have filled its heap.
export const SUITES: readonly BenchSuite[] = [
  loadBench,
  commandsBench,
  postgresBench,
  credencesBench,
  discordBench,
  driftBench,
  mapBench,
  webBench,
  threadsBench,
  startupBench,
  bigDebatesBench,
];

function parseArgs(argv: readonly string[]): BenchOptions & { only?: string } {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const dataDir = value('--data');
  const only = value('--only');
  const bigSizes = value('--big-sizes')
    ?.split(',')
    .map((n) => Number(n.replace(/_/g, '')))
    .filter((n) => Number.isInteger(n) && n > 0);
  return {
    quick: argv.includes('--quick'),
    postgres: argv.includes('--postgres'),
    ...(dataDir ? { dataDir } : {}),
    ...(only ? { only } : {}),
    ...(bigSizes?.length ? { bigSizes } : {}),
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  // A shared machine's other work slows every figure: say how busy it was.
  const load = () => loadavg()[0]!.toFixed(1);
  process.stdout.write(`cruxbot benchmarks · ${machine} · load average ${load()} at the start${options.quick ? ' · quick sizes' : ''}\n\n`);
  process.stdout.write('| area | case | figure | floor (same work, raw) |\n|---|---|---|---|\n');
  for (const suite of SUITES) {
    if (options.only && suite.name !== options.only) continue;
    let rows: BenchRow[];
    try {
      rows = await suite.run(options);
    } catch (error) {
      rows = [{ case: 'failed', value: (error as Error).message }];
    }
    for (const row of rows) {
      process.stdout.write(`| ${suite.name} | ${row.case} | ${row.value}${row.note ? ` (${row.note})` : ''} | ${row.floor ?? '—'} |\n`);
    }
  }
  process.stdout.write(`\nload average ${load()} at the end\n`);
}

await main();
