import type { Config } from './config.ts';
import { StartupError } from './core/errors.ts';
import { KEY_FORMAT } from './core/sealed.ts';
import { rotateInstallationKey } from './platforms/slack/installations.ts';
import { secretKeysFrom } from './platforms/slack/start.ts';
import { openConfiguredStore } from './storage/index.ts';

export const ROTATE_KEY_USAGE = 'CRUXBOT_SECRET_KEY=<new> CRUXBOT_PREVIOUS_SECRET_KEY=<old> cruxbot rotate-key';

/**
 * `cruxbot rotate-key`: re-seals every stored Slack token with CRUXBOT_SECRET_KEY, opening those sealed
 * with the old key through CRUXBOT_PREVIOUS_SECRET_KEY. Safe while the bot runs (each row is re-sealed
 * only if no one changed it meanwhile) and safe to run again. Exit code 1 when a token could be opened
 * by neither key, naming its install.
 */
export async function rotateKey(config: Config, out: (text: string) => void): Promise<number> {
  const keys = secretKeysFrom(config);
  if (!config.CRUXBOT_SECRET_KEY || keys.length === 0) throw new StartupError(`CRUXBOT_SECRET_KEY: the new key is needed; ${KEY_FORMAT}`);
  const store = await openConfiguredStore(config);
  try {
    const report = await rotateInstallationKey(store, keys);
    out(
      `Re-sealed ${report.resealed} Slack install${report.resealed === 1 ? '' : 's'} with key ${keys[0]!.id}; ${report.current} already used it.\n`,
    );
    if (report.unopenable.length) {
      out(
        `${report.unopenable.length} could not be opened with CRUXBOT_SECRET_KEY or CRUXBOT_PREVIOUS_SECRET_KEY (${report.unopenable.join(', ')}): set the key that sealed them as CRUXBOT_PREVIOUS_SECRET_KEY and run again, or have those workspaces install again.\n`,
      );
      return 1;
    }
    if (config.CRUXBOT_PREVIOUS_SECRET_KEY)
      out('Every token now opens with the new key alone: CRUXBOT_PREVIOUS_SECRET_KEY can be removed.\n');
    return 0;
  } finally {
    await store.close();
  }
}
