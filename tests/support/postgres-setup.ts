import type { TestProject } from 'vitest/node';
import { postgresBinaries, startCluster, type Cluster } from '../../src/tools/postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin URL of the PostgreSQL server the storage suites use, or '' when there is none. */
    postgresUrl: string;
    /** What it is, for the summary line. */
    postgresKind: string;
  }
}

let cluster: Cluster | undefined;

/**
 * Once per run: the PostgreSQL server for the PostgreSQL suites. TEST_DATABASE_URL when set (a real
 * server a developer runs), else a throwaway cluster when the binaries are installed, else none: those
 * suites are skipped and the summary says so. The choice is printed beside the result line.
 */
export async function setup(project: TestProject): Promise<void> {
  let url = '';
  let kind: string;
  if (process.env.TEST_DATABASE_URL) {
    url = process.env.TEST_DATABASE_URL;
    kind = `PostgreSQL from TEST_DATABASE_URL`;
  } else if (postgresBinaries()) {
    cluster = await startCluster();
    url = cluster.url;
    kind = `a throwaway PostgreSQL cluster (${cluster.version}) on 127.0.0.1:${cluster.port}`;
  } else {
    kind = 'no PostgreSQL (not installed; apt-get install -y postgresql): the PostgreSQL suites were skipped';
  }
  process.env.CRUXBOT_TEST_POSTGRES = kind;
  project.provide('postgresUrl', url);
  project.provide('postgresKind', kind);
}

export function teardown(): void {
  cluster?.destroy();
}
