/** A chat platform cruxbot is serving; `stop` stops taking interactions and waits for those in flight. */
export interface RunningPlatform {
  readonly name: string;
  /** What connected, for the start-up status line: `slack: Socket Mode, team Research (T123)`. */
  readonly status: string;
  stop(): Promise<void>;
}
