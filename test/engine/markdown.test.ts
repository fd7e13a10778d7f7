import { strict as assert } from 'node:assert';
import { cachedMarkdownChunks, clearMarkdownCache, guardNesting, MAX_NESTING, parseMarkdown, plainPieces, setPlainFastPath, splitChunks, stubDefinitions } from '../../server/src/engine/formats/markdown.js';
import { md as mdDefaults, of, flagged, assertInside, countWords, PROBES } from './helpers.js';
import type { LintOptions } from '../../server/src/index.js';

// The rules' probes on (see PROBES): these tests are about what is prose and where, not about what is shown by default.
const md = (text: string, options: LintOptions = {}) => mdDefaults(text, { config: PROBES, ...options });

/**
 * A sentence that every readability rule flags: long (32 words), passive, nominal, with an
 * unexplained acronym. Wherever it appears in a construct that is not prose, nothing may be flagged.
 */
const BAD = 'De aanvraag wordt in de week na de melding beoordeeld en daarna wordt er door de afdeling een besluit genomen over het verstrekken van de uitkering aan de cliënt door de XYZQ.';
const BAD_WORDS = countWords(BAD);
const INTRO = '# Rapport\n\nDit is een korte zin.\n\n';

function readabilityFindings(text: string) {
  return of(md(text), 'readability/');
}

describe('Markdown adapter: what is not prose', () => {
  it('the bad sentence is flagged by four rules when it is prose (the control)', () => {
    const text = `${INTRO}${BAD}\n`;
    const r = md(text);
    for (const id of ['long-sentence', 'passive-voice', 'nominalization', 'undefined-abbreviation']) assert.ok(of(r, `readability/${id}`).length > 0, id);
    assert.equal(r.metrics.words, 5 + BAD_WORDS);
  });

  const constructs: Array<[string, string, number]> = [
    // [name, Markdown, words it adds to the metrics (placeholders count as one word)]
    ['a fenced code block', `\`\`\`\n${BAD}\n\n${BAD}\n\`\`\``, 0],
    ['a tilde code block', `~~~text\n${BAD}\n~~~`, 0],
    ['an indented code block', `    ${BAD}\n    ${BAD}`, 0],
    ['inline code', `Zie \`${BAD}\` hier.`, 3],
    ['display math', `$$\n${BAD}\n$$`, 0],
    ['inline math', `Zie $${BAD.replace(/\.$/, '')}$ hier.`, 3],
    ['an HTML comment', `<!--\n${BAD}\n\n${BAD}\n-->`, 0],
    ['an HTML block', `<div class="note">\n${BAD}\n</div>`, 0],
    ['an autolink', `Zie <https://example.org/${BAD.replace(/\W+/g, '-')}> hier.`, 3],
    ['a bare URL', `Zie https://example.org/${BAD.replace(/\W+/g, '-')} hier.`, 3],
    ['a link reference definition', `Zie [de bron][b].\n\n[b]: https://example.org "${BAD}"`, 3],
    ['an image', `![${BAD}](plaatje.png)`, 0],
  ];
  for (const [name, construct, words] of constructs) {
    it(`${name}: no findings and no words in the metrics`, () => {
      const text = `${INTRO}${construct}\n`;
      assert.deepEqual(readabilityFindings(text).map((f) => f.ruleId), []);
      assert.equal(md(text).metrics.words, 5 + words);
    });
  }

  it('a paragraph of Hugo or Quarto shortcodes only is not prose', () => {
    const text = `${INTRO}{{< image id="x" caption="${BAD}" >}}\n\n{{% include "${BAD}" %}} {{< tab >}}\n`;
    assert.deepEqual(readabilityFindings(text), []);
    assert.equal(md(text).metrics.words, 5);
  });

  it('YAML front matter: no findings, no words, and lang: sets the language', () => {
    const text = `---\ntitle: ${BAD}\nlang: en\n---\n\n# Report\n\nThis is a short sentence.\n`;
    const r = md(text);
    assert.deepEqual(of(r, 'readability/'), []);
    assert.equal(r.metrics.words, 5);
    assert.equal(r.language, 'en');
    assert.equal(r.sections[0]!.line, 6);
  });

  it('TOML front matter: no findings and no words', () => {
    const text = `+++\ntitle = "${BAD}"\n+++\n\n# Titel\n\nDit is een korte zin.\n`;
    const r = md(text);
    assert.deepEqual(of(r, 'readability/'), []);
    assert.equal(r.metrics.words, 5);
  });

  for (const heading of ['Literatuur', 'References', 'Literatuurlijst', 'Bronnen', 'Bibliography']) {
    it(`the reference list under "${heading}" is skipped: no findings, no words, no sections score`, () => {
      const text = `${INTRO}## ${heading}\n\n- Jansen, A. (2020). ${BAD}\n- Smith, J. (2021). ${BAD}\n\nVries, B. de (2019). ${BAD}\n`;
      const r = md(text);
      assert.deepEqual(of(r, 'readability/'), []);
      assert.equal(r.metrics.words, 5);
      const refs = r.sections.find((s) => s.title === heading)!;
      assert.equal(refs.role, 'references');
      assert.equal(refs.metrics.words, 0);
    });
  }

  it('prose after the reference list, under the next heading, is checked again', () => {
    const text = `${INTRO}## Literatuur\n\n- ${BAD}\n\n## Bijlage A\n\n${BAD}\n`;
    const r = md(text);
    assert.deepEqual(flagged(r, text, 'readability/long-sentence'), [BAD]);
  });
});

