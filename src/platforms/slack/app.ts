import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import type { ChatPort } from '../../core/context.ts';
import { StartupError } from '../../core/errors.ts';
import { InFlight } from '../../core/inflight.ts';
import type { Logger } from '../../core/logger.ts';
import type { CommandRegistry } from '../../core/registry.ts';
import { startHttpServer, type HttpServer } from '../../http/server.ts';
import type { Services } from '../../services.ts';
import type { RunningPlatform } from '../running.ts';
import type { SecretKey } from '../../core/sealed.ts';
import type { WebClient } from './delivery.ts';
import { installed, installFailed, installPage } from './install-pages.ts';
import { InstalledTeams } from './installed-teams.ts';
import { installKeyOf, SealedInstallationStore } from './installations.ts';
import { SLACK_SCOPES } from './manifest.ts';
import { registerUninstall } from './routes/uninstall.ts';
import { boltLogger } from './bolt-logger.ts';
import { slackChatPort } from './chat-port.ts';
import { SlackDelivery } from './delivery.ts';
import { SlackHistory } from './history.ts';
import { registerBlockActions } from './routes/actions.ts';
import { registerSlashCommands } from './routes/commands.ts';
import { registerAppHome } from './routes/home.ts';
import { registerMessageShortcuts } from './routes/shortcuts.ts';
import { registerViewSubmissions } from './routes/views.ts';
import { guardSlackRequests } from './request-guard.ts';
import type { SlackRuntime, SlackTeam } from './runtime.ts';
import { slackErrorCode } from './slack-errors.ts';
import { UserDirectory } from './user-directory.ts';
import { UserGroups } from './user-groups.ts';

/** HTTP: Slack posts signed requests to `POST /slack/events`; the signing secret verifies them. */
export interface HttpConnection {
  readonly mode: 'http';
  readonly signingSecret: string;
  readonly port: number;
  /** Default: every interface. */
  readonly host?: string;
}

/** Socket Mode: cruxbot dials Slack over a WebSocket (no public URL); the app token opens it. */
export interface SocketConnection {
  readonly mode: 'socket';
  readonly appToken: string;
}

export interface SlackBotOptions {
  readonly services: Services;
  readonly registry: CommandRegistry;
  readonly botToken: string;
  readonly connection: HttpConnection | SocketConnection;
  /** The Web API base (`SLACK_API_URL`): a proxy, or a local fake in tests. */
  readonly apiUrl?: string;
  /** Web API retries (Bolt's default retries for half an hour; tests want none). */
  readonly retries?: number;
  /** How long a form submission may work before Slack is answered; Slack allows 3 s in all. */
  readonly viewAckBudgetMs?: number;
  /** How long a request waits for Slack to say whether its person is a moderator (default 3 s). */
  readonly moderatorCheckMs?: number;
  /**
   * HTTP mode: the process's HTTP server to mount `POST /slack/events` on. Without one the app starts
   * its own on the connection's port (and closes it when it stops).
   */
  readonly http?: HttpServer;
  /** Many workspaces ("Add to Slack"): the app's OAuth credentials and the keys that seal stored tokens. */
  readonly oauth?: SlackOAuth;
}

export interface SlackOAuth {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs the `state` of an install (it must come back unchanged). */
  readonly stateSecret: string;
  /** The first seals; each opens what it sealed. */
  readonly keys: readonly SecretKey[];
}

export interface SlackBot extends RunningPlatform {
  readonly app: App;
  readonly chat: ChatPort;
  /** The port the HTTP receiver listens on (HTTP mode). */
  readonly port?: number;
}

const EVENTS_PATH = '/slack/events';
const INSTALL_PATH = '/slack/install';
const REDIRECT_PATH = '/slack/oauth_redirect';
const DRAIN_MS = 10_000;

/**
 * Starts the Bolt app: checks the bot token (auth.test), connects (Socket Mode or the HTTP receiver),
 * registers the listeners and the chat port. A bad token, a refused app token or a busy port is a
 * StartupError that says which setting to fix.
 */
