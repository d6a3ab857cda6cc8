import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a small Polis export in the real files' shapes: two camps of `perCamp` voters on six comments
 * (camp 0 agrees with 0–2 and disagrees with 3–5, camp 1 the reverse; everyone agrees with comment 6),
 * a hidden comment, a changed vote, and `participants-votes.csv` with Polis's groups = the camps.
 */
export function writePolisFixture(folder: string, perCamp = 10): void {
  mkdirSync(folder, { recursive: true });
  const comments = ['timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body'];
  const texts = [
    'Buses should be free',
    'Cycle lanes on every main road',
    'Congestion charge for the centre',
    'More parking in the centre',
    'Lower fuel duty',
    'Widen the ring road',
    'Pavements need repair, "urgently"',
  ];
  texts.forEach((text, id) => comments.push(`${1000 + id},Mon Jul 17 02:17:32 WIB 2017,${id},0,0,0,1,"${text.replace(/"/g, '""')}"`));
  comments.push('1007,Mon,7,0,0,0,-1,Hidden spam');
  const votes = ['timestamp,datetime,comment-id,voter-id,vote'];
  const pv = ['participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2,3,4,5,6'];
  let t = 2000;
  for (let voter = 0; voter < 2 * perCamp; voter++) {
    const camp = voter < perCamp ? 0 : 1;
    const row: number[] = [];
    for (let c = 0; c < 7; c++) {
      const sign = c === 6 ? 1 : c < 3 === (camp === 0) ? 1 : -1;
      // One person per camp passes on one comment, so the camps are not identical points.
      const vote = voter % perCamp === c ? 0 : sign;
      votes.push(`${t++},Mon,${c},${voter},${vote}`);
      row.push(vote);
    }
    votes.push(`${t++},Mon,7,${voter},1`);
    pv.push(`${voter},${camp},0,7,${row.filter((v) => v > 0).length},${row.filter((v) => v < 0).length},${row.join(',')}`);
  }
  // Voter 0 first disagreed with comment 0, then changed to agree: the latest vote counts.
  votes.splice(1, 0, '1500,Mon,0,0,-1');
  // A late joiner with two votes: too few to be placed.
  votes.push(`${t++},Mon,0,99,1`, `${t++},Mon,1,99,1`);
  pv.push('99,,0,2,2,0,1,1,,,,,');
  writeFileSync(join(folder, 'comments.csv'), `${comments.join('\n')}\n`);
  writeFileSync(join(folder, 'votes.csv'), `${votes.join('\n')}\n`);
  writeFileSync(join(folder, 'participants-votes.csv'), `${pv.join('\n')}\n`);
}
