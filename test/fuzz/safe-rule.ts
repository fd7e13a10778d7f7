/**
 * A test rule that offers a *safe* fix for every occurrence of a word anywhere in the raw
 * document — in prose, quotations, code, math, URLs, front matter, headings alike — so that
 * the engine's guard, not the rule, must keep fixes off what they may not touch.
 */
import { Engine } from '../../server/src/index.js';
import type { DocumentRule } from '../../server/src/engine/rules/types.js';
import { parseLatex } from '../../server/src/engine/formats/latex.js';
import { flat } from '../../server/src/engine/text/view.js';
import { testRuleMeta } from '../helpers/rule-meta.js';

export const SWAP_RULE_ID = 'test/swap';

export function swapRule(swaps: Record<string, string>): DocumentRule {
  const words = Object.keys(swaps);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${words.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return {
    meta: testRuleMeta(SWAP_RULE_ID, { description: { en: 'Test swap', nl: 'Testwissel' }, options: { maxWords: 0 } }),
    scope: 'document',
    check(doc) {
      const out = [];
      for (const m of flat(doc.text).matchAll(re)) {
        const offset = m.index!;
        const endOffset = offset + m[0].length;
        const newText = swaps[m[0]]!;
        out.push({
          message: { en: `"${m[0]}": say "${newText}"`, nl: `"${m[0]}": zeg "${newText}"` },
          offset,
          endOffset,
          fixes: [{ title: { en: `Replace with "${newText}"`, nl: `Vervang door "${newText}"` }, preferred: true, kind: 'safe' as const, edits: [{ offset, endOffset, newText }] }],
        });
      }
      return out;
    },
  };
}

/** An engine with the swap rule and the LaTeX adapter (no dictionaries: only the swap rule fixes). */
export function swapEngine(swaps: Record<string, string>): Engine {
  return new Engine({ rules: [swapRule(swaps)], formats: { latex: (text, config) => parseLatex(text, config.latex) } });
}