export async function startSlackBot(options: SlackBotOptions): Promise<SlackBot> {
  const { services, connection } = options;
  const log = services.log.child({ platform: 'slack' });
  const logger = boltLogger(log);
  // Each client gets its own options object: the Socket Mode client writes its retry policy into it.
  const clientOptions = () => ({
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.retries !== undefined ? { retryConfig: { retries: options.retries } } : {}),
    logger,
  });

  const oauth = options.oauth;
  const auth: BotIdentity = oauth ? {} : await checkBotToken(options, logger);
  const inflight = new InFlight();
  const installations = oauth ? new SealedInstallationStore(services.store, oauth.keys, services.clock) : undefined;
  const receiver = buildReceiver(connection, logger, clientOptions(), oauth && installations ? { ...oauth, installations } : undefined);
  if (receiver instanceof HTTPReceiver && connection.mode === 'http')
    receiver.requestListener = guardSlackRequests(receiver.requestListener, {
      signingSecret: connection.signingSecret,
      state: services.store.state,
      path: EVENTS_PATH,
      log,
    });
  const app = new App({
    // One workspace: its token. Many: Bolt finds each request's token from the install (receiver.installer).
    ...(oauth ? {} : { token: options.botToken, botId: auth.botId, botUserId: auth.userId }),
    tokenVerificationEnabled: false,
    receiver,
    clientOptions: clientOptions(),
    logger,
    convoStore: false,
  });

  const teamOf = (client: WebClient, workspaceUrl: string | undefined): SlackTeam => {
    const delivery = new SlackDelivery(client, log);
    const users = new UserDirectory(client, log);
    const groups = new UserGroups(client, log);
    const history = new SlackHistory(client, users, workspaceUrl);
    return {
      client,
      delivery,
      users,
      groups,
      history,
      chat: slackChatPort(delivery, history, groups),
      ...(workspaceUrl ? { workspaceUrl } : {}),
    };
  };
  const single = oauth ? undefined : teamOf(app.client, auth.url);
  const teams = installations
    ? new InstalledTeams(installations, (token, url) => teamOf(new webApi.WebClient(token, clientOptions()), url), log)
    : undefined;
  const chat: ChatPort = single ? single.chat : teams!.chatPort();
  const runtime: SlackRuntime = {
    services,
    inflight,
    registry: options.registry,
    team: async (teamId) => single ?? (await teams!.team(teamId)),
    moderatorCheckMs: options.moderatorCheckMs ?? 3_000,
    log,
    viewAckBudgetMs: options.viewAckBudgetMs ?? 2_000,
  };
  // Slack delivers an event again when it thinks the first went unanswered (X-Slack-Retry-Num); any
  // instance may get the retry, so the event ids already handled are kept in the store for an hour.
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await services.store.state.firstTime(`slack-event:${eventId}`, 60 * 60_000, Date.now()))) {
      log.info({ eventId, retry: context.retryNum }, 'slack: an event already handled came again; skipped');
      return;
    }
    await next();
  });
  registerSlashCommands(app, runtime);
  registerBlockActions(app, runtime);
  registerViewSubmissions(app, runtime);
  registerMessageShortcuts(app, runtime);
  registerAppHome(app, runtime);
  registerUninstall(app, runtime, async (teamId) => {
    if (!installations || !teams) return false;
    teams.forget(teamId);
    return await services.store.installations.remove(installKeyOf({ teamId }));
  });
  app.error(async (error) => {
    log.error({ err: error }, 'slack: unhandled error in a listener');
  });

  const server =
    connection.mode === 'http'
      ? (options.http ??
        (await startHttpServer({ services, port: connection.port, ...(connection.host ? { host: connection.host } : {}), log })))
      : undefined;
  const ownsServer = connection.mode === 'http' && !options.http;
  if (server && receiver instanceof HTTPReceiver) mountReceiver(server, receiver, log, Boolean(oauth));
  else await connectSocket(app);
  const port = server?.port;
  services.chats.set('slack', chat);
  log.info(
    { mode: connection.mode, team: auth.teamId, ...(port !== undefined ? { port, path: EVENTS_PATH } : {}) },
    connection.mode === 'http' ? `slack: listening on port ${port} (POST ${EVENTS_PATH})` : 'slack: connected by Socket Mode',
  );

  const team = oauth
    ? 'every workspace that installs it (GET /slack/install)'
    : auth.teamId
      ? `team ${auth.teamName ? `${auth.teamName} (${auth.teamId})` : auth.teamId}`
      : 'team unknown';
  return {
    name: 'slack',
    status:
      connection.mode === 'http'
        ? ownsServer
          ? `slack: HTTP on ${connection.host ?? 'all interfaces'} port ${port} (${server!.routes().join(', ')}), ${team}`
          : `slack: HTTP (${oauth ? `POST ${EVENTS_PATH}, GET ${INSTALL_PATH}, GET ${REDIRECT_PATH}` : `POST ${EVENTS_PATH}`}), ${team}`
        : `slack: Socket Mode, ${team}`,
    app,
    chat,
    ...(port !== undefined ? { port } : {}),
    async stop() {
      // Stop taking requests first, then let the ones already acknowledged finish answering.
      if (ownsServer) await server!.close();
      else if (!server) await app.stop().catch((error: unknown) => log.warn({ err: error }, 'slack: receiver did not stop cleanly'));
      if (!(await inflight.drain(DRAIN_MS))) log.warn('slack: some replies did not finish within 10 s');
      if (services.chats.get('slack') === chat) services.chats.delete('slack');
      log.info('slack: stopped');
    },
  };
}

