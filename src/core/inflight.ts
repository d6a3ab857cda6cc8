/**
 * Counts handlers in progress so a shutdown can stop taking new work and still finish what it took.
 */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];
  closing = false;

  get active(): number {
    return this.count;
  }

  begin(): () => void {
    this.count++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.count--;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    };
  }

  /** Resolves when nothing is in flight, or after `timeoutMs` (returns false then). */
  drain(timeoutMs = 10_000): Promise<boolean> {
    this.closing = true;
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
