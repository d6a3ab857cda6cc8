import { pathToFileURL } from 'node:url';
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig, loadDotEnv, type Config } from '../../config.ts';
import { StartupError } from '../../core/errors.ts';
import { registrationJson } from './registration.ts';

/**
 * `npm run discord:register`: tells Discord which commands cruxbot has. With DISCORD_GUILD_ID set they
 * are registered in that one server and appear at once; otherwise globally, in every server the bot
 * is in (Discord may take up to an hour to show changes). `-- --print` prints the JSON and sends nothing.
 */
export async function registerCommands(config: Config, write: (line: string) => void): Promise<void> {
  const body = registrationJson(COMMANDS);
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    throw new StartupError(
      'Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (in .env or the environment) to register commands; see docs/discord.md.',
    );
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const guild = config.DISCORD_GUILD_ID;
  const route = guild
    ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, guild)
    : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);
  let registered: { name: string; type: number }[];
  try {
    registered = (await rest.put(route, { body })) as { name: string; type: number }[];
  } catch (error) {
    throw explain(error, guild);
  }
  const slash = registered.filter((c) => c.type === 1).map((c) => `/${c.name}`);
  const menus = registered.filter((c) => c.type === 3).map((c) => `“${c.name}”`);
  write(
    guild
      ? `Registered ${slash.length} slash commands in server ${guild}; they work there now.`
      : `Registered ${slash.length} slash commands globally; Discord can take up to an hour to show changes in every server.`,
  );
  write(`  ${slash.join(' ')}`);
  if (menus.length) write(`  message commands (right-click a message → Apps): ${menus.join(', ')}`);
}

function explain(error: unknown, guild: string | undefined): StartupError {
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number') {
    const message = error instanceof DiscordAPIError ? error.message : `HTTP ${status}`;
    if (status === 401) return new StartupError('Discord refused DISCORD_TOKEN; copy the bot token again (developer portal → Bot).');
    if (status === 403 && guild) {
      return new StartupError(
        `Discord refused to register commands in server ${guild}: invite the bot there first (docs/discord.md, step 3), and check DISCORD_GUILD_ID.`,
      );
    }
    return new StartupError(`Discord refused the commands (HTTP ${status}: ${message}). Check DISCORD_APPLICATION_ID.`);
  }
  return new StartupError(`cruxbot could not reach Discord: ${error instanceof Error ? error.message : String(error)}`);
}

async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--print')) {
    process.stdout.write(`${JSON.stringify(registrationJson(COMMANDS), null, 2)}\n`);
    return 0;
  }
  loadDotEnv();
  try {
    await registerCommands(loadConfig(), (line) => process.stdout.write(`${line}\n`));
    return 0;
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
