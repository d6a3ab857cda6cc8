import type { App } from '@slack/bolt';
import { homeView } from '../home.ts';
import { answer, teamIdOf, UnknownWorkspaceError, type SlackRuntime } from '../runtime.ts';

/** `app_home_opened` on the Home tab → views.publish with the workspace's current state. */
export function registerAppHome(app: App, runtime: SlackRuntime): void {
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const teamId = teamIdOf(body);
    await answer(runtime, 'app home', teamId, undefined, async (_cid, team) => {
      if (!teamId) throw new UnknownWorkspaceError();
      const view = await homeView({ services: runtime.services, workspace: `slack:${teamId}` });
      await team.client.views.publish({ user_id: event.user, view });
    });
  });
}