describe('Markdown adapter: blocks, tables, headings, quotes', () => {
  it('table cells are blocks of kind tableCell: no long-sentence finding, no metrics', () => {
    const text = `${INTRO}| Kop | Toelichting |\n|---|---|\n| a | ${BAD} |\n`;
    const r = md(text);
    const cells = r.blocks.filter((b) => b.analysed.block.kind === 'tableCell').map((b) => b.analysed.block.text);
    assert.deepEqual(cells, ['Kop', 'Toelichting', 'a', BAD]);
    assert.deepEqual(of(r, 'readability/long-sentence'), []);
    assert.deepEqual(of(r, 'readability/passive-voice'), []);
    assert.equal(r.metrics.words, 5);
    // The cell's position maps back into the table row.
    const cell = r.blocks.find((b) => b.analysed.block.text === BAD)!;
    const range = cell.toDocument(0, BAD.length);
    assert.equal(text.slice(range.offset, range.endOffset), BAD);
  });

  it('an acronym in a table cell is not its first use in running text', () => {
    const text = `${INTRO}| XYZQ | Iets |\n|---|---|\n| a | b |\n\nDe XYZQ werkt met de gemeente samen.\n`;
    const r = md(text);
    assert.deepEqual(flagged(r, text, 'readability/undefined-abbreviation'), ['XYZQ']);
    const f = of(r, 'readability/undefined-abbreviation')[0]!;
    assert.ok(f.offset > text.indexOf('De XYZQ'), 'the finding is on the prose use');
  });

  it('headings make sections with title, level, role, line and ranges', () => {
    const text = '# Evaluatie van de aanpak\n\nKort.\n\n## 1 Inleiding\n\nKort.\n\n## 2 Methode\n\nKort.\n\n### 2.1 Interviews\n\nKort.\n\nTitel in setext\n---------------\n\nKort.\n';
    const r = md(text);
    assert.deepEqual(r.sections.map((s) => [s.title, s.level, s.role, s.line]), [
      ['Evaluatie van de aanpak', 1, 'title', 1],
      ['1 Inleiding', 2, 'introduction', 5],
      ['2 Methode', 2, 'method', 9],
      ['2.1 Interviews', 3, 'method', 13],
      ['Titel in setext', 2, 'other', 17],
    ]);
    const m = r.sections[2]!;
    assert.equal(text.slice(m.offset, m.endOffset), '## 2 Methode');
    assert.equal(m.contentEnd, text.indexOf('Titel in setext'), 'a section runs to the next heading of its level or higher');
    assert.equal(r.sections[0]!.contentEnd, text.length);
  });

  it('headings are not checked as sentences and do not count in the metrics', () => {
    const text = `# ${BAD}\n\nKort.\n`;
    const r = md(text);
    assert.deepEqual(of(r, 'readability/long-sentence'), []);
    assert.deepEqual(of(r, 'readability/passive-voice'), []);
    assert.equal(r.metrics.words, 1);
  });

  it('blockquotes are checked as quoted paragraphs; a quote of what someone said is never flagged', () => {
    const quoted = `> ${BAD}`;
    const r1 = md(`${INTRO}${quoted}\n`);
    assert.ok(r1.blocks.some((b) => b.analysed.block.quoted && b.analysed.block.text === BAD));
    // Block quotes are someone else's text: readability rules leave them alone (issue 12).
    assert.equal(of(r1, 'readability/long-sentence').length, 0);
    const speech = `> "Ik wist niet waar ik moest beginnen," zegt een inwoner. "${BAD}"`;
    const r2 = md(`${INTRO}${speech}\n`);
    assert.deepEqual(of(r2, 'readability/').filter((f) => f.ruleId !== 'readability/undefined-abbreviation'), []);
  });

  it('list items are blocks of kind listItem, nested lists too', () => {
    const text = `${INTRO}- Eerste punt.\n- Tweede punt\n  - Genest punt.\n1. Genummerd punt.\n`;
    const kinds = md(text).blocks.map((b) => [b.analysed.block.kind, b.analysed.block.text]);
    assert.deepEqual(kinds.slice(2), [['listItem', 'Eerste punt.'], ['listItem', 'Tweede punt'], ['listItem', 'Genest punt.'], ['listItem', 'Genummerd punt.']]);
  });

  it('links keep their text as prose; the URL is not prose', () => {
    const text = `${INTRO}Meer staat op [de website van de gemeente](https://example.org/XYZQ-${BAD.replace(/\W+/g, '-')}).\n`;
    const r = md(text);
    assert.deepEqual(of(r, 'readability/'), []);
    assert.ok(r.blocks.some((b) => b.analysed.block.text === 'Meer staat op de website van de gemeente.'));
  });

  it('inline images with long base64 data: the same findings at the same places as with short data', () => {
    // micromark is spared the data (it is cut short before parsing); every offset after it must still be exact.
    const doc = (payload: string) => `${INTRO}${BAD} ![Figuur 1: ${BAD}](data:image/png;base64,${payload}) ${BAD}\n\n| a | b |\n|---|---|\n| ![x](data:image/png;base64,${payload}) | ${BAD} |\n\n${BAD}\n`;
    const short = doc('iVBORw0KGgo=');
    const long = doc(`iVBORw0KGgo${'AbC+/9'.repeat(2000)}=`);
    const delta = (long.length - short.length) / 2;
    const a = md(short);
    const b = md(long);
    assertInside(b, long);
    assert.ok(a.findings.length > 0);
    // Each finding moves by the data cut before it (none, one image or two).
    const moved = a.findings.map((f) => {
      const before = [...short.matchAll(/base64,/g)].filter((m) => m.index! < f.offset).length;
      return `${f.ruleId} ${f.offset + before * delta}-${f.endOffset + before * delta}`;
    });
    assert.deepEqual(b.findings.map((f) => `${f.ruleId} ${f.offset}-${f.endOffset}`), moved);
    assert.deepEqual(b.blocks.map((x) => x.analysed.block.text), a.blocks.map((x) => x.analysed.block.text));
  });

  it('base64 data that is not a link target stays text as it stands', () => {
    const data = `data:text/plain;base64,${'QUJD'.repeat(400)}`;
    const text = `${INTRO}Zie \`${data}\` en ${data} hier.\n`;
    const r = md(text);
    assertInside(r, text);
    const block = r.blocks.find((x) => x.analysed.block.text.includes('hier'))!.analysed.block;
    assert.ok(block.text.includes(data), 'the data in running text is kept whole');
  });

  it('chunks split at blank lines that no construct spans, and the whole document parses the same', () => {
    const text = `${INTRO}\`\`\`\n${BAD}\n\n${BAD}\n\`\`\`\n\n<!--\n\n${BAD}\n\n-->\n\n$$\n\n${BAD}\n\n$$\n\nSlot.\n`;
    const { chunks } = splitChunks(text);
    for (const c of chunks) {
      const src = text.slice(c.start, c.end);
      assert.equal((src.match(/```/g) ?? []).length % 2, 0, 'a fence never straddles two chunks');
      assert.equal((src.match(/<!--/g) ?? []).length, (src.match(/-->/g) ?? []).length, 'nor a comment');
      assert.equal((src.match(/\$\$/g) ?? []).length % 2, 0, 'nor display math');
    }
    const parsed = parseMarkdown(text);
    assert.deepEqual(parsed.blocks.map((b) => b.text), ['Rapport', 'Dit is een korte zin.', 'Slot.']);
  });

  it('link and footnote definitions resolve across chunks', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `Alinea nummer ${i} is kort.`).join('\n\n');
    const text = `${INTRO}Zie [de bron][b] en de noot.[^n]\n\n${filler}\n\n[b]: https://example.org\n[^n]: Een korte noot.\n`;
    const r = md(text);
    assert.ok(r.blocks.some((b) => b.analysed.block.text === 'Zie de bron en de noot.'));
    assert.ok(r.blocks.some((b) => b.analysed.block.kind === 'footnote' && b.analysed.block.text === 'Een korte noot.'));
    assert.deepEqual(of(r, 'readability/long-sentence'), []);
  });

  it('a chunk is parsed with stubs for the definitions it references only', () => {
    const text = `Zie [de bron][B  x] en de noot.[^7]\n\n[b x]: https://example.org\n\n[^7]: Noot.\n\n[^8]: Noot.\n`;
    const { chunks, definitions } = splitChunks(text);
    assert.deepEqual([...definitions].sort(), ['^7', '^8', 'b x']);
    const first = text.slice(chunks[0]!.start, text.indexOf('\n\n'));
    assert.equal(stubDefinitions(first, definitions), '[b x]: #\n\n[^7]: x\n\n');
    assert.equal(stubDefinitions('Geen verwijzingen hier.', definitions), '');
  });
});

describe('Markdown adapter: footnotes are prose', () => {
  it('footnote text gets findings at exact positions', () => {
    const text = `${INTRO}Meer staat in de noot.[^1]\n\n[^1]: ${BAD}\n`;
    const r = md(text);
    for (const id of ['long-sentence', 'passive-voice', 'nominalization']) assert.ok(of(r, `readability/${id}`).length > 0, id);
    const at = text.indexOf(BAD);
    const long = of(r, 'readability/long-sentence')[0]!;
    assert.equal(long.offset, at);
    assert.equal(text.slice(long.offset, long.endOffset), BAD);
    const xyzq = of(r, 'readability/undefined-abbreviation').find((f) => text.slice(f.offset, f.endOffset) === 'XYZQ');
    assert.ok(xyzq, 'the acronym in the footnote is found where it is');
    assert.equal(r.metrics.words, 5 + 5 + BAD_WORDS, 'footnote words count in the metrics');
    assertInside(r, text);
  });

  it('positions stay exact in footnotes with emoji, accents, CRLF and continuation paragraphs', () => {
    const note = 'De cliënt 🙂 zegt dat de implementatie van de reïntegratie goed gaat.';
    const text = `# Kop\r\n\r\nTekst met een noot.[^a]\r\n\r\n[^a]: Eerste alinea van de noot.\r\n\r\n    ${note}\r\n`;
    const r = md(text);
    const notes = r.blocks.filter((b) => b.analysed.block.kind === 'footnote').map((b) => b.analysed.block.text);
    assert.deepEqual(notes, ['Eerste alinea van de noot.', note]);
    const jargon = of(r, 'vocabulary/jargon');
    assert.deepEqual(jargon.map((f) => text.slice(f.offset, f.endOffset)), ['implementatie']);
    for (const f of jargon) assert.ok(f.offset >= text.indexOf(note) && f.endOffset <= text.indexOf(note) + note.length, 'inside the note');
    assertInside(r, text);
  });

  it('a footnote reference never splits or merges sentences', () => {
    const sentences = (text: string) => md(text).blocks.filter((b) => b.analysed.block.kind === 'paragraph').flatMap((b) => b.analysed.sentences.map((s) => s.words.map((w) => w.text).join(' ')));
    const notes = '\n\n[^1]: Noot een.\n\n[^long-label]: Noot twee.\n';
    assert.deepEqual(sentences(`De eerste zin.[^1] De tweede zin.${notes}`), ['De eerste zin', 'De tweede zin']);
    assert.deepEqual(sentences(`De eerste zin[^1]. De tweede zin.${notes}`), ['De eerste zin', 'De tweede zin']);
    assert.deepEqual(sentences(`Een zin met[^1] een noot[^long-label] in het midden.${notes}`), ['Een zin met een noot in het midden']);
    assert.deepEqual(sentences(`Een zin met[^1] een noot.${notes}`), sentences(`Een zin met een noot.${notes}`));
  });

  it('a reference without a definition stays text; a definition without a reference is still checked', () => {
    const r = md(`${INTRO}Zie [^9] hier.\n\n[^3]: ${BAD}\n`);
    assert.ok(r.blocks.some((b) => b.analysed.block.text.includes('[^9]')));
    assert.ok(of(r, 'readability/long-sentence').length > 0);
  });

  it('a document of only code, comments and front matter has no prose and no findings', () => {
    const text = `---\na: 1\n---\n\n\`\`\`\n${BAD}\n\`\`\`\n\n<!-- ${BAD} -->\n`;
    const r = md(text);
    assert.deepEqual(r.findings.filter((f) => f.ruleId.startsWith('readability/')), []);
    assert.equal(r.metrics.words, 0);
    assertInside(r, text);
  });

  it('broken Markdown never throws (unclosed fence, comment, math, front matter)', () => {
    for (const text of ['```\nopen fence\n', '<!-- open comment\n\nDe tekst.', '$$\nopen math\n\nDe tekst.', '---\nopen: front matter\n\nDe tekst.', '[^1]: alleen een noot', '|a|\n|-|\n', '']) {
      const r = md(text);
      assertInside(r, text);
      assert.deepEqual(r.errors, []);
    }
  });
});

/**
 * Bounded work on hostile input (issue 17): each input is large enough that quadratic work
 * would pass mocha's timeout by far (the slowest took minutes before); the tests assert what
 * the engine makes of it.
 */
describe('Markdown adapter: long tokens and deep nesting stay linear', () => {
  const after = `\n\n${BAD}\n`;
  const badStillFlagged = (text: string) => {
    const r = md(text);
    const long = of(r, 'readability/long-sentence').filter((f) => text.slice(f.offset, f.endOffset) === BAD);
    assert.equal(long.length, 1, 'the paragraph after the hostile part is still checked');
    assert.equal(long[0]!.offset, text.length - BAD.length - 1);
    assertInside(r, text);
    return r;
  };

  it('a 64,000-letter word is one word, with its syllables counted by vowel runs', () => {
    const word = 'a'.repeat(64000);
    const r = badStillFlagged(`Dit is ${word} een zin.${after}`);
    const block = r.blocks.find((b) => b.analysed.block.text.includes(word))!;
    assert.equal(block.analysed.counts.words, 5);
    assert.ok(block.analysed.syllables.some((s) => Array.from(s).includes(1)), 'the long word counts as one vowel run');
  });

  it('5,000 nested list markers: the first 32 are lists, the rest is not structure', () => {
    const text = `${'- '.repeat(5000)}Een zin.${after}`;
    const r = badStillFlagged(text);
    assert.equal(r.blocks.length, 1);
    const guarded = guardNesting(text);
    assert.equal(guarded.length, text.length, 'offsets do not move');
    assert.equal(guarded.slice(0, 2 * MAX_NESTING), text.slice(0, 2 * MAX_NESTING));
  });

  for (const [name, hostile] of [
    ['20,000 nested blockquote markers', `${'>'.repeat(20000)} Een zin.`],
    ['5,000 mixed container markers', `${'> - 1. * '.repeat(5000)}Een zin.`],
    ['40,000 asterisks around a word', `${'*'.repeat(20000)}tekst${'*'.repeat(20000)}`],
    ['40,000 underscores around a word', `${'_'.repeat(20000)}tekst${'_'.repeat(20000)}`],
    ['20,000 nested brackets', `${'['.repeat(20000)}x${']'.repeat(20000)}`],
    ['20,000 unclosed brackets', '[a '.repeat(20000)],
  ] as const) {
    it(`${name}: parsed, and the next paragraph checked`, () => {
      badStillFlagged(`${hostile}${after}`);
    });
  }

  it('guarding leaves ordinary Markdown untouched', () => {
    const text = `# Kop\n\n> - 1. Een [link [met] haken](u) en **nadruk** ___ hier.\n\n${'- '.repeat(MAX_NESTING)}diep\n`;
    assert.equal(guardNesting(text), text);
  });
});

describe('markdown: the chunk cache stays bounded in an editing session', () => {
  for (const [lang, word, other] of [['nl', 'inwoner', 'bewoner'], ['en', 'resident', 'tenant']] as const) {
    it(`an edit's old version of a chunk leaves the cache at once; undoing the edit parses as from scratch (${lang})`, () => {
      const text = Array.from({ length: 60 }, (_, i) => (lang === 'nl' ? `## Wijk ${i}\n\nDe klantmanager van wijk ${i} belt de ${word}. Zij spreken af wat er gebeurt.\n` : `## Area ${i}\n\nThe case manager of area ${i} calls the ${word}. They agree on what happens.\n`)).join('\n');
      const at = text.indexOf(word, text.length / 2);
      const edited = text.slice(0, at) + other + text.slice(at + word.length);
      clearMarkdownCache();
      parseMarkdown(text);
      const cached = cachedMarkdownChunks();
      parseMarkdown(edited);
      // The new version of the chunk, and the stretch of it read anew (the edited paragraph), cached under its own text.
      assert.ok(cachedMarkdownChunks() <= cached + 1, `${cachedMarkdownChunks() - cached} more chunks cached: the old version stays`);
      const undone = parseMarkdown(text);
      clearMarkdownCache();
      const shape = (d: ReturnType<typeof parseMarkdown>) => d.blocks.map((b) => ({ kind: b.kind, text: b.text, start: b.start, end: b.end, level: b.level, quoted: b.quoted }));
      assert.deepEqual(shape(undone), shape(parseMarkdown(text)));
    });
  }

  it('drops the chunks that no parse has used for a while, keeps the ones in use', () => {
    const doc = (name: string, n: number) => Array.from({ length: n }, (_, i) => `## ${name} ${i}\n\nDe klantmanager van wijk ${i} belt de inwoner over ${name}. Zij spreken af wat er gebeurt.\n`).join('\n');
    const a = doc('Aanvraag', 400);
    const b = doc('Bezwaar', 40);
    const chunksOf = (t: string) => new Set(splitChunks(t).chunks.map((c) => t.slice(c.start, c.end))).size;
    clearMarkdownCache();
    parseMarkdown(a);
    assert.ok(chunksOf(a) > 1 && cachedMarkdownChunks() >= chunksOf(a), 'the first document is cached');
    // An editing session on another document: its chunks stay, the first document's go.
    let edited = b;
    for (let i = 0; i < 48; i++) {
      edited = edited.replace('belt de inwoner', `belt de inwoner (${i})`);
      parseMarkdown(edited);
    }
    assert.ok(cachedMarkdownChunks() < chunksOf(a), `still ${cachedMarkdownChunks()} chunks cached`);
    assert.ok(cachedMarkdownChunks() >= chunksOf(edited), 'the chunks in use stay cached');
    // An unchanged parse adds no chunk (it may sweep old versions: every 8th parse sweeps, and how
    // many parses ran before this test depends on the other test files in the run).
    const before = cachedMarkdownChunks();
    parseMarkdown(edited);
    assert.ok(cachedMarkdownChunks() <= before, 'an unchanged parse hits the cache');
    assert.ok(cachedMarkdownChunks() >= chunksOf(edited), 'and keeps the chunks in use');
  });
});

describe('Markdown adapter: plain paragraphs read without the parser', () => {
  // A paragraph of over 200 characters without any Markdown: the fast path reads it as it stands.
  const P = 'Dit is een gewone alinea zonder opmaak, zoals de meeste alinea’s in een rapport. Ze heeft cijfers (12 en 3,5), aanhalingstekens en een dubbele punt: genoeg om te lezen. De cliënt krijgt binnen twee weken een besluit over de aanvraag.';
  const E = 'This is an ordinary paragraph without any markup, as most paragraphs in a report are. It has numbers (12 and 3.5), quotes ("so to speak") and a colon: enough to read.\nIts second line follows at once; the client hears within two weeks.';
  const documents: Array<[string, string]> = [
    ['plain paragraphs between headings', `# Titel\n\n${P}\n\n## Kop\n\n${E}\n`],
    ['after a list, a plain paragraph closes the list; indented text after it is not in the list', `- punt een\n- punt twee\n\n${P}\n\n  ingesprongen tekst\n\n- weer een lijst\n\n${E}`],
    ['after a quote and a footnote definition', `> ${E}\n\n${P}[^1]\n\n[^1]: Een voetnoot\n    met vervolg.\n\n${E}\n\n    code na een alinea\n\n${P}`],
    ['a fenced block with blank lines and plain-looking text inside', `${P}\n\n\`\`\`\n${E}\n\n${P}\n\`\`\`\n\n${E}`],
    ['raw HTML that runs across blank lines', `${P}\n\n<pre>\n${E}\n\n${P}\n</pre>\n\n${E}\n\n<!-- een\n\n${P}\n-->\n\n${E}`],
    ['display math with blank lines', `${P}\n\n$$\nx = 1\n\n${E}\n$$\n\n${E}`],
    ['a thematic break and a setext underline next to plain text', `${P}\n\n---\n\n${E}\n\nKop\n===\n\n${P}\n\n***\n\n${E}`],
    ['front matter fences further down', `${E}\n\n---\ntitle: x\nlang: nl\n---\n\n${P}`],
    ['link and footnote references to definitions in other parts', `Zie [het rapport][r] en een noot[^n].\n\n${P}\n\n${E} Meer in [het rapport][r].\n\n${P}\n\n[r]: https://example.org\n[^n]: De noot.\n\n${E}`],
    ['shortcodes and text with a zero-width no-break space', `${P}\n\n{{% include "x" %}} en {{% y %}}\n\n\uFEFF${E}\n\n${P}`],
    ['hard breaks, trailing spaces, tabs and carriage returns stay with the parser', `${P}  \n${E}\n\n${E}\t\n\n${P}\r\n${E}\r\n\r\n${P}`],
    ['CRLF line endings throughout', `# Titel\r\n\r\n${P}\r\n\r\n- a\r\n- b\r\n\r\n${E.replace(/\n/g, '\r\n')}\r\n`],
    ['ordered list markers and numbers at a line start', `${P}\n\n2. tweede punt\n\n${E}\n\n2024 was een jaar. ${P}\n\n1) item`],
    [
      'footnote references in plain text, defined and not, in every position',
      `${P}[^a1] ${E}[^b-2][^a1]\n\n${E}[^nope] en meer.\n\n[^c] ${P}\n\n${P}![^a1]\n\n${E}[^a1](x)\n\n${P}[^A1]\nverder[^b-2]\n\n${E}[^a1]\n\n[^a1]: Noot een.\n[^b-2]: Noot twee.\n[^c]: Noot drie.\n`,
    ],
  ];

  for (const [name, text] of documents) {
    it(`the same blocks, texts and offsets with and without the fast path: ${name}`, () => {
      try {
        clearMarkdownCache();
        setPlainFastPath(false);
        const slow = parseMarkdown(text);
        clearMarkdownCache();
        setPlainFastPath(true);
        const fast = parseMarkdown(text);
        assert.deepStrictEqual(fast, slow);
      } finally {
        setPlainFastPath(true);
        clearMarkdownCache();
      }
    });
  }

  it('finds plain paragraphs (so that the comparisons above compare something) and no others', () => {
    const text = `# Titel\n\n${P}\n\n- lijst\n\n${E}\n\n*${P}*\n\n${P} [link](x)\n\n${P} [x](x)\n`;
    const pieces = plainPieces(text).map(([s, e]) => text.slice(s, e));
    // Simple emphasis and inline links are read too (test/engine/markdown-fastpath.test.ts), a link whose text is its address as a placeholder.
    assert.deepEqual(pieces, [P, E, `*${P}*`, `${P} [link](x)`, `${P} [x](x)`], 'simple emphasis and links are read too (test/engine/markdown-fastpath.test.ts)');
    assert.deepEqual(plainPieces(`${P}\n\n\`\`\`\n${E}\n\`\`\``), [], 'a chunk with fenced code is parsed whole');
    const noted = `${P}[^1] verder.\n\n${E}[^2]`;
    assert.deepEqual(
      plainPieces(noted, new Set(['^1'])).map(([s, e, refs]) => [noted.slice(s, e), refs?.map(([a, b]) => noted.slice(a, b))]),
      [[`${P}[^1] verder.`, ['[^1]']]],
      'a reference to a defined footnote is read as one; one to an undefined label keeps the parser',
    );
  });
});
