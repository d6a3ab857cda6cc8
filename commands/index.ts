import type { Command } from '../src/core/command.ts';
import capture from './capture.ts';
import claim from './claim/index.ts';
import config from './config.ts';
import credence from './credence.ts';
import cruxes from './cruxes.ts';
import debate from './debate.ts';
import doublecrux from './doublecrux.ts';
import drift from './drift.ts';
import groups from './groups.ts';
import help from './help.ts';
import link from './link.ts';
import map from './map.ts';
import poll from './poll.ts';
import predict from './predict.ts';
import remind from './remind.ts';
import scores from './scores.ts';
import summarize from './summarize.ts';
import unlink from './unlink.ts';

/** Every command, in the order /help lists them. Explicit on purpose: no folder scanning. */
export const COMMANDS: readonly Command[] = [
  debate,
  claim,
  predict,
  link,
  unlink,
  map,
  credence,
  poll,
  remind,
  cruxes,
  doublecrux,
  groups,
  scores,
  summarize,
  capture,
  drift,
  config,
  help,
];
