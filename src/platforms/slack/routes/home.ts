import type { App } from '@slack/bolt';
import { homeView } from '../home.ts';
import { answer, teamIdOf, UnknownWorkspaceError, type SlackRuntime } from '../runtime.ts';

/** `app_home_opened` on the Home tab → views.publish with the workspace's current state. */
export function registerAppHome(app: App, runtime: SlackRuntime): void {
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    await answer(runtime, 'app home', undefined, async () => {
      const team = teamIdOf(body);
      if (!team) throw new UnknownWorkspaceError();
      const view = await homeView({ services: runtime.services, workspace: `slack:${team}` });
      await runtime.client.views.publish({ user_id: event.user, view });
    });
  });
}
