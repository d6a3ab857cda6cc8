import type { Command } from '../src/core/command.ts';
import claim from './claim.ts';
import credence from './credence.ts';
import debate from './debate.ts';
import help from './help.ts';
import link from './link.ts';
import map from './map.ts';
import poll from './poll.ts';
import unlink from './unlink.ts';

/** Every command, in the order /help lists them. Explicit on purpose: no folder scanning. */
export const COMMANDS: readonly Command[] = [debate, claim, link, unlink, map, credence, poll, help];
