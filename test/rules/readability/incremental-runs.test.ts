/**
 * The readability and vocabulary document rules (long-sentence, section-score, undefined-abbreviation,
 * jargon, person-first, mixed-terms) keep per-run summaries of the blocks between checks
 * (rules/block-runs.ts) and recompute only the runs an edit touched. A re-check after
 * each of a series of edits must give exactly what a fresh engine gives for the same text: every
 * finding with its range, severity, message, data, related places and fixes. The edits move
 * blocks, copy a paragraph (blocks of the same text share a summary), add and rename headings
 * (acknowledgements, a glossary), put a label in bold markup and define and use abbreviations.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../../server/src/engine/engine.js';
import type { LintResult } from '../../../server/src/engine/engine.js';
import type { BrugConfig } from '../../../server/src/engine/config/config.js';
import { Vocabulary } from '../../../server/src/engine/vocabulary/vocabulary.js';
import { bundledLanguage } from '../../../server/src/workspace/dictionaries.js';
import { extraFormats } from '../../../server/src/workspace/formats.js';
import { CORPUS_DIR } from '../../helpers/shared.js';
// The workspace layer gives the engine its practice dictionaries (as in the server).
import '../../../server/src/workspace/engine.js';

const newEngine = () => new Engine({ formats: extraFormats, vocabulary: new Vocabulary([], bundledLanguage) });

const RULES = new Set(['readability/long-sentence', 'readability/section-score', 'readability/undefined-abbreviation', 'vocabulary/jargon', 'vocabulary/person-first', 'vocabulary/mixed-terms']);

function shape(r: LintResult): string[] {
  return r.findings.map((f) => JSON.stringify({ ruleId: f.ruleId, offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data, related: f.related, fixes: f.fixes }));
}

/** The paragraphs of a Markdown text: starts of lines after a blank line that begin with a letter and run 80 characters or more. */
function paragraphStarts(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\r?\n\r?\n(?=[\p{L}][^\r\n]{80,})/gu)) out.push(m.index + m[0].length);
  return out;
}

/** Where the blank line after a paragraph starts (-1 at the end of the text). */
function blankAfter(text: string, from: number): number {
  const m = /\r?\n\r?\n/.exec(text.slice(from));
  return m ? from + m.index : -1;
}

type Edit = (text: string) => string;

