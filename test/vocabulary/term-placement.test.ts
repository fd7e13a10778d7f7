/**
 * The term rules place an entry's uses again from their last placing when what placing them reads is the same (term36,
 * term-rule.ts placedAgain): the same runs, the same blocks or blocks moved with their source (an edit before them), and
 * the same answers of the tests on the document; the parts of a finding at uses that stayed where they were are handed
 * out again (moved, handOut). Edits before, between and after the uses, a use put in emphasis (the same prose from
 * another source), a heading renamed to a glossary's, an abbreviation defined as something else, link markup around a
 * use in a table must give the findings of a fresh check, step by step and in random series. The document is edited as
 * the language server edits it: in its store (lsp/piece-document.ts), handed to the engine as a view with where the
 * edit is (the path on which the blocks after an edit keep their sources and move).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { editsOf } from '../helpers/warm-edits.js';
import type { Edit } from '../helpers/warm-edits.js';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { engineFor } from '../../server/src/workspace/engine.js';
import { defaultConfig, mergeConfig } from '../../server/src/engine/config/config.js';
import { clearMarkdownCache } from '../../server/src/engine/formats/markdown.js';
import { PieceDocument } from '../../server/src/lsp/piece-document.js';
import type { TextView } from '../../server/src/engine/text/view.js';

const TERM_RULES = new Set(['vocabulary/jargon', 'vocabulary/person-first']);

function terms(r: LintResult): string[] {
  return r.findings.filter((f) => TERM_RULES.has(f.ruleId)).map((f) => JSON.stringify({ ruleId: f.ruleId, offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data, related: f.related, fixes: f.fixes }));
}

const FILLER = ['We met the residents of street {n} in the spring and talked about their letters.', 'Many families on street {n} said the letters were hard to read, and the team heard them.', 'The town hall sent a second letter to street {n} in the autumn.'];

/** A long report (many runs of blocks): the uses of each term far apart, filler between them. */
function report(): string {
  const out = ['# Report', '', 'Prior to the meeting we spoke about the implementation of the plan.', ''];
  const add = (n: number) => {
    for (let i = 0; i < n; i++) out.push(FILLER[i % FILLER.length]!.replace('{n}', String(out.length)), '');
  };
  add(20);
  out.push('Families with low SES used the helpline less.', '');
  add(20);
  out.push('## Part two', '', 'The stakeholder of the plan spoke. A stakeholder in the region followed.', '', 'The stakeholder went home, prior to the winter.', '');
  add(30);
  out.push('| Cell | [An implementation | b](https://example.org) |', '| --- | --- | --- |', '| a | b | c |', '');
  add(20);
  out.push('We asked for an implementation plan prior to the summer.', '');
  return out.join('\n');
}

// The general audience: technical words (SES) are shown too.
const CONFIG = mergeConfig(defaultConfig(), { audience: 'general' });

/** A document open in a warm engine, edited in the server's store and checked as a view with where each edit is. */
class Open {
  readonly engine = engineFor(undefined, undefined, { cacheSize: 2000 }).engine;
  private readonly store: PieceDocument;
  private view: TextView;
  private version = 1;
  text: string;
  last: LintResult;

  constructor(text: string) {
    this.text = text;
    this.store = new PieceDocument('file:///placement.md', 'markdown', this.version, text);
    this.view = this.store.textView();
    this.last = this.engine.lint(this.view, { path: 'placement.md', config: CONFIG });
  }

  /** Replaces `remove` characters at `at` by `insert`, and checks. */
  edit(at: number, remove: number, insert: string): LintResult {
    const start = this.store.positionAt(at);
    const end = this.store.positionAt(at + remove);
    this.store.update([{ range: { start, end }, text: insert }], ++this.version);
    this.text = this.text.slice(0, at) + insert + this.text.slice(at + remove);
    const base = this.view;
    this.view = this.store.textView();
    this.last = this.engine.lint(this.view, { path: 'placement.md', config: CONFIG, edit: { base, prefix: at, suffix: this.text.length - at - insert.length } });
    return this.last;
  }

  /** The text made `next` by one edit: the characters between the common start and end replaced. */
  become(next: string): LintResult {
    let p = 0;
    while (p < next.length && p < this.text.length && next[p] === this.text[p]) p++;
    let q = 0;
    while (q < next.length - p && q < this.text.length - p && next[next.length - 1 - q] === this.text[this.text.length - 1 - q]) q++;
    return this.edit(p, this.text.length - p - q, next.slice(p, next.length - q));
  }

