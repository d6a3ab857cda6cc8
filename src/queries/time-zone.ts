import type { Actor } from '../core/context.ts';
import { isTimeZone } from '../domain/time/when.ts';
import type { Reader } from '../storage/ports.ts';

export type ZoneSource = 'your setting' | 'your profile' | 'the workspace default' | 'no setting';

/**
 * The zone a person's dates are read and shown in: their own `/config timezone:`, else what the
 * platform says (Slack's profile zone), else the workspace default, else UTC.
 */
export async function timeZoneOf(
  queries: Pick<Reader, 'forecasts' | 'settings'>,
  workspace: string,
  actor: Pick<Actor, 'id' | 'timeZone'>,
): Promise<{ zone: string; from: ZoneSource }> {
  const own = (await queries.forecasts.person(workspace, actor.id))?.timeZone;
  if (own && isTimeZone(own)) return { zone: own, from: 'your setting' };
  if (actor.timeZone && isTimeZone(actor.timeZone)) return { zone: actor.timeZone, from: 'your profile' };
  const team = (await queries.settings.get(workspace, 'timezone'))?.value;
  if (team && isTimeZone(team)) return { zone: team, from: 'the workspace default' };
  return { zone: 'UTC', from: 'no setting' };
}
