import { STOP_WORDS, words } from './words.ts';

// Function words of the commonest other Latin-script languages (French, German, Spanish, Italian,
// Portuguese, Dutch) that are not English words, by language (ISO 639-1).
const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  fr: 'le la les des est et une dans pour pas que qui sur avec sont du au aux ce cette mais ou je tu il elle nous vous ils',
  de: 'der die das und ist nicht ein eine zu mit sich auf für von dem den ich du er wir ihr sie dass weil oder aber auch',
  es: 'el los las es y en por para una con del al lo como más pero su sus yo tú él ella nosotros porque muy',
  it: 'il di che non è per una della sono gli anche perché ma ho',
  pt: 'o os um uma não com dos das em mais mas eu você ele ela nós porque muito',
  nl: 'het een van en niet dat zijn voor met ook maar ik jij hij wij jullie omdat',
};
const OTHER = new Set(Object.values(FUNCTION_WORDS).flatMap((w) => w.split(/\s+/)));
const WORDS_OF = Object.entries(FUNCTION_WORDS).map(([code, w]) => [code, new Set(w.split(/\s+/))] as const);

/** Scripts that name their language (or family) outright. */
const SCRIPTS: readonly (readonly [RegExp, string])[] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Thai}/u, 'th'],
];

const NAMES: Readonly<Record<string, string>> = {
  fr: 'French', de: 'German', es: 'Spanish', it: 'Italian', pt: 'Portuguese', nl: 'Dutch', ja: 'Japanese', ko: 'Korean',
  zh: 'Chinese', ru: 'Russian', ar: 'Arabic', he: 'Hebrew', el: 'Greek', hi: 'Hindi', th: 'Thai',
};

/**
 * The language of a text that `looksEnglish` turned down, as an ISO 639-1 code: by script, else by
 * which language's function words it has most of; `und` when neither tells. Cyrillic is read as Russian
 * and Han without kana as Chinese: a guess named as such in the docs, not a language identifier.
 */
export function otherLanguageOf(text: string): string {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (letters > 0 && latin / letters < 0.5) {
    for (const [script, code] of SCRIPTS) if (script.test(text)) return code;
    return 'und';
  }
  const counts = new Map<string, number>();
  for (const w of words(text)) for (const [code, set] of WORDS_OF) if (set.has(w)) counts.set(code, (counts.get(code) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : 'und';
}

/** "French", "Japanese"; the code itself for one not named here. */
export function languageName(code: string): string {
  return NAMES[code] ?? (code === 'und' ? 'an unrecognised language' : code);
}

/**
 * Whether a text is English enough for the heuristics to read. Other languages are passed through
 * untouched (kept in the thread, never cut into claims), rather than misread.
 */
export function looksEnglish(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return true;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin / letters < 0.5) return false;
  let english = 0;
  let other = 0;
  for (const w of words(text)) {
    if (OTHER.has(w)) other++;
    else if (STOP_WORDS.has(w)) english++;
  }
  // A phrase borrowed into English ("C'est la vie, the market decides.") does not make it French: other
  // languages need to outnumber English clearly, or be all there is.
  if (english === 0) return other < 2;
  return other < 3 || other <= 2 * english;
}
