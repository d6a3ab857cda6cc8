export interface BenchRow {
  /** What is measured, e.g. "/claim show at 100k claims". */
  readonly case: string;
  /** The figure, e.g. "p50 0.21 ms · p99 0.40 ms". */
  readonly value: string;
  /** The same work done raw (a prepared statement, a naive loop, the bare library call). */
  readonly floor?: string;
  readonly note?: string;
}

export interface BenchOptions {
  /** A folder with the real data sets (`polis/`, `cmv-dev/`), for rows that need them. */
  readonly dataDir?: string;
  /** Smaller sizes, for a quick look. */
  readonly quick: boolean;
  /** Also the PostgreSQL figures (a throwaway cluster: the binaries must be installed). */
  readonly postgres?: boolean;
  /** Sizes (claims) of the "one big debate" section (`--big-sizes 1000,10000`). */
  readonly bigSizes?: readonly number[];
}

export interface BenchSuite {
  readonly name: string;
  run(options: BenchOptions): Promise<BenchRow[]>;
}