  /** The term findings of a check of a text (this one's when not given) from scratch. */
  fresh(text = this.text): string[] {
    clearMarkdownCache();
    return terms(new Engine({ vocabulary: this.engine.vocabulary }).lint(text, { path: 'fresh-placement.md', config: CONFIG }));
  }
}

describe('term rules: uses placed again from the last check equal a fresh check', function () {
  this.timeout(180000);

  it('en: a glossary title, an abbreviation defined elsewhere and edits around the uses, one after the other', () => {
    const doc = new Open(report());
    const reported = (r: LintResult, term: string) => r.findings.find((f) => f.ruleId === 'vocabulary/jargon' && (f.data as { term?: string }).term === term);
    assert.ok(reported(doc.last, 'socioeconomic status'), 'SES is reported');
    assert.equal((reported(doc.last, 'stakeholder')?.data as { subject?: boolean }).subject, undefined, 'the stakeholder is not a subject outside a glossary');
    const steps: Array<(t: string) => string> = [
      // A word before every use but the first: the blocks after it move with their sources.
      (t) => t.replace('talked about their letters.', 'talked about all their letters.'),
      // The section's heading becomes a glossary's (its role stays "other"): its uses define the term.
      (t) => t.replace('## Part two', '## Key terms'),
      (t) => t.replace('the residents of', 'the many residents of'),
      (t) => t.replace('## Key terms', '## Part two'),
      // The document defines SES as something else, after its use: the use yields to that definition; then it goes.
      (t) => t.replace('We asked for', 'The Social Enterprise Service (SES) helped. We asked for'),
      (t) => t.replace('hard to read,', 'very hard to read,'),
      (t) => t.replace('The Social Enterprise Service (SES) helped. ', ''),
      // A use put in emphasis: the same prose (the same analysis) from another source.
      (t) => t.replace('The stakeholder went home', 'The *stakeholder* went home'),
      (t) => t.replace('second letter', 'second long letter'),
      (t) => t.replace('The *stakeholder* went home', 'The stakeholder went home'),
      // The link around the use in the table closed in the next cell, then not: the link test reads that cell.
      (t) => t.replace('| b](https://example.org) |', '| b |'),
      (t) => t.replace('spring and', 'spring, and'),
      (t) => t.replace('implementation | b |', 'implementation | b](https://example.org) |'),
    ];
    // The texts and their fresh checks first: a check of another document between two of the warm engine's would make
    // it cut its runs anew (block-runs.ts keeps the last document's), and place every use anew.
    const texts: string[] = [];
    let text = doc.text;
    for (const [i, step] of steps.entries()) {
      const next = step(text);
      assert.notEqual(next, text, `step ${i + 1} changes the text`);
      texts.push((text = next));
    }
    const expected = texts.map((t) => doc.fresh(t));
    let moved = 0;
    for (const [i, next] of texts.entries()) {
      const before = terms(doc.last);
      const again = terms(doc.become(next));
      assert.deepEqual(again, expected[i], `after step ${i + 1}`);
      if (again.some((f, k) => f !== before[k])) moved++;
    }
    assert.ok(moved >= steps.length / 2, `the findings moved or changed at ${moved} steps`);
  });

  it('en: random edits of titles, definitions, link markup and words around the uses', () => {
    // Mostly words within a paragraph (the blocks after the edit move with their sources), now and then a new paragraph
    // or heading.
    const pieces = ['extra ', 'extra ', 'extra ', 'Key terms', '## Key terms\n\n', 'The Social Enterprise Service (SES) helped. ', 'socio-economic status (SES) ', '*', '[', '](https://example.org) ', ']', '| x | y](https://example.org) |', 'prior to ', 'the stakeholder ', '\n\n'];
    fc.assert(
      fc.property(fc.array(editsOf(pieces, 60), { minLength: 1, maxLength: 6 }), (series: Edit[]) => {
        const doc = new Open(report());
        for (const e of series) {
          const at = Math.floor(e.at * doc.text.length);
          doc.edit(at, Math.min(e.remove, doc.text.length - at), e.piece);
        }
        assert.deepEqual(terms(doc.last), doc.fresh());
      }),
      { numRuns: 40, seed: 3601 },
    );
  });
});
