import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { withCorrelationId } from '../../src/core/correlation.ts';
import { createLogger } from '../../src/core/logger.ts';

function captured() {
  const lines: Record<string, any>[] = [];
  const log = createLogger(
    'debug',
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)) as Record<string, any>);
        done();
      },
    }),
  );
  return { log, lines };
}

describe('the logger', () => {
  it('writes a failed Discord call without the interaction or webhook token in its URL, ids kept', () => {
    const { log, lines } = captured();
    const callback = Object.assign(new Error('Invalid Form Body'), {
      url: 'https://discord.com/api/v10/interactions/1700000000000000002/aW50ZXJhY3Rpb246c2VjcmV0/callback?with_response=false',
    });
    const edit = Object.assign(new Error('Unknown Webhook'), {
      url: 'https://discord.com/api/v10/webhooks/1100000000000000001/aW50ZXJhY3Rpb246c2VjcmV0/messages/@original',
    });
    log.error({ err: callback }, 'Discord interaction failed');
    log.error({ err: edit }, 'could not edit');

    expect(lines.map((l) => l.err.url)).toEqual([
      'https://discord.com/api/v10/interactions/1700000000000000002/[token]/callback?with_response=false',
      'https://discord.com/api/v10/webhooks/1100000000000000001/[token]/messages/@original',
    ]);
    expect(JSON.stringify(lines)).not.toContain('aW50ZXJhY3Rpb246c2VjcmV0');
    expect(lines[0]).toMatchObject({ err: { type: 'Error', message: 'Invalid Form Body' } });
  });

  it('redacts token and authorization fields wherever they are', () => {
    const { log, lines } = captured();
    log.info({ token: 'xoxb-1', request: { token: 'xoxb-2', headers: { authorization: 'Bearer sk-3' } } }, 'call');
    expect(lines[0]).toMatchObject({ token: '[secret]', request: { token: '[secret]', headers: { authorization: '[secret]' } } });
  });

  it('stamps every line written during an interaction with its cid, once, whichever logger writes it', () => {
    const { log, lines } = captured();
    const library = log.child({ component: 'bolt' });
    withCorrelationId('5e1f00aa', () => {
      library.debug('apiCall start');
      log.child({ cid: '5e1f00aa' }).info('handled');
    });
    library.debug('outside any interaction');

    expect(lines.map((l) => [l.msg, l.cid])).toEqual([
      ['apiCall start', '5e1f00aa'],
      ['handled', '5e1f00aa'],
      ['outside any interaction', undefined],
    ]);
  });
});
