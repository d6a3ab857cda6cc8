import { foundation } from './001-foundation.ts';
import { credences } from './002-credences.ts';
import { simRuns } from './003-sim-runs.ts';
import { threadCaptures } from './004-thread-captures.ts';
import { workspaceSettings } from './005-workspace-settings.ts';
import { retiredPollIds } from './006-retired-poll-ids.ts';
import { counters } from './007-counters.ts';
import { processState } from './008-process-state.ts';
import { forecasts } from './009-forecasts.ts';
import { shareLinks } from './010-share-links.ts';
import { slackInstallations } from './011-slack-installations.ts';
import { choicePolls } from './012-choice-polls.ts';
import { claimTexts } from './014-claim-texts.ts';
import type { Migration } from './migration.ts';

export type { Migration } from './migration.ts';

/** Every schema change, in order. Never edit a migration that has shipped: add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  foundation,
  credences,
  simRuns,
  threadCaptures,
  workspaceSettings,
  retiredPollIds,
  counters,
  processState,
  forecasts,
  shareLinks,
  slackInstallations,
  choicePolls,
  claimTexts,
];
