import { pathToFileURL } from 'node:url';
import { COMMANDS } from '../../../commands/index.ts';
import { buildManifest, type ManifestOptions } from './manifest.ts';

const USAGE = 'Usage: npm run --silent slack:manifest [-- --url https://bot.example.org/slack/events] [--name <app name>]';

/**
 * `npm run --silent slack:manifest` (or `cruxbot slack-manifest`): prints the app manifest as JSON, to
 * paste into "Create New App → From a manifest". With `--url` it is for HTTP mode; without, Socket Mode.
 * Returns the exit code.
 */
export function printSlackManifest(
  args: readonly string[],
  out: (text: string) => void = (t) => process.stdout.write(t),
  err: (text: string) => void = (t) => process.stderr.write(t),
): number {
  const options: { -readonly [K in keyof ManifestOptions]: ManifestOptions[K] } = {};
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (flag === '--help' || flag === '-h') {
      out(`${USAGE}\n`);
      return 0;
    }
    if (flag === '--url' && value) {
      if (!/^https:\/\/\S+$/.test(value)) {
        err(`--url must be the public https URL of /slack/events, e.g. https://bot.example.org/slack/events (got ${value})\n`);
        return 2;
      }
      options.requestUrl = value;
      i++;
    } else if (flag === '--name' && value) {
      options.name = value;
      i++;
    } else {
      err(`Unknown argument ${flag ?? ''}. ${USAGE}\n`);
      return 2;
    }
  }
  try {
    out(`${JSON.stringify(buildManifest(COMMANDS, options), null, 2)}\n`);
    return 0;
  } catch (error) {
    err(`${(error as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = printSlackManifest(process.argv.slice(2));
}
