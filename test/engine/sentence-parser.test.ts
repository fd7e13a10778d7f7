import { strict as assert } from 'node:assert';
import { ParseDutch } from 'parse-dutch';
import { ParseEnglish } from 'parse-english';
import { sentenceTree } from '../../server/src/engine/text/sentences.js';
import { rng as random } from '../fuzz/generate.js';
import type { Language } from '../../server/src/index.js';

/**
 * sentences.ts runs retext's parsers with a leaner tokenizer and blank-line step, the elision and slash steps only
 * on sentences with an apostrophe or slash, and the inner-word and initialism steps only on sentences with a word
 * and a mark side by side where they could join something (text/sentences.ts, leanParser).
 * Their tree must be the package's: the same node types, values, nesting and offsets, on hand-picked texts and on
 * generated ones full of the marks the parsers' steps look at (abbreviations, initials, elisions, slashes, blank
 * lines, surrogate pairs, CR LF).
 */
const stock = { nl: new ParseDutch(), en: new ParseEnglish() };

interface Node {
  type: string;
  value?: string;
  children?: Node[];
  position?: { start: number | { offset?: number }; end: number | { offset?: number } };
}

/** An offset: the package's points hold it as `offset`, the lean parser's positions are offsets. */
const offset = (p: number | { offset?: number } | undefined) => (typeof p === 'number' ? p : p?.offset);

/**
 * The node's type, value, children and offsets. A word's text node shares the word's position in the lean parser
 * (nothing reads a text node's offsets there; the parsers read one's end only while it is its word's last child, and
 * a word's end moves only when it takes in another child): its offsets are left out.
 */
function shape(node: Node): unknown {
  const text = node.type === 'TextNode';
  return {
    type: node.type,
    value: node.value,
    start: text ? undefined : offset(node.position?.start),
    end: text ? undefined : offset(node.position?.end),
    children: node.children?.map(shape),
  };
}

function same(text: string, language: Language): void {
  const want = shape(stock[language].tokenizeParagraph(text) as unknown as Node);
  const got = shape(sentenceTree(text, language) as Node);
  assert.deepEqual(got, want, JSON.stringify(text));
}

const TEXTS = [
  '',
  ' ',
  'Dat is zo. Hij komt morgen.',
  "Hij zei 't al, d' ouders en 's avonds. Zo'n 80's feest.",
  "I'm sure it's 'n rock 'n' roll thing, w/ friends. Isn't it?",
  'Zie blz. 12 en bijl. 3.\n\nDaarna volgt de Wmo. Dhr. Jansen en mevr. De Vries!',
  'Line one\r\n\r\nLine two\r\rLine three\n \n four. Done…  Yes‽',
  'A&B and R&D. U.S.A. and e.g. p.m. 1.2.3. The end.',
  'He/she and and/or A/B testing; http://x.y/z. Text-- and -- dash- ok.',
  'Emoji 👩‍⚕️ here. 😀😀 twice. €5,3 and 1,146 (approx.) items.',
  '"Quoted." (Paren.) [Bracket.] Next sentence… ...and more?! Yes.',
  '   leading space. trailing space.   ',
  'soft\u00ADhyphen word·dot a_b__c x@y.z x:y x=y x?y.',
  // Apostrophes and slashes: the elision and slash steps run only on sentences that have one (leanParser).
  "Zo'n auto en z’n fiets. ’t Is d’ oude weg, 's morgens om '23. Geen apostrof hier.",
  "Coffee w/ milk, w/o sugar; A/B and and/or. 'Tis the '90s, rock 'n' roll ’n stuff. None here.",
];

const PIECES = [
  'Dat', 'is', 'zo', 'bijv', 'Dr', 'dr', 'etc', 'al', 'et', 'd', 'n', 'ns', 't', 's', 'er', 'w', 'e', 'g', 'a', 'B', 'C',
  'U', 'S', 'A', 'fig', 'Fig', 'hfst', 'art', 'nr', 'Nr', 'ca', 'approx', 'Mr', 'Jones', 'we', 'rock', 'roll', 'is', 'it',
  '1', '2', '23', '1984', '5', '3', 'x', 'iPad', 'eHealth', 'ÉÉN', 'één', 'über', 'naïef', 'co', 'op', 'wie',
];
const MARKS = [
  ' ', ' ', ' ', ' ', '. ', '. ', ', ', '.', ',', ';', ':', '!', '?', '?! ', '…', '...', "'", '’', '‘', '"', '“', '”',
  '&', '-', '--', '–', '/', '(', ')', '[', ']', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', ' \n \n', '\t', '  ', '_', '@',
  '=', '·', '\u00AD', '😀', '👩‍⚕️', '$', '%', '€', '#', '*', '\u00A0', '\u2028',
];

function generated(seed: number): string {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  let text = '';
  const n = 1 + Math.floor(next() * 40);
  for (let i = 0; i < n; i++) text += next() < 0.55 ? pick(PIECES) : pick(MARKS);
  return text;
}

describe('sentence parser: the same tree as retext\'s parsers', () => {
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: hand-picked texts`, () => {
      for (const text of TEXTS) same(text, language);
    });
    it(`${language}: 3,000 generated texts`, () => {
      for (let seed = 1; seed <= 3000; seed++) same(generated(seed), language);
    });
  }
});
