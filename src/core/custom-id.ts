import { UserError } from './errors.ts';

/**
 * Buttons, selects and modals carry a custom id that routes back to a command's interaction handler:
 * `command:action:param…`. Discord caps custom ids at 100 characters, so they stay short.
 */
export const CUSTOM_ID_MAX = 100;
const SEGMENT = /^[A-Za-z0-9._!-]*$/;

export function customId(command: string, action: string, ...params: (string | number)[]): string {
  const segments = [command, action, ...params.map(String)];
  for (const segment of segments) {
    if (!SEGMENT.test(segment)) throw new Error(`custom id segment "${segment}" has characters outside [A-Za-z0-9._!-]`);
  }
  const id = segments.join(':');
  if (id.length > CUSTOM_ID_MAX) throw new Error(`custom id ${id} is over ${CUSTOM_ID_MAX} characters`);
  return id;
}

export interface DecodedCustomId {
  readonly command: string;
  readonly action: string;
  readonly params: string[];
}

export function parseCustomId(id: string): DecodedCustomId {
  const [command, action, ...params] = id.split(':');
  if (!command || !action || id.length > CUSTOM_ID_MAX || ![command, action, ...params].every((s) => SEGMENT.test(s))) {
    throw new UserError('That button or form is not one of mine, or it is out of date.', 'interaction.unknown');
  }
  return { command, action, params };
}
