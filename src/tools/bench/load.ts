import { DEFAULT_LOAD } from '../load/options.ts';
import { errorSummary, runCells } from '../load/report.ts';
import { runLoad } from '../load/run.ts';
import { MIX } from '../load/workload.ts';
import type { BenchSuite } from './types.ts';

/**
 * `npm run load` at a modest size: the Slack HTTP app in its own process under signed slash commands,
 * beside the same requests through the command core (`npm run load` alone takes every size).
 */
export const loadBench: BenchSuite = {
  name: 'load',
  async run({ quick }) {
    const options = { ...DEFAULT_LOAD, requests: quick ? 200 : 1000, concurrency: 8, teams: 4 };
    const { slack, floor, workload } = await runLoad(options);
    const s = runCells(slack);
    const f = runCells(floor);
    const label = `${workload.requests.length.toLocaleString('en-US')} signed slash commands at concurrency ${options.concurrency} (a mix of ${MIX.length} commands)`;
    return [
      {
        case: `Slack HTTP, ${label}: to the ack`,
        value: `p50 · p99 ${s.ack}`,
        note: `errors: ${errorSummary(slack)}`,
      },
      {
        case: `Slack HTTP, ${label}: to the reply at the Web API`,
        value: `p50 · p99 ${s.reply}; ${s.throughput}`,
        floor: `the command core (runText), same requests one at a time: p50 · p99 ${f.reply}; ${f.throughput}`,
      },
    ];
  },
};
