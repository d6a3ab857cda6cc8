/**
 * Slack payloads as Slack sends them (our own fixtures, in the shapes of Slack's documentation and
 * Bolt's test suites): slash commands as form fields, interactions as `payload=<json>`, events as JSON.
 * Ids are placeholders: team T111 in enterprise E111, people W111 (Ana) and W222 (Bob), channel C111.
 */

export const TEAM = { id: 'T111', domain: 'cruxbot-test', enterprise_id: 'E111', enterprise_name: 'Sandbox Org' };
export const ANA = { id: 'W111', username: 'ana', name: 'ana', team_id: 'T111' };
export const BOB = { id: 'W222', username: 'bob', name: 'bob', team_id: 'T111' };
export const CHANNEL = { id: 'C111', name: 'research' };

export interface SlashOptions {
  readonly command: string;
  readonly text: string;
  readonly user?: typeof ANA;
  readonly teamId?: string;
  readonly channelId?: string;
  readonly responseUrl: string;
}

/** application/x-www-form-urlencoded, exactly the fields Slack sends with a slash command. */
export function slashCommandForm(o: SlashOptions): string {
  const user = o.user ?? ANA;
  return new URLSearchParams({
    token: 'verification_token',
    team_id: o.teamId ?? TEAM.id,
    team_domain: TEAM.domain,
    enterprise_id: TEAM.enterprise_id,
    enterprise_name: TEAM.enterprise_name,
    channel_id: o.channelId ?? CHANNEL.id,
    channel_name: CHANNEL.name,
    user_id: user.id,
    user_name: user.username,
    command: o.command,
    text: o.text,
    api_app_id: 'A111',
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: '111.222.slash',
  }).toString();
}

/** The same fields as Socket Mode carries them (a JSON object in the envelope's payload). */
export function slashCommandPayload(o: SlashOptions): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(slashCommandForm(o)));
}

/** Interactive payloads arrive as one form field, `payload`, holding JSON. */
export function interactiveForm(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function blockActionsPayload(o: {
  readonly actionId: string;
  readonly messageTs: string;
  readonly responseUrl: string;
  readonly user?: typeof ANA;
  readonly selected?: string;
}): Record<string, unknown> {
  const user = o.user ?? ANA;
  return {
    type: 'block_actions',
    user: { id: user.id, username: user.username, name: user.name, team_id: user.team_id },
    api_app_id: 'A111',
    token: 'verification_token',
    container: { type: 'message', message_ts: o.messageTs, channel_id: CHANNEL.id, is_ephemeral: false },
    trigger_id: '111.222.click',
    team: TEAM,
    enterprise: { id: TEAM.enterprise_id, name: TEAM.enterprise_name },
    is_enterprise_install: false,
    channel: CHANNEL,
    message: { type: 'message', subtype: 'bot_message', text: 'C1 · open', ts: o.messageTs, bot_id: 'BBOT', user: 'UBOT' },
    state: { values: {} },
    response_url: o.responseUrl,
    actions: [
      o.selected === undefined
        ? {
            action_id: o.actionId,
            block_id: 'b1',
            text: { type: 'plain_text', text: 'Support…', emoji: true },
            type: 'button',
            action_ts: '1700000100.000001',
          }
        : {
            action_id: o.actionId,
            block_id: 'b1',
            type: 'static_select',
            selected_option: { text: { type: 'plain_text', text: o.selected }, value: o.selected },
            action_ts: '1700000100.000001',
          },
    ],
  };
}

/** A modal submission: the inputs' values in `view.state.values[block_id][action_id]`. */
export function viewSubmissionPayload(o: {
  readonly callbackId: string;
  readonly privateMetadata: string;
  readonly values: Record<string, string>;
  readonly user?: typeof ANA;
}): Record<string, unknown> {
  const user = o.user ?? ANA;
  const ids = Object.keys(o.values);
  return {
    type: 'view_submission',
    team: TEAM,
    user: { id: user.id, username: user.username, name: user.name, team_id: user.team_id },
    api_app_id: 'A111',
    token: 'verification_token',
    trigger_id: '111.222.submit',
    view: {
      id: 'V111',
      team_id: TEAM.id,
      type: 'modal',
      blocks: ids.map((id) => ({
        type: 'input',
        block_id: id,
        label: { type: 'plain_text', text: id },
        optional: false,
        element: { type: 'plain_text_input', action_id: id },
      })),
      private_metadata: o.privateMetadata,
      callback_id: o.callbackId,
      state: { values: Object.fromEntries(ids.map((id) => [id, { [id]: { type: 'plain_text_input', value: o.values[id] } }])) },
      hash: '1700000200.abcdef',
      title: { type: 'plain_text', text: 'Form' },
      clear_on_close: false,
      notify_on_close: false,
      close: { type: 'plain_text', text: 'Cancel' },
      submit: { type: 'plain_text', text: 'Submit' },
      previous_view_id: null,
      root_view_id: 'V111',
      app_id: 'A111',
      external_id: '',
      app_installed_team_id: TEAM.id,
      bot_id: 'BBOT',
    },
    response_urls: [],
    enterprise: { id: TEAM.enterprise_id, name: TEAM.enterprise_name },
    is_enterprise_install: false,
  };
}

/** "Capture as claim" under ⋯ on someone's message (`type: message_action`). */
export function messageShortcutPayload(o: {
  readonly text: string;
  readonly author: string;
  readonly ts: string;
  readonly responseUrl: string;
  readonly callbackId?: string;
  readonly threadTs?: string;
}): Record<string, unknown> {
  return {
    type: 'message_action',
    token: 'verification_token',
    action_ts: '1700000300.000001',
    team: TEAM,
    user: { id: ANA.id, name: ANA.name, team_id: ANA.team_id },
    channel: CHANNEL,
    is_enterprise_install: false,
    enterprise: { id: TEAM.enterprise_id, name: TEAM.enterprise_name },
    callback_id: o.callbackId ?? 'claim:capture',
    trigger_id: '111.222.shortcut',
    message_ts: o.ts,
    message: {
      client_msg_id: 'c0ffee00-1111-2222-3333-444455556666',
      type: 'message',
      text: o.text,
      user: o.author,
      ts: o.ts,
      team: TEAM.id,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
      blocks: [
        { type: 'rich_text', block_id: 'd7eJ', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: o.text }] }] },
      ],
    },
    response_url: o.responseUrl,
  };
}

let events = 0;

/** An Events API delivery of `app_home_opened` (JSON, not a form); each has its own event id, as Slack's do. */
export function appHomeOpenedEvent(
  o: { readonly user?: string; readonly tab?: string; readonly eventId?: string } = {},
): Record<string, unknown> {
  return {
    token: 'verification_token',
    team_id: TEAM.id,
    enterprise_id: TEAM.enterprise_id,
    api_app_id: 'A111',
    event: { type: 'app_home_opened', user: o.user ?? ANA.id, channel: 'D111', tab: o.tab ?? 'home', event_ts: '1700000400.000001' },
    type: 'event_callback',
    event_id: o.eventId ?? `Ev${++events}`,
    event_time: 1700000400,
    authorizations: [{ enterprise_id: TEAM.enterprise_id, team_id: TEAM.id, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}
