import { STOP_WORDS, words } from './words.ts';

// Function words of the commonest other Latin-script languages (French, German, Spanish, Italian,
// Portuguese, Dutch) that are not English words.
const OTHER = new Set(
  `le la les des est et une dans pour pas que qui sur avec sont du au aux ce cette mais ou je tu il elle nous vous ils
  der die das und ist nicht ein eine zu mit sich auf für von dem den ich du er wir ihr sie dass weil oder aber auch
  el los las es y en por para una con del al lo como más pero su sus yo tú él ella nosotros porque muy
  il di che non è per una della sono gli anche perché ma ho
  o os um uma não com dos das em mais mas eu você ele ela nós porque muito
  het een van en niet dat zijn voor met ook maar ik jij hij wij jullie omdat`.split(/\s+/),
);

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
