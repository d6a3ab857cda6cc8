import { createHmac } from 'node:crypto';

/** One slash command as Slack sends it: who typed what, where, and where to answer. */
export interface SlashCommand {
  readonly team: string;
  readonly user: string;
  readonly channel: string;
  /** Without the slash: `claim`. */
  readonly command: string;
  readonly text: string;
  readonly responseUrl: string;
  readonly triggerId: string;
}

/** application/x-www-form-urlencoded, the fields Slack sends with a slash command. */
export function slashCommandForm(c: SlashCommand): string {
  return new URLSearchParams({
    token: 'verification-token',
    team_id: c.team,
    team_domain: c.team.toLowerCase(),
    channel_id: c.channel,
    channel_name: c.channel.toLowerCase(),
    user_id: c.user,
    user_name: c.user.toLowerCase(),
    command: `/${c.command}`,
    text: c.text,
    api_app_id: 'ALOAD',
    is_enterprise_install: 'false',
    response_url: c.responseUrl,
    trigger_id: c.triggerId,
  }).toString();
}

/** Slack's v0 signature: HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret. */
export function slackSignature(body: string, timestamp: number, secret: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a signed request as Slack would; resolves with the HTTP status once the whole answer is read. */
export async function postSigned(url: string, body: string, secret: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(body, timestamp, secret),
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}
