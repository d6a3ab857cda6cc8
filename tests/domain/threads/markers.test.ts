import { describe, expect, it } from 'vitest';
import { probabilityOf, statedCredence } from '../../../src/domain/threads/credences.ts';
import { cruxMarks, isQuestion, stanceOf, statesUncertainty } from '../../../src/domain/threads/markers.ts';

describe('stance markers', () => {
  it.each([
    ['I agree that this distinction is probably not a crux.', 'agree'],
    ['I also take your point that this is correctable with good data.', 'agree'],
    ['Thanks for the reply! This makes a lot more sense.', 'agree'],
    ["I agree they're definitely pliable, but my key claim is that data corrects it.", 'concede'],
    ['No, the agents were not trying to get high reward.', 'disagree'],
    ['I think the crux might be that I disbelieve this claim:', 'disagree'],
    ["I'd also have quibbles with the ratio of safe to unsafe propensities.", 'disagree'],
    ["I don't agree that drift is random.", 'disagree'],
    ['They will change, but not nearly as randomly as claimed.', 'disagree'],
    ['Goals permute at some rate.', undefined],
  ])('%s → %s', (sentence, stance) => {
    expect(stanceOf(sentence)).toBe(stance);
  });
});

describe('crux markers', () => {
  it('tells a named crux, a key claim and a "not a crux" apart', () => {
    expect(cruxMarks('I think the crux might be whether values crystallize.')).toMatchObject({
      crux: true,
      notCrux: false,
      explicit: true,
    });
    expect(cruxMarks('My key claim is that a small amount of data will correct it.')).toMatchObject({ crux: true, explicit: false });
    expect(cruxMarks('I agree that this distinction is probably not a crux.')).toMatchObject({ crux: false, notCrux: true });
    expect(cruxMarks("This wasn't an especially load bearing mechanism.")).toMatchObject({ crux: false, notCrux: true });
    expect(cruxMarks('Goals drift.')).toMatchObject({ crux: false, notCrux: false });
  });
});

describe('questions and uncertainty', () => {
  it('finds questions and stated uncertainty about the matter', () => {
    expect(isQuestion('Are you claiming that reward was the optimization target?')).toBe(true);
    expect(isQuestion('How would we even measure it')).toBe(true);
    expect(isQuestion('I wonder.')).toBe(false);
    expect(statesUncertainty('But the extent to which models might do this is rather unclear to me.')).toBe(true);
    expect(statesUncertainty("I don't have enough evidence about how agentic AIs will work.")).toBe(true);
    expect(statesUncertainty('Drift is random.')).toBe(false);
  });
});

describe('stated credences', () => {
  it('catches P(x) with a bare exponent, and notices it is named to be doubted', () => {
    expect(
      statedCredence('I think it would be somewhat odd if P(models think about their goals and they change) is extremely tiny like e-9.'),
    ).toEqual({
      value: 1e-9,
      written: 'e-9',
      about: 'models think about their goals and they change',
      doubted: true,
    });
  });

  it.each([
    ["I'd put 70% on goal drift becoming a problem.", 0.7, 'goal drift becoming a problem'],
    ["I'm 90% sure that the agents were not seeking reward.", 0.9, 'the agents were not seeking reward'],
    ['My credence in value drift is 0.2.', 0.2, 'value drift'],
    ['There is a 1 in 1000 chance that it happens.', 0.001, 'it happens'],
    ['P(doom) = 10^-3', 0.001, 'doom'],
    ['I would give goal drift 3:1 odds', 0.75, 'goal drift'],
  ])('%s → %d', (sentence, value, about) => {
    const credence = statedCredence(sentence);
    expect(credence?.value).toBeCloseTo(value, 10);
    expect(credence?.about).toBe(about);
    expect(credence?.doubted).toBe(false);
  });

  it('leaves measurements and out-of-range numbers alone', () => {
    expect(statedCredence('Alignment faking fell from 16% to 6% with an objection channel.')).toBeUndefined();
    expect(statedCredence("I'd put 150% on it.")).toBeUndefined();
    expect(probabilityOf('e-9')).toBe(1e-9);
    expect(probabilityOf('3:1')).toBe(0.75);
    expect(probabilityOf('one in a million')).toBe(1e-6);
  });
});
