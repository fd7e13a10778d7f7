import { strict as assert } from 'node:assert';
import { parsePlaintext } from '../../server/src/engine/formats/plaintext.js';
import { txt, of, flagged, assertInside } from './helpers.js';
import fc from 'fast-check';
import type { LintResult } from '../../server/src/engine/engine.js';
import type { ProseBlock } from '../../server/src/engine/types.js';
import { applyEdit, assertWarmEditsMatchFresh, editsOf } from '../helpers/warm-edits.js';

const LONG = 'De klantmanager belt de inwoner binnen vijf werkdagen op en gaat langs als er niemand opneemt, en laat dan een kaart met een naam en een telefoonnummer achter voor later.';

function kinds(text: string): Array<[string, string, number?]> {
  return parsePlaintext(text).blocks.map((b) => (b.level !== undefined ? [b.kind, b.text, b.level] : [b.kind, b.text]));
}

describe('plain text adapter', () => {
  it('paragraphs are separated by blank lines; lines of one paragraph join with a newline', () => {
    const text = 'Eerste regel van de alinea.\nTweede regel van de alinea.\n\n  \nNieuwe alinea hier.\n';
    assert.deepEqual(kinds(text), [
      ['paragraph', 'Eerste regel van de alinea.\nTweede regel van de alinea.'],
      ['paragraph', 'Nieuwe alinea hier.'],
    ]);
  });

  it('a short line without closing punctuation is a heading; numbering gives its level', () => {
    const text = 'Inleiding\n\nTekst hier.\n\n2 Methode\n\nTekst.\n\n2.3 Interviews met klantmanagers\n\nTekst.\n\nHoofdstuk 4 Resultaten\n\nTekst.\n\nBijlage A\n\nTekst.\n';
    assert.deepEqual(kinds(text).filter(([k]) => k === 'heading'), [
      ['heading', 'Inleiding', 2],
      ['heading', '2 Methode', 1],
      ['heading', '2.3 Interviews met klantmanagers', 2],
      ['heading', 'Hoofdstuk 4 Resultaten', 1],
      ['heading', 'Bijlage A', 1],
    ]);
  });

  it('a line that ends a sentence, starts in lower case or has a sentence inside is not a heading', () => {
    for (const line of ['Dit is een zin.', 'dit begint klein', 'Een vraag?', 'Zie dit. En dat', 'Kolom | Kolom | Kolom', 'Inleiding:', 'Een heel lange regel met veel te veel woorden om een kop te kunnen zijn in een rapport']) {
      assert.notEqual(parsePlaintext(`${line}\n`).blocks[0]!.kind, 'heading', line);
    }
  });

  it('a year is not a section number: "2022 Reporting year" is an unnumbered heading', () => {
    assert.deepEqual(kinds('Tekst.\n\n2022 Reporting year\n\nTekst.\n')[1], ['heading', '2022 Reporting year', 2]);
  });

  it('a numbered heading may be longer than an unnumbered one', () => {
    const line = '05 - Requests, assessments, discontinued plans, 20 week timeliness, mainstream to special transfers, mediation and tribunals';
    assert.deepEqual(kinds(`Text.\n\n${line}\n\nText.\n`)[1], ['heading', line, 1]);
  });

  it('a title block of two or three heading-like lines at the top: each line a top-level heading', () => {
    const text = 'Education, health and care plans\n2022 Reporting year\n\nDescription\n\nThis document describes the data.\n';
    assert.deepEqual(kinds(text).slice(0, 3), [
      ['heading', 'Education, health and care plans', 1],
      ['heading', '2022 Reporting year', 1],
      ['heading', 'Description', 2],
    ]);
    const r = txt(text);
    assert.deepEqual(r.sections.map((s) => [s.title, s.role, s.line]), [
      ['Education, health and care plans', 'title', 1],
      ['2022 Reporting year', 'title', 2],
      ['Description', 'introduction', 4],
    ]);
    // Only at the top: later, such lines are a paragraph.
    assert.equal(kinds(`Tekst.\n\n${text}`)[1]![0], 'paragraph');
  });

  it('list items are blocks of kind listItem, numbered ones in a run too (not headings)', () => {
    const text = 'We doen drie dingen:\n1. Bellen met de inwoner\n2. Langsgaan bij de inwoner\n3. Een kaart achterlaten\n\n- Eerste punt zonder punt\n- Tweede punt\n• Derde punt\n';
    assert.deepEqual(kinds(text), [
      ['paragraph', 'We doen drie dingen:'],
      ['listItem', '1. Bellen met de inwoner'],
      ['listItem', '2. Langsgaan bij de inwoner'],
      ['listItem', '3. Een kaart achterlaten'],
      ['listItem', '- Eerste punt zonder punt'],
      ['listItem', '- Tweede punt'],
      ['listItem', '• Derde punt'],
    ]);
  });

  it('a list item continues on the next line when that line is not a new item', () => {
    assert.deepEqual(kinds('- Eerste punt dat doorloopt\n  op de volgende regel.\n- Tweede.\n'), [
      ['listItem', '- Eerste punt dat doorloopt\n  op de volgende regel.'],
      ['listItem', '- Tweede.'],
    ]);
  });

  it('URLs and e-mail addresses are placeholders: no findings inside, one word each', () => {
    const url = 'https://example.org/De-aanvraag-wordt-door-de-klantmanager-beoordeeld-XYZQ';
    const text = `Titel\n\nZie ${url} en www.example.org/XYZQ of mail naar info@example.org voor meer.\n`;
    const r = txt(text);
    assert.deepEqual(of(r, 'readability/'), []);
    const para = r.blocks.find((b) => b.analysed.block.kind === 'paragraph')!;
    assert.equal(para.analysed.block.text, 'Zie 0 en 0 of mail naar 0 voor meer.');
    assert.equal(r.metrics.words, 10);
    assertInside(r, text);
  });

  it('"brug-disable" lines switch rules off and on; brug-disable-next-line takes one line', () => {
    const text = `Titel\n\nbrug-disable-next-line readability/long-sentence\n${LONG}\n\n${LONG}\n\n# brug-disable\n${LONG}\n\n% brug-enable\n\n${LONG}\n`;
    const r = txt(text);
    const lines = of(r, 'readability/long-sentence').filter((f) => !f.data?.section).map((f) => r.model.lines.position(f.offset).line);
    assert.deepEqual(lines, [5, 12]);
    // Directive lines are not prose.
    assert.ok(!r.blocks.some((b) => b.analysed.block.text.includes('brug-')));
  });

  it('long sentences are flagged with exact ranges, also across line breaks', () => {
    const wrapped = LONG.replace(' als er', '\nals er');
    const text = `Titel\n\n${wrapped}\n`;
    assert.deepEqual(flagged(txt(text), text, 'readability/long-sentence'), [wrapped]);
  });

  it('an empty file, blank lines only, or a file without a final newline never throws', () => {
    for (const text of ['', '\n\n\n', 'Eén regel', '\r\n\r\n', 'Titel\r\n\r\nTekst zonder einde']) {
      const r = txt(text);
      assertInside(r, text);
      assert.deepEqual(r.errors, []);
    }
  });
});

