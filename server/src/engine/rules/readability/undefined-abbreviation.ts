import type { BlockAnalyzer, DocumentRule } from '../types.js';
import { message } from '../types.js';
import { numberOption } from './options.js';
import type { WellKnownAbbreviations } from './abbreviations.js';

export interface AcronymUse {
  acronym: string;
  start: number;
  end: number;
  /** The block explains it here: "Full name (ABC)" or "ABC (full name)" or "ABC: full name" in a list. */
  defines: boolean;
}

const ROMAN = /^(?:[IVXLCDM]+)$/;

/** Acronyms in a block and whether the block explains them. */
export const acronymAnalyzer: BlockAnalyzer = {
  id: 'acronyms',
  analyze(ab): AcronymUse[] {
    const uses: AcronymUse[] = [];
    const text = ab.block.text;
    for (const s of ab.sentences) {
      for (let i = 0; i < s.words.length; i++) {
        const w = s.words[i]!;
        // The acronym of a possessive or a compound: UWV's, NVVK-gedragscode, DWP-funded.
        const acronym = w.text.replace(/['’]s$/, '').replace(/-.*$/, '');
        const letters = acronym.replace(/[^\p{L}]/gu, '').length;
        if (letters < 2 || letters > 10 || ROMAN.test(acronym)) continue;
        if (!/^[\p{Lu}][\p{Lu}\p{N}&]+$/u.test(acronym)) continue;
        // A sentence in capitals (a shouted heading) is not a row of acronyms.
        if (s.words.length > 2 && s.words.filter((x) => x.isAcronym).length > s.words.length / 2) break;
        const before = text.slice(Math.max(0, w.start - 2), w.start);
        const after = text.slice(w.end, w.end + 3);
        let defines = false;
        if (/\($/.test(before) && /^\)/.test(after)) {
          // "Wet gemeentelijke schuldhulpverlening (Wgs)": a capitalised or matching word before.
          const lead = text.slice(Math.max(0, w.start - 120), w.start - 1).split(/\s+/).filter(Boolean).slice(-8);
          const initial = acronym[0]!.toLowerCase();
          defines = lead.some((x) => x.replace(/^[^\p{L}]+/u, '').toLowerCase().startsWith(initial));
        } else if (/^\s*\(/.test(text.slice(w.end, w.end + 2))) {
          // "UWV (Uitvoeringsinstituut Werknemersverzekeringen)": two or more words in the brackets.
          const close = text.indexOf(')', w.end);
          const inner = close > 0 ? text.slice(text.indexOf('(', w.end) + 1, close) : '';
          defines = inner.trim().split(/\s+/).length >= 2 || inner.length > acronym.length + 4;
        } else if (i === 0 && /^\s*[:=–—-]\s+\p{L}/u.test(text.slice(w.end, w.end + 4)) && (ab.block.kind === 'listItem' || ab.block.kind === 'tableCell' || ab.block.kind === 'paragraph')) {
          // A glossary line: "UWV: Uitvoeringsinstituut Werknemersverzekeringen".
          defines = true;
        }
        // The finding covers the acronym only, not the rest of "NVVK-gedragscode".
        uses.push({ acronym, start: w.start, end: w.start + acronym.length, defines });
      }
    }
    return uses;
  },
};

export function undefinedAbbreviation(wellKnown: WellKnownAbbreviations): DocumentRule {
  const rule: DocumentRule = {
    scope: 'document',
    meta: {
      id: 'readability/undefined-abbreviation',
      languages: ['nl', 'en'],
      defaultSeverity: 'info',
      description: message('Abbreviations used before or without their explanation.', 'Afkortingen die pas later of nooit worden uitgelegd.'),
      rationale: message(
        'Every field has its own abbreviations, and readers from practice do not know those of research (or of another organisation). Write an abbreviation out in full the first time.',
        'Elk vakgebied heeft zijn eigen afkortingen. Lezers uit de praktijk kennen die van het onderzoek (of van een andere organisatie) niet. Schrijf een afkorting de eerste keer voluit.',
      ),
      options: { practitioner: { minUses: 1 }, academic: { minUses: 2 }, general: { minUses: 1 } },
    },
    check(doc, ctx) {
      const accepted = new Set(doc.config.vocabulary.accept.map((a) => a.toUpperCase()));
      const firstUse = new Map<string, { block: number; start: number; end: number; count: number }>();
      const definedAt = new Map<string, number>();
      let order = 0;
      const orderOfUse = new Map<string, number>();
      doc.blocks.forEach((b, bi) => {
        const uses = (b.facts.acronyms as AcronymUse[] | undefined) ?? [];
        for (const u of uses) {
          order++;
          if (u.defines && !definedAt.has(u.acronym)) definedAt.set(u.acronym, order);
          // Headings, captions and tables do not count as the first use in running text.
          const prose = b.analysed.block.kind === 'paragraph' || b.analysed.block.kind === 'listItem' || b.analysed.block.kind === 'footnote';
          if (!prose && !u.defines) continue;
          const f = firstUse.get(u.acronym);
          if (!f) {
            firstUse.set(u.acronym, { block: bi, start: u.start, end: u.end, count: 1 });
            orderOfUse.set(u.acronym, order);
          } else f.count++;
        }
      });
      const out = [];
      for (const [acronym, use] of firstUse) {
        if (accepted.has(acronym) || wellKnown.has(doc.language, acronym)) continue;
        if (use.count < numberOption(rule.meta, ctx, 'minUses')) continue;
        const def = definedAt.get(acronym);
        const first = orderOfUse.get(acronym)!;
        if (def !== undefined && def <= first) continue;
        const range = doc.blocks[use.block]!.toDocument(use.start, use.end);
        const later = def !== undefined;
        out.push({
          ...range,
          message: later
            ? message(`"${acronym}" is used before it is explained. Write it out in full here, the first time.`, `"${acronym}" staat hier voordat het is uitgelegd. Schrijf het hier, de eerste keer, voluit.`)
            : message(`"${acronym}" is never explained. Write it out in full the first time, for example "full name (${acronym})".`, `"${acronym}" wordt nergens uitgelegd. Schrijf het de eerste keer voluit, bijvoorbeeld "volledige naam (${acronym})".`),
          data: { acronym, explainedLater: later },
          fixes: [{
            title: message(`Accept "${acronym}" in this project`, `Accepteer "${acronym}" in dit project`),
            preferred: false,
            edits: [],
            configEdit: { path: ['vocabulary', 'accept'], value: acronym },
          }],
        });
      }
      return out;
    },
  };
  return rule;
}
