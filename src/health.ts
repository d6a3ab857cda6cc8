import { createRequire } from 'node:module';
import { latestSchemaVersion } from './storage/index.ts';
import type { Services } from './services.ts';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/**
 * What `GET /health` answers. Safe for a public port: no paths, tokens, team ids or counts of anyone's
 * data; enough for a load balancer (the HTTP status) and for a person (what is up, since when).
 */
export interface HealthReport {
  /** `ok`; `stopping` during a graceful shutdown; `degraded` when the database cannot be read. */
  readonly status: 'ok' | 'stopping' | 'degraded';
  readonly version: string;
  readonly uptimeSeconds: number;
  /** The chat platforms serving right now (`discord`, `slack`). */
  readonly platforms: readonly string[];
  /** Interactions being answered at this moment. */
  readonly inFlight: number;
  readonly database: { readonly ok: true; readonly schema: number } | { readonly ok: false; readonly error: string };
}

/** Checks the database with one read, and says how the process is doing; 503 unless all is well. */
export async function checkHealth(
  services: Services,
  stopping = services.inflight.closing,
): Promise<{ httpStatus: number; report: HealthReport }> {
  const database = await checkDatabase(services);
  const status = stopping ? 'stopping' : database.ok ? 'ok' : 'degraded';
  const report: HealthReport = {
    status,
    version,
    uptimeSeconds: Math.round(process.uptime()),
    platforms: [...services.chats.keys()].filter((name) => name !== 'console').sort(),
    inFlight: services.inflight.active,
    database,
  };
  return { httpStatus: status === 'ok' ? 200 : 503, report };
}

async function checkDatabase(services: Services): Promise<HealthReport['database']> {
  try {
    const schema = await services.store.schemaVersion();
    if (schema !== latestSchemaVersion()) return { ok: false, error: `schema ${schema}, expected ${latestSchemaVersion()}` };
    return { ok: true, schema };
  } catch (error) {
    return { ok: false, error: (error as { code?: string }).code ?? 'cannot read' };
  }
}
