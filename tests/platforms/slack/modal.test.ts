import { describe, expect, it } from 'vitest';
import { readyWithin } from '../../../src/platforms/slack/deadline.ts';
import { decodeOrigin, encodeOrigin, fieldsFromState, renderModal } from '../../../src/platforms/slack/modal.ts';
import { modalProblems } from './support/block-kit.ts';

describe('forms as Slack modals', () => {
  it('GIVEN a long title and a prefilled value longer than allowed THEN both are cut to Slack’s limits', () => {
    const view = renderModal(
      {
        id: 'claim:capture-submit:abc',
        title: 'Capture a very long message as a claim',
        inputs: [
          { id: 'text', label: 'Claim (from Bob)', style: 'paragraph', required: true, value: 'x'.repeat(2500), maxLength: 2000 },
          { id: 'tags', label: 'Tags (optional)', style: 'short', required: false, placeholder: 'p'.repeat(200), minLength: 5000 },
        ],
      },
      { channel: 'C111', thread: '1700000000.000100' },
    );
    expect(modalProblems(view as Record<string, any>)).toEqual([]);
    expect(view.title.text).toBe('Capture a very long mes…');
    const [text, tags] = view.blocks as Record<string, any>[];
    expect(text!.element).toMatchObject({ multiline: true, max_length: 2000, initial_value: 'x'.repeat(2000) });
    expect(text!.optional).toBe(false);
    expect(tags!.optional).toBe(true);
    expect(tags!.element.min_length).toBe(3000);
  });

  it('carries where the form was opened through private_metadata, and ignores metadata it did not write', () => {
    const origin = {
      channel: 'C111',
      thread: '1.000001',
      message: { ts: '2.000002', ephemeral: true },
      responseUrl: 'https://hooks.slack.com/x',
    };
    expect(decodeOrigin(encodeOrigin(origin))).toEqual(origin);
    expect(decodeOrigin('This is for you!')).toEqual({});
    expect(decodeOrigin('{"c": 5, "r": "javascript:alert(1)"}')).toEqual({});
    expect(decodeOrigin(undefined)).toEqual({});
    const huge = encodeOrigin({ channel: 'C1', responseUrl: `https://hooks.slack.com/${'x'.repeat(3100)}` });
    expect(JSON.parse(huge)).toEqual({ c: 'C1' });
  });

  it('reads submitted values by input id; an empty optional input is empty text', () => {
    expect(
      fieldsFromState({
        text: { text: { value: 'A claim' } },
        tags: { tags: { value: null } },
        kind: { kind: { selected_option: { value: 'opposes' } } },
      }),
    ).toEqual({ text: 'A claim', tags: '', kind: 'opposes' });
  });
});

describe('answering a form within Slack’s time', () => {
  it('gives the result when it is ready in time, and nothing when it is not (the work carries on)', async () => {
    expect(await readyWithin(Promise.resolve('done'), 1_000)).toBe('done');
    let finish!: (v: string) => void;
    const slow = new Promise<string>((resolve) => (finish = resolve));
    expect(await readyWithin(slow, 0)).toBeUndefined();
    finish('later');
    expect(await slow).toBe('later');
    await expect(readyWithin(Promise.reject(new Error('boom')), 1_000)).rejects.toThrow('boom');
  });
});
