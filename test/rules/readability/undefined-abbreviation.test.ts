import { strict as assert } from 'node:assert';
import { md, txt, of, flagged, config, readRepo } from '../../engine/helpers.js';
import { parse } from 'yaml';

const RULE = 'readability/undefined-abbreviation';
const nl = (body: string) => `# Rapport\n\n${body}\n`;

function wellKnown(path: string): string[] {
  return (parse(readRepo(path)) as { abbreviations: Array<{ term: string }> }).abbreviations.map((a) => a.term);
}

describe(RULE, () => {
  it('an acronym that is never explained: info on its first use, with an example of the fix', () => {
    const text = nl('De NVVK heeft een gedragscode. De klantmanagers volgen de code van de NVVK.');
    const r = md(text);
    assert.deepEqual(flagged(r, text, RULE), ['NVVK']);
    const f = of(r, RULE)[0]!;
    assert.equal(f.offset, text.indexOf('NVVK'));
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.data, { acronym: 'NVVK', explainedLater: false });
    assert.match(f.message.nl, /^"NVVK" wordt nergens uitgelegd\. Schrijf het de eerste keer voluit, bijvoorbeeld "volledige naam \(NVVK\)"\./);
    assert.match(f.message.en, /^"NVVK" is never explained\./);
  });

  it('used before its explanation: flagged at the first use', () => {
    const text = nl('De NVVK heeft een gedragscode.\n\nDe Nederlandse Vereniging voor Volkskrediet (NVVK) is een vereniging.');
    const r = md(text);
    assert.deepEqual(of(r, RULE).map((f) => [f.offset, f.data!.explainedLater]), [[text.indexOf('NVVK'), true]]);
    assert.match(of(r, RULE)[0]!.message.nl, /staat hier voordat het is uitgelegd/);
  });

  it('"Full Name (ABC)" explains it: no finding, there or after', () => {
    assert.deepEqual(of(md(nl('De Nederlandse Vereniging voor Volkskrediet (NVVK) is een vereniging. De NVVK heeft een gedragscode.')), RULE), []);
    assert.deepEqual(of(md(nl('Op grond van de Wet gemeentelijke schuldhulpverlening (WGS) krijgen gemeenten signalen. De WGS geldt sinds 2021.')), RULE), []);
  });

  it('"ABC (full name)" explains it too', () => {
    assert.deepEqual(of(md(nl('Het BKR (Bureau Krediet Registratie) houdt schulden bij. Het BKR is in Tiel.')), RULE), []);
  });

  it('a glossary line "ABC: full name" explains it', () => {
    assert.deepEqual(of(md(nl('- XYZQ: Xenon Yttrium Zink Quotum\n\nDe XYZQ is nieuw.')), RULE), []);
  });

  it('brackets that do not explain: "(ABC)" after unrelated words, "ABC (2020)"', () => {
    assert.deepEqual(flagged(md(nl('Dit staat in het rapport (XYZQ) van vorig jaar.')), nl('Dit staat in het rapport (XYZQ) van vorig jaar.'), RULE), ['XYZQ']);
    assert.equal(of(md(nl('De XYZQ (2020) deed dit.')), RULE).length, 1);
  });

  it('well-known acronyms from dictionaries/nl/afkortingen.yml and en/abbreviations.yml need no explanation', () => {
    const nlTerms = wellKnown('dictionaries/nl/afkortingen.yml').filter((t) => /^[A-Z]{2,}$/.test(t));
    const enTerms = wellKnown('dictionaries/en/abbreviations.yml').filter((t) => /^[A-Z]{2,}$/.test(t));
    assert.ok(nlTerms.includes('UWV') && nlTerms.includes('CBS') && enTerms.includes('NHS'));
    const nlText = nl(nlTerms.map((t) => `Het ${t} werkt hier samen met de gemeente.`).join(' '));
    assert.deepEqual(flagged(md(nlText), nlText, RULE), []);
    const enText = `# Report\n\n${enTerms.map((t) => `The ${t} works with the council here.`).join(' ')}\n`;
    const r = md(enText);
    assert.equal(r.language, 'en');
    assert.deepEqual(flagged(r, enText, RULE), []);
  });

  it('an English acronym that is not well known is flagged in English (DWP, ESA)', () => {
    const text = '# Report\n\nThe programme is funded by the council and the DWP. Claimants of ESA are eligible.\n';
    assert.deepEqual(flagged(md(text), text, RULE), ['DWP', 'ESA']);
  });

  it('vocabulary.accept accepts an acronym for the project (any case)', () => {
    const text = nl('De NVVK heeft een gedragscode. Het BKR houdt schulden bij.');
    assert.deepEqual(flagged(md(text, { config: config({ vocabulary: { accept: ['nvvk'] } }) }), text, RULE), ['BKR']);
  });

  it('offers to accept the acronym in .brug.yml (not preferred, no text edits)', () => {
    const f = of(md(nl('De NVVK heeft een gedragscode.')), RULE)[0]!;
    assert.deepEqual(f.fixes.map((x) => [x.preferred, x.edits.length, x.configEdit]), [[false, 0, { path: ['vocabulary', 'accept'], value: 'NVVK' }]]);
  });

  it('headings and table cells are not the first use; the explanation may still come later', () => {
    const text = '# De NVVK en de schulden\n\n| NVVK | tekst |\n|---|---|\n| a | b |\n\nDe Nederlandse Vereniging voor Volkskrediet (NVVK) is een vereniging.\n';
    assert.deepEqual(of(md(text), RULE), []);
  });

  it('code, URLs and the reference list are not checked', () => {
    const text = nl('Zie `XYZQ` en <https://example.org/XYZQ>.\n\n## Literatuur\n\n- XYZQ (2020). Een rapport.');
    assert.deepEqual(of(md(text), RULE), []);
  });

  it('mixed-case forms (Wmo, Wgs), Roman numerals, single capitals and shouted sentences are not acronyms', () => {
    assert.deepEqual(of(md(nl('De Wmo en de Wgs gelden. Hoofdstuk II en fase III gaan daarover. A en B.')), RULE), []);
    assert.deepEqual(of(md(nl('DE GEMEENTE WERKT SAMEN MET HET XYZQ.')), RULE), []);
  });

  it('possessives and hyphenated compounds use the acronym itself', () => {
    const text = '# Report\n\nThe XYZQ\'s rules and XYZQ-funded projects are new.\n';
    assert.deepEqual(of(md(text), RULE).map((f) => f.data!.acronym), ['XYZQ']);
    assert.deepEqual(flagged(md(text), text, RULE), ['XYZQ'], 'the finding covers the acronym, not the possessive');
    const nlText = nl('De NVVK-gedragscode is streng. De UWV-uitkering is laag.');
    assert.deepEqual(flagged(md(nlText), nlText, RULE), ['NVVK']);
    // An explanation before a compound counts for it.
    assert.deepEqual(of(md(nl('De Nederlandse Vereniging voor Volkskrediet (NVVK) is een vereniging. De NVVK-gedragscode is streng.')), RULE), []);
  });

  it('audience academic: an acronym used once is fine (minUses 2)', () => {
    const once = nl('De XYZQ heeft een code.');
    const twice = nl('De XYZQ heeft een code. De XYZQ is streng.');
    const academic = config({ audience: 'academic' });
    assert.equal(of(md(once, { config: academic }), RULE).length, 0);
    assert.equal(of(md(twice, { config: academic }), RULE).length, 1);
    assert.equal(of(md(once), RULE).length, 1);
  });

  it('plain text works the same', () => {
    const text = 'Rapport\n\nDe NVVK heeft een gedragscode. Het Bureau Krediet Registratie (BKR) houdt schulden bij.\n';
    assert.deepEqual(flagged(txt(text), text, RULE), ['NVVK']);
  });

  describe('traps from the seed-2027 sample (test/judged/quiet3-sample.tsv)', () => {
    it('nl + en: an abbreviation alone in quotation marks is mentioned, not used', () => {
      const a = nl("Alle respondenten wisten niet direct wat 'BIC' betekende. De NVVK helpt.");
      assert.deepEqual(flagged(md(a), a, RULE), ['NVVK']);
      const b = '# Report\n\n“SSDI” or similar wording was searched 6 times. The NVVK helps.\n';
      assert.deepEqual(flagged(md(b), b, RULE), ['NVVK']);
    });
    it('nl + en: "full name (ABBR noun)" explains it: "computed tomography (CT scan)", "elektronische patiëntendossier (EPD systeem)"', () => {
      const en = '# Report\n\nTimely access to computed tomography (CT scan) was crucial. A CT takes minutes.\n';
      assert.deepEqual(flagged(md(en), en, RULE), []);
      const t = nl('Het Elektronisch Patiëntendossier (EPD systeem) werkt traag. Het EPD wordt vervangen.');
      assert.deepEqual(flagged(md(t), t, RULE), []);
    });
    it('nl + en: spelled out in the paragraph of its first use, without brackets, counts as explained', () => {
      const en = '# Report\n\nMost subjects are WEIRD: they are from Western, Educated, Industrialized, Rich, and Democratic societies.\n';
      assert.deepEqual(flagged(md(en), en, RULE), []);
      const t = nl('De Nederlandse Vereniging voor Volkskrediet heeft een gedragscode. Elk lid van de NVVK volgt die.');
      assert.deepEqual(flagged(md(t), t, RULE), []);
      // In another paragraph it is no explanation of the first use.
      const far = nl('Elk lid van de NVVK volgt de code.\n\nDe Nederlandse Vereniging voor Volkskrediet heeft een gedragscode.');
      assert.deepEqual(flagged(md(far), far, RULE), ['NVVK']);
    });
    it('nl + en: VPN and R&D are known to every reader (well-known lists)', () => {
      const en = '# Report\n\nSome systems have VPN requirements. The hospital R&D department helped.\n';
      assert.deepEqual(flagged(md(en), en, RULE), []);
      const t = nl('Medewerkers loggen in via VPN. De afdeling R&D hielp mee.');
      assert.deepEqual(flagged(md(t), t, RULE), []);
    });
  });
});
