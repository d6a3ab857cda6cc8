import { COMMANDS } from '../../../commands/index.ts';
import { buildManifest } from './manifest.ts';

/**
 * `npm run slack:manifest [-- --url https://bot.example.org/slack/events] [--name cruxbot]`: prints the
 * app manifest (JSON) to paste into "Create New App → From a manifest". With `--url` it is for HTTP
 * mode; without, Socket Mode.
 */
function main(args: string[]): number {
  const options: { name?: string; requestUrl?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (flag === '--help' || flag === '-h') {
      process.stdout.write('Usage: npm run slack:manifest [-- --url https://host/slack/events] [--name <app name>]\n');
      return 0;
    }
    if ((flag === '--url' || flag === '--name') && value) {
      if (flag === '--url') {
        if (!/^https:\/\/[^\s]+$/.test(value)) {
          process.stderr.write(
            `--url must be the public https URL of /slack/events, e.g. https://bot.example.org/slack/events (got ${value})\n`,
          );
          return 2;
        }
        options.requestUrl = value;
      } else options.name = value;
      i++;
      continue;
    }
    process.stderr.write(`Unknown argument ${flag}. Usage: npm run slack:manifest [-- --url <https URL>] [--name <app name>]\n`);
    return 2;
  }
  try {
    process.stdout.write(`${JSON.stringify(buildManifest(COMMANDS, options), null, 2)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
