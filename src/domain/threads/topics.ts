import type { ThreadAnalysis } from './extract.ts';
import type { ExtractedClaim } from './thread.ts';
import { cosine, STOP_WORDS, stem, words, type TermVector } from './words.ts';

/**
 * The debates inside a thread: groups of claims about the same matter, found by average-link
 * clustering of their words (and the replies between them), each named by the phrases that set it
 * apart from the rest of the thread ("reward seeking · specification gaming").
 */

export interface Topic {
  /** Two or three phrases, most distinctive first. */
  readonly label: readonly string[];
  readonly claims: readonly ExtractedClaim[];
}

/** Clustering is quadratic: only this many of the strongest claims take part. */
const MAX_CLUSTERED = 160;
const MERGE_AT = 0.04;
const CONTEXT_WEIGHT = 0.5;
const RELATION_BONUS = 0.15;
const MIN_TOPIC = 4;

// Words that appear in any argument and name no subject.
const GENERIC = new Set(
  `lot bit thing way point claim time case sense fact reason example question idea argument view people person
  something someone anything everything nothing want try work happen given better good bad likely unlikely
  might probably important problem different same many much more most less least real actual whole part kind
  sort able true false right wrong need needs use used using look looks see seem seems said say also`
    .split(/\s+/)
    .map(stem),
);

function phrasesOf(text: string): Set<string> {
  const ws = words(text);
  const out = new Set<string>();
  const keep = (w: string | undefined) => w !== undefined && w.length >= 3 && !STOP_WORDS.has(w) && !/^\d/.test(w);
  for (let i = 0; i < ws.length; i++) {
    if (!keep(ws[i])) continue;
    const first = stem(ws[i]!);
    if (!GENERIC.has(first)) out.add(first);
    if (keep(ws[i + 1])) out.add(`${first} ${stem(ws[i + 1]!)}`);
  }
  return out;
}

export function findTopics(analysis: ThreadAnalysis, claims: readonly ExtractedClaim[] = analysis.claims): Topic[] {
  const pool = [...claims]
    .sort((a, b) => b.score - a.score || a.sentence - b.sentence)
    .slice(0, MAX_CLUSTERED)
    .sort((a, b) => a.sentence - b.sentence);
  if (pool.length < MIN_TOPIC) return [];
  // A claim is read with its message around it: two sentences of one comment are about one thing.
  const messageVector = new Map<number, Map<string, number>>();
  for (const c of pool) {
    const m = messageVector.get(c.message) ?? new Map<string, number>();
    for (const [t, w] of analysis.vectorOfSentence(c.sentence).weights) m.set(t, (m.get(t) ?? 0) + w);
    messageVector.set(c.message, m);
  }
  const vectors: TermVector[] = pool.map((c) =>
    blend(analysis.vectorOfSentence(c.sentence), messageVector.get(c.message)!, CONTEXT_WEIGHT),
  );
  const index = new Map(pool.map((c, i) => [c.id, i]));
  const n = pool.length;
  const sim: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sim[i]![j] = sim[j]![i] = cosine(vectors[i]!, vectors[j]!);
  for (const r of analysis.relations) {
    const i = index.get(r.from);
    const j = index.get(r.to);
    if (i !== undefined && j !== undefined) sim[i]![j] = sim[j]![i] = sim[i]![j]! + RELATION_BONUS;
  }

  // Average-link agglomeration: merge the two closest groups until no pair is closer than MERGE_AT.
  let groups: number[][] = pool.map((_, i) => [i]);
  for (;;) {
    let best: { a: number; b: number; score: number } | undefined;
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        let total = 0;
        for (const i of groups[a]!) for (const j of groups[b]!) total += sim[i]![j]!;
        const score = total / (groups[a]!.length * groups[b]!.length);
        if (!best || score > best.score) best = { a, b, score };
      }
    }
    if (!best || best.score < MERGE_AT) break;
    groups[best.a] = [...groups[best.a]!, ...groups[best.b]!];
    groups = groups.filter((_, i) => i !== best.b);
  }

  const phrases = pool.map((c) => phrasesOf(c.text));
  const threadCount = new Map<string, number>();
  for (const set of phrases) for (const p of set) threadCount.set(p, (threadCount.get(p) ?? 0) + 1);
  const display = displayForms(pool);

  const labelOf = (g: readonly number[]): string[] => {
    const inGroup = new Map<string, number>();
    for (const i of g) for (const p of phrases[i]!) inGroup.set(p, (inGroup.get(p) ?? 0) + 1);
    const ranked = [...inGroup]
      .filter(([, count]) => count >= 2)
      .map(([p, count]) => ({
        p,
        score: (count / g.length) * Math.log((n + 1) / threadCount.get(p)!) * (p.includes(' ') ? 4 : 1) * count,
      }))
      .sort((a, b) => b.score - a.score);
    // Each label entry is a run of stems; "self direct" + "direct continu" chain into one phrase.
    const label: string[][] = [];
    for (const { p } of ranked) {
      const stems = p.split(' ');
      const chain = stems.length === 2 ? label.find((l) => l.length > 1 && l[l.length - 1] === stems[0]) : undefined;
      if (chain) {
        chain.push(stems[1]!);
        continue;
      }
      // A word already inside a chosen phrase adds nothing.
      if (label.some((l) => stems.some((w) => l.includes(w)))) continue;
      if (label.length < 3) label.push(stems);
    }
    return label.map((stems) => {
      if (stems.length === 1) return display.get(stems[0]!) ?? stems[0]!;
      const words = [(display.get(`${stems[0]} ${stems[1]}`) ?? stems.slice(0, 2).join(' ')).split(' ')[0]!];
      for (let i = 1; i < stems.length; i++) words.push((display.get(`${stems[i - 1]} ${stems[i]}`) ?? stems[i]!).split(' ').pop()!);
      return words.join(' ');
    });
  };

  return groups
    .filter((g) => g.length >= MIN_TOPIC)
    .map((g) => ({ label: labelOf(g), claims: g.map((i) => pool[i]!), weight: g.reduce((sum, i) => sum + pool[i]!.score, 0) }))
    .filter((t) => t.label.length > 0)
    .sort((a, b) => b.weight - a.weight)
    .map(({ label, claims: members }) => ({ label, claims: members }));
}

function blend(own: TermVector, context: ReadonlyMap<string, number>, weight: number): TermVector {
  const weights = new Map(own.weights);
  for (const [t, w] of context) weights.set(t, (weights.get(t) ?? 0) + weight * w);
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  return { weights, norm: Math.sqrt(sum) };
}

/** The commonest written form of each stemmed phrase: `specification gam` → "specification gaming". */
function displayForms(claims: readonly ExtractedClaim[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const c of claims) {
    const ws = words(c.text);
    for (let i = 0; i < ws.length; i++) {
      const forms: [string, string][] = [[stem(ws[i]!), ws[i]!]];
      if (ws[i + 1]) forms.push([`${stem(ws[i]!)} ${stem(ws[i + 1]!)}`, `${ws[i]} ${ws[i + 1]}`]);
      for (const [key, form] of forms) {
        const m = counts.get(key) ?? new Map<string, number>();
        m.set(form, (m.get(form) ?? 0) + 1);
        counts.set(key, m);
      }
    }
  }
  const out = new Map<string, string>();
  for (const [key, m] of counts) out.set(key, [...m].sort((a, b) => b[1] - a[1])[0]![0]);
  return out;
}
