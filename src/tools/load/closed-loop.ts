/**
 * `concurrency` workers take the next request in turn and each waits for its request's answer before
 * taking another, so at most `concurrency` are in flight. No request starts after `deadline`
 * (`performance.now()`); returns how many were started.
 */
export async function closedLoop(
  o: { readonly concurrency: number; readonly total: number; readonly deadline: number },
  each: (index: number, worker: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const worker = async (w: number) => {
    while (next < o.total && performance.now() < o.deadline) await each(next++, w);
  };
  await Promise.all(Array.from({ length: o.concurrency }, (_, w) => worker(w)));
  return next;
}