describe('plain text adapter: long tokens stay linear', () => {
  it('a 64,000-letter word is one word and the sentence after it is still checked (issue 17)', () => {
    const long = 'De aanvraag wordt door de klantmanager van het team beoordeeld en daarna wordt er door de afdeling een besluit genomen over het verstrekken van de uitkering aan de cliënt door de XYZQ.';
    for (const word of ['a'.repeat(64000), 'ab-'.repeat(21000) + 'c', 'x1'.repeat(32000)]) {
      const text = `Dit is ${word} een zin.\n\n${long}\n`;
      const r = txt(text, { language: 'nl' });
      assert.equal(r.blocks[0]!.analysed.counts.words, 5);
      const flaggedLong = of(r, 'readability/long-sentence');
      assert.equal(flaggedLong.length, 1);
      assert.equal(text.slice(flaggedLong[0]!.offset, flaggedLong[0]!.endOffset), long);
      assertInside(r, text);
    }
  });
  it('nl + en: a record of "Label: value" lines is one block per field, none a heading, so no long sentence runs across them', () => {
    const en = 'Intro\n\nFilename: sen2_age_new_plans.csv\nGeographic levels: Local authority; National; Regional\nTime period: 2009 to 2021\nContent summary: Number of children and young people with a new plan in the calendar year, broken down\nby age band\n';
    assert.deepEqual(kinds(en).slice(1), [
      ['paragraph', 'Filename: sen2_age_new_plans.csv'],
      ['paragraph', 'Geographic levels: Local authority; National; Regional'],
      ['paragraph', 'Time period: 2009 to 2021'],
      ['paragraph', 'Content summary: Number of children and young people with a new plan in the calendar year, broken down\nby age band'],
    ]);
    const nl = 'Bestand: nieuwe_plannen.csv\nNiveau: gemeente; provincie; land\nPeriode: 2009 tot en met 2021\nInhoud: het aantal kinderen en jongeren met een nieuw plan per kalenderjaar, naar leeftijd\n';
    assert.equal(kinds(nl).length, 4);
    assert.ok(kinds(nl).every(([k]) => k === 'paragraph'));
    assert.deepEqual(of(txt(en), 'readability/long-sentence'), []);
    // Prose whose lines happen to hold a colon stays one paragraph ("The council asked: …", "De gemeente vroeg: …").
    assert.equal(kinds('The council asked: who helps first? We answered\nNote: this line wraps in prose.\n').length, 1);
    assert.equal(kinds('De gemeente vroeg: wie helpt eerst? Wij zeiden\nLet op: deze regel loopt door.\n').length, 1);
  });
});

