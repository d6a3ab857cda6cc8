/** Slack's error code from a Web API failure (`not_in_channel`, `missing_scope`…), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** The scope Slack said was missing, from a `missing_scope` error. */
export function neededScope(error: unknown): string | undefined {
  const needed = (error as { data?: { needed?: unknown } } | undefined)?.data?.needed;
  return typeof needed === 'string' ? needed : undefined;
}

/** A response URL refused our message. */
export class ResponseUrlError extends Error {
  override readonly name = 'ResponseUrlError';
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`response_url answered ${status}: ${body.slice(0, 200)}`);
  }
}
