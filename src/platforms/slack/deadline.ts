/**
 * The value of `work` if it settles within `ms`, else undefined; the work carries on either way (its
 * result is then awaited separately). A rejection within the time is passed on.
 */
export async function readyWithin<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