/** Edits at fixed fractions of the text, so that they fall in different runs of blocks. */
function edits(language: 'nl' | 'en'): Edit[] {
  const at = (text: string, fraction: number) => {
    const starts = paragraphStarts(text);
    return starts[Math.min(starts.length - 1, Math.floor(starts.length * fraction))]!;
  };
  const paragraph = (text: string, fraction: number) => {
    const start = at(text, fraction);
    const end = blankAfter(text, start);
    return text.slice(start, end < 0 ? text.length : end);
  };
  const insert = (text: string, offset: number, piece: string) => text.slice(0, offset) + piece + text.slice(offset);
  const nl = language === 'nl';
  const long = nl
    ? 'Wij spraken met de consulenten van de gemeente en met de inwoners die een aanvraag deden, en zij vertelden ons dat de eerste brief vaak onduidelijk is omdat de brief veel woorden gebruikt die zij niet kennen en die niemand uitlegt.'
    : 'We spoke with the caseworkers of the municipality and with the residents who applied for support, and they told us that the first letter is often unclear because it uses many words that they do not know and that nobody explains to them.';
  return [
    // A word inside a paragraph in the middle.
    (t) => {
      const p = at(t, 0.5);
      const space = t.indexOf(' ', p);
      return insert(t, space + 1, nl ? 'ook ' : 'also ');
    },
    // A paragraph copied to another place: two blocks of the same text.
    (t) => insert(t, at(t, 0.2), `${paragraph(t, 0.7)}\n\n`),
    // A long sentence with a lead-in label in bold, and the same text without the markup elsewhere.
    (t) => insert(insert(t, at(t, 0.8), `**${nl ? 'Wat de inwoners zeiden over de brieven van de gemeente' : 'What the residents said about the letters of the municipality'}**: ${long}\n\n`), at(t, 0.3), `${nl ? 'Wat de inwoners zeiden over de brieven van de gemeente' : 'What the residents said about the letters of the municipality'}: ${long}\n\n`),
    // An abbreviation used, then defined later, and a list of items whose initials spell another.
    (t) => insert(insert(t, at(t, 0.9), `${nl ? 'Het Bureau Regionale Ondersteuning (BRO) helpt.' : 'The Bureau for Regional Outreach (BRO) helps.'} BRO.\n\n- Planning\n- Execution\n- Support\n- Testing\n- Learning\n\n`), at(t, 0.4), `${nl ? 'Het BRO en de PESTL-analyse werken samen; het BRO doet mee.' : 'The BRO and the PESTL analysis work together; the BRO takes part.'}\n\n`),
    // A heading of acknowledgements and one of a glossary, in the middle.
    (t) => insert(insert(t, at(t, 0.6), `## ${nl ? 'Dankwoord' : 'Acknowledgements'}\n\n${long}\n\n`), at(t, 0.35), `## ${nl ? 'Afkortingen' : 'Abbreviations'}\n\n- XYZ: ${nl ? 'Extra Yoga Zaal' : 'Extra Yoga Zone'}\n\n`),
    // The bold markup taken off the label (the block's text stays the same): its sentence is counted whole again.
    (t) => t.replace(`**${nl ? 'Wat de inwoners zeiden over de brieven van de gemeente' : 'What the residents said about the letters of the municipality'}**:`, `${nl ? 'Wat de inwoners zeiden over de brieven van de gemeente' : 'What the residents said about the letters of the municipality'}:`),
    // And put on the other one.
    (t) => t.replace(`\n${nl ? 'Wat de inwoners zeiden over de brieven van de gemeente' : 'What the residents said about the letters of the municipality'}:`, `\n*${nl ? 'Wat de inwoners zeiden over de brieven van de gemeente' : 'What the residents said about the letters of the municipality'}*:`),
    // A paragraph removed.
    (t) => {
      const start = at(t, 0.65);
      const end = blankAfter(t, start);
      return t.slice(0, start) + t.slice(end).replace(/^(?:\r?\n)+/, '');
    },
    // A word at the start: every block after it moves.
    (t) => insert(t, at(t, 0), nl ? 'Kort gezegd: ' : 'In short: '),
    // The acknowledgements heading renamed: its section's sentences count again.
    (t) => t.replace(`## ${nl ? 'Dankwoord' : 'Acknowledgements'}\n`, `## ${nl ? 'Ervaringen' : 'Experiences'}\n`),
  ];
}

function check(file: string, language: 'nl' | 'en', config?: BrugConfig, crlf = false): void {
  const path = join(CORPUS_DIR, file);
  if (!existsSync(path)) return;
  let text = readFileSync(path, 'utf8');
  if (crlf) text = text.replace(/\r?\n/g, '\r\n');
  const kept = newEngine();
  const first = kept.lint(text, { path: file, ...(config ? { config } : {}) });
  assert.ok(first.findings.some((f) => RULES.has(f.ruleId)), `${file}: the document rules find something`);
  for (const [i, edit] of edits(language).entries()) {
    text = edit(text);
    const again = kept.lint(text, { path: file, ...(config ? { config } : {}) });
    const fresh = newEngine().lint(text, { path: file, ...(config ? { config } : {}) });
    assert.deepEqual(shape(again), shape(fresh), `${file}, after edit ${i + 1}`);
  }
}

describe('readability and vocabulary rules: a re-check from per-run summaries equals a fresh check', function () {
  this.timeout(120000);

  it('nl: een reeks bewerkingen in een rapport (woorden, een gekopieerde alinea, koppen, afkortingen)', () => {
    check('nl/mediflow-medicatievoorbereiding-wzc-ucd.md', 'nl');
  });

  it('en: a series of edits in a report (words, a copied paragraph, headings, abbreviations)', () => {
    check('en/tanf-research-tribal-mvp-sprint.md', 'en');
  });

  it('nl + en: the same under another audience and accepted words (other options, other summaries)', async () => {
    const { defaultConfig } = await import('../../../server/src/engine/config/config.js');
    const config = { ...defaultConfig(), audience: 'general' as const };
    config.vocabulary = { ...config.vocabulary, accept: ['BRO', 'stakeholder', 'implementatie'] };
    check('nl/robot-bingo-ouderen-usertest.md', 'nl', config);
    check('en/chc-north-east-public-engagement-ethics.md', 'en', config);
  });

  it('en: with CRLF line endings (ranges kept off the middle of a line break)', () => {
    check('en/chc-public-involvement-engagement.md', 'en', undefined, true);
  });
});
