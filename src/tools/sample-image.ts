import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../core/logger.ts';
import { loadDemo } from '../demo.ts';
import { createServices } from '../services.ts';
import { teamCredenceLookup } from '../queries/team-credence.ts';
import { planCruxMap } from '../render/map/plan.ts';
import { renderCruxMap } from '../render/map/render.ts';

/**
 * `npm run map:sample [-- <debate slug>]`: draws a sample debate exactly as `/map` would, boxes coloured
 * by the sample credences, to `data/demo/sample-map.png`, the picture the README shows.
 */
export const SAMPLE_MAP_FILE = fileURLToPath(new URL('../../data/demo/sample-map.png', import.meta.url));

export async function writeSampleMap(
  slug = 'reward-seeking',
  file = SAMPLE_MAP_FILE,
): Promise<{ width: number; height: number; bytes: number }> {
  const services = createServices(loadConfig({ DATABASE_PATH: ':memory:' }), { log: silentLogger });
  try {
    await loadDemo(services, { workspace: 'local', channel: 'sample' });
    const { store } = services;
    const debate = await store.debates.require('local', slug);
    const graph = await store.graphOf(debate);
    const credenceOf = await teamCredenceLookup({ services, workspace: 'local' }, debate);
    const picture = await renderCruxMap({ ...planCruxMap(graph).view, ...(credenceOf ? { credenceOf } : {}) });
    writeFileSync(file, picture.png);
    return { width: picture.width, height: picture.height, bytes: picture.png.byteLength };
  } finally {
    await services.store.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await writeSampleMap(process.argv[2]);
  process.stdout.write(`Wrote ${SAMPLE_MAP_FILE}: ${result.width}×${result.height} px, ${Math.round(result.bytes / 1024)} kB\n`);
}
