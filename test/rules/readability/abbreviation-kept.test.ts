/**
 * undefined-abbreviation hands out the last check's findings, moved with their blocks, after an edit that changed only
 * blocks without acronyms into blocks of the same shape (keptHolds), once it has asked again what its answers read
 * besides the blocks: the ordinary words the report writes ("Abcd" makes ABCD a word, "hovercraft" makes the capitals
 * next to KLM a phrase), names written out before a first use, legends and web addresses in the text, a field's words
 * (SNAP, once an edit uses it, is known in a report that speaks of caseworkers). After random edits in a warm engine the rule's findings must
 * be those of a check from scratch.
 */
import { assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
import type { LintResult } from '../../../server/src/engine/engine.js';

const RULE = 'readability/undefined-abbreviation';

function findings(r: LintResult): string[] {
  return r.findings.filter((f) => f.ruleId === RULE).map((f) => JSON.stringify({ offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data, fixes: f.fixes }));
}

const FILLER = [
  'We met the residents of the town in the spring and talked about their letters and their bills.',
  'The families told us which letters they read first, and which they put away unopened for weeks.',
  'Most of them asked a neighbour or a friend for help when a letter was hard to follow.',
];
const USES = [
  'The ABCD board met twice, and the ABCD board wrote to the families in the autumn.',
  'The GNRC agreed to fund the work; the GNRC sent a reply to every family.',
  'The KLM HOVERCRAFT left at noon, and the KLM crew waved.',
  'The QRST team read every letter, and the QRST team wrote a summary of them.',
];

/** Sections of filler paragraphs (where most edits land), the acronyms used in the later ones. */
function document(count: number): string {
  const out = ['# Report', ''];
  for (let i = 0; i < count; i++) {
    if (i % 20 === 10) out.push(`## Part ${i}`, '');
    out.push(i > count / 2 && i % 4 === 0 ? USES[(i / 4) % USES.length]! : FILLER[i % FILLER.length]!, '');
  }
  out.push('- One item of the list', '- Another item of the list', '', '| Term | Meaning |', '| --- | --- |', '| Town | The place |', '');
  return out.join('\n');
}

const PIECES = ['extra ', 'Abcd ', 'hovercraft ', 'the Greater North Research Council ', 'Quality Research Standards Team ', 'caseworkers ', 'see gnrc.org for more ', '\n`QRST` – quality research standards team\n', '\n- GNRC: a council\n', 'the ', 'Stop. ', '\n\n', 'Families who receive SNAP told us that SNAP letters are hard. '];

describe('undefined-abbreviation: the last findings moved after an edit of blocks without acronyms equal a fresh check', function () {
  this.timeout(120000);
  it('random edits of paragraphs without acronyms, and some of the rest', () => {
    assertWarmEditsMatchFresh(document(80), { path: 'abbr-kept.md', edits: editsOf(PIECES, 200), project: findings, cacheSize: 1000, numRuns: 60, seed: 3401 });
  });
  it('insertions only (most of them keep the edited blocks\' shapes)', () => {
    assertWarmEditsMatchFresh(document(80), { path: 'abbr-kept-insert.md', edits: editsOf(PIECES, 200).map((e) => ({ ...e, remove: 0 })), project: findings, cacheSize: 1000, numRuns: 60, seed: 3402 });
  });
});
