import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Actor, ChatPort } from '../../core/context.ts';
import { runText } from '../../core/dispatch.ts';
import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import { ATTACHMENT_MAX_BYTES, type FileUpload } from '../../core/options.ts';
import type { CommandRegistry } from '../../core/registry.ts';
import type { MessageRef, Reply } from '../../core/reply.ts';
import type { Services } from '../../services.ts';
import { isNamedModerator } from '../../domain/roles.ts';
import { renderReplyText, type ConsoleStyle } from './render.ts';

export const CONSOLE_WORKSPACE = 'local';
export const CONSOLE_CHANNEL = 'console';

/** The operating-system account running the console: always a moderator of the local workspace. */
export function operatorName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'local';
  }
}

/** The person at the terminal: `--as <name>` or the operating-system user. */
export function consoleActor(name?: string): Actor {
  const who = name || operatorName();
  return { id: who, name: who };
}

/**
 * Whether a console user moderates the local workspace: the operator always, anyone else (`.as bob`,
 * `--as bob`) only when `/config moderators:` names them. Read per command, so a change applies at once.
 */
export async function isConsoleModerator(services: Services, name: string): Promise<boolean> {
  return name === operatorName() || isNamedModerator(await services.store.settings.moderators(CONSOLE_WORKSPACE), name);
}

/** The console's attachments are paths on the operator's own machine. */
export function readLocalFile(path: string): FileUpload {
  const full = resolve(path);
  if (!existsSync(full) || !statSync(full).isFile()) throw new UserError(md`There is no file at ${path}.`, 'attachment.missing');
  const size = statSync(full).size;
  if (size > ATTACHMENT_MAX_BYTES) {
    throw new UserError(
      md`${path} is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.`,
      'attachment.too-large',
    );
  }
  return { name: basename(full), data: readFileSync(full) };
}

/** Where the console writes images and files: `out/` beside the database. */
export function outputFolder(services: Services): string {
  const db = services.config.DATABASE_PATH;
  return db === ':memory:' ? resolve('data/out') : join(dirname(resolve(db)), 'out');
}

/**
 * One console session: runs command lines as `actor` in the `local` workspace and renders the replies
 * as text. Messages "posted" or "updated" later (a poll) are printed as they happen.
 */
export class ConsoleSession {
  private messageCount = 0;
  readonly chat: ChatPort;

  constructor(
    private readonly services: Services,
    private readonly registry: CommandRegistry,
    private actor: Actor,
    private readonly style: Omit<ConsoleStyle, 'saveAttachment'>,
    private readonly print: (text: string) => void,
  ) {
    this.chat = {
      platform: 'console',
      post: async (_channel, reply) => {
        this.print(this.render(reply));
        return this.nextRef();
      },
      update: async (ref, reply) => {
        this.print(`(message ${ref.id} updated)\n${this.render(reply)}`);
      },
    };
    services.chats.set('console', this.chat);
  }

  get who(): Actor {
    return this.actor;
  }

  setActor(actor: Actor): void {
    this.actor = actor;
  }

  /** The channel's current debate, for the prompt. */
  async currentDebate(): Promise<string | undefined> {
    return (await this.services.store.debates.currentFor(CONSOLE_WORKSPACE, CONSOLE_CHANNEL))?.slug;
  }

  async run(line: string): Promise<Reply> {
    const reply = await runText(
      line,
      {
        actor: { ...this.actor, isModerator: await isConsoleModerator(this.services, this.actor.id) },
        workspace: CONSOLE_WORKSPACE,
        channel: { id: CONSOLE_CHANNEL, name: 'console' },
        platform: 'console',
        services: this.services,
        commands: this.registry,
        chat: this.chat,
      },
      { readAttachment: readLocalFile },
    );
    this.print(this.render(reply));
    await reply.onSent?.(this.nextRef());
    return reply;
  }

  render(reply: Reply): string {
    return renderReplyText(reply, { ...this.style, saveAttachment: (name, data) => this.save(name, data) });
  }

  private nextRef(): MessageRef {
    this.messageCount++;
    return { platform: 'console', channel: CONSOLE_CHANNEL, id: String(this.messageCount) };
  }

  private save(name: string, data: Uint8Array): string {
    const folder = outputFolder(this.services);
    // Exports hold what people said: the folder and files are the owner's alone.
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
    const path = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${safe}`);
    writeFileSync(path, data, { mode: 0o600 });
    return path;
  }
}
