import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { createRegistry } from '../../../src/core/registry.ts';
import { completer } from '../../../src/platforms/console/repl.ts';

const complete = completer(createRegistry(COMMANDS));
const offered = (line: string) => (complete(line) as [string[], string])[0];

describe('tab completion in the console', () => {
  it('completes commands, subcommands and option names', () => {
    expect(offered('/cla')).toEqual(['/claim ']);
    expect(offered('/claim sh')).toEqual(['show ']);
    expect(offered('/claim add Goals drift ta')).toEqual(['tags:']);
  });

  it('does not offer an option already given by position or by name', () => {
    expect(offered('/claim show C3 ')).toEqual([]);
    expect(offered('/claim show ')).toEqual(['claim:']);
    expect(offered('/link C1 C2 ')).toEqual(['kind:', 'across:']);
    expect(offered('/link from:C1 ')).toEqual(['to:', 'kind:', 'across:']);
    expect(offered('/claim add Goals drift tags:x ')).not.toContain('tags:');
    expect(offered('/claim add Goals drift tags:x ')).not.toContain('text:');
  });

  it('completes the options of a default subcommand: /capture reads the thread', () => {
    expect(offered('/capture si')).toEqual(['since:']);
  });
});