describe('plain text adapter: the last reading reused after an edit', () => {
  // A report as a PDF export leaves it: a title block, numbered headings, lists, fields, running heads, broken sentences.
  const page = (n: number) =>
    [
      `${n} Resultaten uit de gemeente`,
      '',
      'De klantmanager belt de inwoner binnen vijf werkdagen op. Zie https://example.org/rapport voor meer.',
      '- eerste punt van de lijst',
      '- tweede punt van de lijst',
      '',
      'Rapport schuldhulp 2024',
      '',
      'Bestandsnaam: tabel.csv',
      'Periode: 2020 tot 2024',
      '',
      'Een zin die de export',
      '',
      'over een lege regel brak en hier verder gaat.',
      '',
      '# brug-disable-next-line',
      'Nog een alinea met een langere zin die over twee regels loopt\nen hier eindigt.',
      '',
    ].join('\n');
  const BASE = ['Schuldhulp in de wijk', '2024', '', ...[1, 2, 3, 4, 5].map(page)].join('\n');
  const PIECES = ['woord ', '\n', '\n\n', 'Rapport schuldhulp 2024\n\n', '3.2 Een kop\n\n', '- punt\n', 'Veld: waarde\n', 'klein begin ', '\r\n', '# brug-disable\n', 'https://x.nl '];
  /** A block as a fresh reading gives it: its map in document offsets, its fields. */
  const plain = (b: ProseBlock) => ({ ...b, mapBase: undefined, map: b.map.map((s) => ({ ...s, d: s.d + (b.mapBase ?? 0) })) });
  const fresh = (text: string) => {
    parsePlaintext('Iets anders.\n');
    return parsePlaintext(text);
  };

  it('hands out the blocks an edit left again (over 1,000 in the series) and reads as a fresh reading after random edits', () => {
    let reused = 0;
    fc.assert(
      fc.property(fc.array(editsOf(PIECES, 200), { minLength: 1, maxLength: 5 }), (series) => {
        let text = BASE;
        let last = parsePlaintext(text);
        for (const e of series) {
          text = applyEdit(text, e);
          const kept = last.blocks.map(plain);
          const doc = parsePlaintext(text);
          // (Handed out again: the last reading's own object, with how far it moved; never a copy.)
          const raw = doc.raw!;
          raw.blocks.forEach((b, i) => {
            if (!last.raw!.blocks.includes(b)) return;
            reused++;
            assert.equal(b.start + (raw.shifts?.[i] ?? 0), doc.blocks[i]!.start);
          });
          const want = fresh(text);
          assert.deepEqual(doc.blocks.map(plain), want.blocks.map(plain));
          assert.deepEqual(doc.directives, want.directives);
          // The blocks handed out before are as they were.
          assert.deepEqual(last.blocks.map(plain), kept);
          // (fresh() read other text last: this reading takes up the fresh one's blocks, all of them.)
          last = parsePlaintext(text);
        }
      }),
      { numRuns: 150, seed: 41 },
    );
    assert.ok(reused > 1000, `${reused} blocks handed out again`);
  });

  it('a warm engine checks a plain-text report after random edits as a fresh engine does', () => {
    assertWarmEditsMatchFresh(BASE, {
      path: 'warm41.txt',
      edits: editsOf(PIECES, 200),
      project: (res: LintResult) => ({ findings: res.findings, sections: res.sections, metrics: res.metrics, paragraphs: res.paragraphs, language: res.language }),
      cacheSize: 1000,
      numRuns: 30,
      seed: 42,
      // (The fresh check's reading takes up nothing: the adapter's last reading is of other text.)
      beforeFresh: () => parsePlaintext('Iets anders.\n'),
    });
  });

});