interface BotIdentity {
  readonly userId?: string;
  readonly botId?: string;
  readonly teamId?: string;
  readonly teamName?: string;
  readonly url?: string;
}

async function checkBotToken(options: SlackBotOptions, logger: ReturnType<typeof boltLogger>): Promise<BotIdentity> {
  // Start-up should fail fast with a sentence, not retry for half an hour.
  const client = new webApi.WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: Math.min(options.retries ?? 2, 2) },
    logger,
  });
  try {
    const auth = await client.auth.test();
    return {
      ...(auth.user_id ? { userId: auth.user_id } : {}),
      ...(auth.bot_id ? { botId: auth.bot_id } : {}),
      ...(auth.team_id ? { teamId: auth.team_id } : {}),
      ...(auth.team ? { teamName: auth.team } : {}),
      ...(auth.url ? { url: auth.url } : {}),
    };
  } catch (error) {
    const code = slackErrorCode(error);
    if (code)
      throw new StartupError(
        `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page.`,
      );
    throw new StartupError(`cannot reach Slack's Web API${options.apiUrl ? ` at ${options.apiUrl}` : ''}: ${(error as Error).message}`);
  }
}

function buildReceiver(
  connection: HttpConnection | SocketConnection,
  logger: ReturnType<typeof boltLogger>,
  clientOptions: ConstructorParameters<typeof webApi.WebClient>[1],
  oauth: (SlackOAuth & { installations: SealedInstallationStore }) | undefined,
): Receiver {
  if (connection.mode === 'socket') {
    return new SocketModeReceiver({ appToken: connection.appToken, logger, installerOptions: { clientOptions: clientOptions ?? {} } });
  }
  return new HTTPReceiver({
    signingSecret: connection.signingSecret,
    endpoints: EVENTS_PATH,
    logger,
    processBeforeResponse: false,
    ...(oauth
      ? {
          clientId: oauth.clientId,
          clientSecret: oauth.clientSecret,
          stateSecret: oauth.stateSecret,
          scopes: SLACK_SCOPES.map((s) => s.scope),
          installationStore: oauth.installations,
          installerOptions: {
            installPath: INSTALL_PATH,
            redirectUriPath: REDIRECT_PATH,
            // The install page first, which sets the state cookie the redirect is checked against.
            directInstall: false,
            stateVerification: true,
            renderHtmlForInstallPath: installPage,
            callbackOptions: { success: installed, failure: installFailed },
            clientOptions: clientOptions ?? {},
          },
        }
      : {}),
  });
}

async function connectSocket(app: App): Promise<void> {
  try {
    await app.start();
  } catch (error) {
    const code = slackErrorCode(error);
    throw new StartupError(
      code
        ? `Slack refused SLACK_APP_TOKEN (${code}): create an app-level token with the connections:write scope (Basic Information → App-Level Tokens).`
        : `cannot open a Socket Mode connection to Slack: ${(error as Error).message}`,
    );
  }
}

/**
 * Hands Slack's paths on the process's HTTP server to Bolt's receiver (checked first by the request
 * guard). Bolt is not asked to listen: the receiver's request listener is all it needs to serve.
 */
function mountReceiver(server: HttpServer, receiver: HTTPReceiver, log: Logger, oauth: boolean): void {
  const listener = receiver.requestListener;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    try {
      listener(req, res);
    } catch (error) {
      // Bolt throws for a path it does not serve; the server's table sent it here, so that is a fault.
      log.warn({ err: error, path: req.url }, 'slack: the receiver did not take a request');
      if (!res.headersSent) res.writeHead(404).end();
    }
  };
  server.mount({ method: 'POST', path: EVENTS_PATH, handle });
  if (oauth) server.mount({ method: 'GET', path: INSTALL_PATH, handle }, { method: 'GET', path: REDIRECT_PATH, handle });
}
