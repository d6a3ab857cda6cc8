import type { App } from '@slack/bolt';
import { teamIdOf, type SlackRuntime } from '../runtime.ts';

/**
 * A workspace that removes the app (`app_uninstalled`), or revokes its bot token (`tokens_revoked`),
 * loses its stored token at once. Its debates stay: a moderator deletes those with `/debate delete`,
 * an operator with `cruxbot delete-workspace`.
 */
export function registerUninstall(app: App, runtime: SlackRuntime, forget: (teamId: string) => Promise<boolean>): void {
  const drop = async (teamId: string | undefined, why: string) => {
    if (!teamId) return;
    const removed = await forget(teamId);
    runtime.log.info({ team: teamId, removed }, `slack: ${why}; ${removed ? 'its token is deleted' : 'no stored token'}`);
  };
  app.event('app_uninstalled', async ({ body }) => drop(teamIdOf(body), 'the app was uninstalled'));
  app.event('tokens_revoked', async ({ event, body }) => {
    // Only the bot token matters: cruxbot asks for no user tokens.
    if ((event.tokens.bot ?? []).length > 0) await drop(teamIdOf(body), 'its bot token was revoked');
  });
}
