import type { Command } from '../src/core/command.ts';
import capture from './capture.ts';
import claim from './claim.ts';
import debate from './debate.ts';
import drift from './drift.ts';
import help from './help.ts';
import link from './link.ts';
import map from './map.ts';
import summarize from './summarize.ts';
import unlink from './unlink.ts';

/** Every command, in the order /help lists them. Explicit on purpose: no folder scanning. */
export const COMMANDS: readonly Command[] = [debate, claim, link, unlink, map, summarize, capture, drift, help];
