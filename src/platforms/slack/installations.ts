import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { seal, unseal, type SecretKey } from '../../core/sealed.ts';
import type { InstallationRow, Store } from '../../storage/ports.ts';

/** The row an install lives in: the organisation's for an org-wide install, else the team's. */
export function installKeyOf(query: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  if (query.teamId) return `team:${query.teamId}`;
  throw new Error('a Slack install names neither a team nor an organisation');
}

export class InstallationNotFound extends Error {
  override readonly name = 'InstallationNotFound';
}

/**
 * Bolt's InstallationStore over the database (either backend): what `oauth.v2.access` returned is kept
 * whole, sealed with CRUXBOT_SECRET_KEY (AES-256-GCM, bound to its row), so a copy of the database
 * alone gives no tokens. Any instance reads what another stored.
 */
export class SealedInstallationStore implements InstallationStore {
  /** `keys[0]` seals; every key opens what it sealed (the previous one, during a rotation). */
  constructor(
    private readonly store: Pick<Store, 'installations'>,
    private readonly keys: readonly SecretKey[],
    private readonly clock: () => Date = () => new Date(),
  ) {
    if (keys.length === 0) throw new Error('a sealed installation store needs a key');
  }

  async storeInstallation(installation: Installation<'v1' | 'v2', boolean>): Promise<void> {
    const teamId = installation.team?.id;
    const enterpriseId = installation.enterprise?.id;
    const installKey = installKeyOf({ teamId, enterpriseId, isEnterpriseInstall: installation.isEnterpriseInstall ?? false });
    const at = this.clock().toISOString();
    const key = this.keys[0]!;
    const row: InstallationRow = {
      installKey,
      workspace: `slack:${installation.isEnterpriseInstall ? enterpriseId : teamId}`,
      teamId: teamId ?? null,
      enterpriseId: enterpriseId ?? null,
      sealed: seal(key, JSON.stringify(installation), installKey),
      keyId: key.id,
      installedAt: at,
      updatedAt: at,
    };
    await this.store.installations.put(row);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    // A team of an org-wide install is served by the organisation's row.
    const keys = [installKeyOf(query), ...(query.enterpriseId && !query.isEnterpriseInstall ? [`enterprise:${query.enterpriseId}`] : [])];
    for (const installKey of keys) {
      const row = await this.store.installations.get(installKey);
      if (row) return JSON.parse(unseal(this.keys, row.sealed, installKey)) as Installation<'v1' | 'v2', boolean>;
    }
    throw new InstallationNotFound(`no Slack install for ${keys.join(' or ')}`);
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.store.installations.remove(installKeyOf(query));
  }
}

/**
 * `cruxbot rotate-key`: re-seals every install with the current key (CRUXBOT_SECRET_KEY), opening each
 * with whichever set key sealed it (CRUXBOT_PREVIOUS_SECRET_KEY for the old one). Rows already sealed
 * with the current key are left; a row whose key is not set is reported, not touched.
 */
export async function rotateInstallationKey(
  store: Pick<Store, 'installations'>,
  keys: readonly SecretKey[],
  now: Date = new Date(),
): Promise<{ resealed: number; current: number; unopenable: string[] }> {
  const current = keys[0]!;
  const report = { resealed: 0, current: 0, unopenable: [] as string[] };
  for (const row of await store.installations.all()) {
    if (row.keyId === current.id) {
      report.current++;
      continue;
    }
    let plain: string;
    try {
      plain = unseal(keys, row.sealed, row.installKey);
    } catch {
      report.unopenable.push(row.installKey);
      continue;
    }
    const done = await store.installations.reseal(
      row.installKey,
      row.keyId,
      seal(current, plain, row.installKey),
      current.id,
      now.toISOString(),
    );
    if (done) report.resealed++;
    else report.current++;
  }
  return report;
}
