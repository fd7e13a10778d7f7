import type { DocumentFinding, DocumentRule, RuleMeta } from '../types.js';
import { message } from '../types.js';
import type { Fix, Message } from '../../types.js';
import { matchCase, sentenceCase } from '../../text/case.js';
import { normalizeWord, possessiveSuffix } from '../../vocabulary/lexicon.js';
import { suggestionsFor } from '../../vocabulary/compile.js';
import type { VocabularyFacts } from './analyzer.js';

export interface TermRuleText {
  /** The first sentence of the message: what the term is. */
  found(term: string): Message;
}

/**
 * A rule over dictionary terms of one kind (jargon, person-first): a finding per use, with a
 * replacement fix per suggestion (case and inflection kept), "explain on first use" where the
 * entry has a gloss, and "accept in this project".
 */
export function termRule(meta: RuleMeta, kind: 'jargon' | 'person-first', text: TermRuleText): DocumentRule {
  return {
    scope: 'document',
    meta,
    check(doc) {
      const prefer = doc.config.vocabulary.prefer;
      // A word the project prefers (vocabulary.prefer values) is accepted too: the project chose it.
      const accept = new Set([...doc.config.vocabulary.accept, ...Object.values(prefer)].map(normalizeWord));
      const out: DocumentFinding[] = [];
      const firstUse = new Set<string>();
      for (const b of doc.blocks) {
        const facts = b.facts.vocabulary as VocabularyFacts | undefined;
        if (!facts) continue;
        for (const use of facts.terms) {
          const { entry, dictionary } = use.hit;
          if (use.hit.kind !== kind) continue;
          if (accept.has(normalizeWord(entry.term)) || accept.has(normalizeWord(use.text))) continue;
          const range = b.toDocument(use.start, use.end);
          const suggestions = suggestionsFor(use.hit, prefer);
          const first = !firstUse.has(entry.id);
          firstUse.add(entry.id);
          const fixes: Fix[] = [];
          // A compound (implementatieplan) needs rewording by hand: the linking letters change.
          if (!use.compound) {
            const suffix = possessiveSuffix(use.text, use.hit.form >= 0 ? entry.forms![use.hit.form]! : entry.term);
            for (const s of suggestions) {
              const newText = sentenceCase(use.text, matchCase(use.text, s, entry.term), use.sentenceStart) + suffix;
              fixes.push({
                title: message(`Replace with "${newText}"`, `Vervang door "${newText}"`),
                preferred: suggestions.length === 1,
                edits: [{ ...range, newText }],
              });
            }
          }
          if (entry.gloss && first) {
            fixes.push({
              title: message('Explain on first use', 'Leg uit bij het eerste gebruik'),
              preferred: false,
              edits: [{ offset: range.endOffset, endOffset: range.endOffset, newText: ` (${entry.gloss})` }],
            });
          }
          fixes.push({
            title: message(`Accept "${entry.term}" in this project`, `Accepteer "${entry.term}" in dit project`),
            preferred: false,
            edits: [],
            configEdit: { path: ['vocabulary', 'accept'], value: entry.term },
          });
          const found = text.found(use.text);
          const quoted = suggestions.map((s) => `"${s}"`);
          out.push({
            ...range,
            message: {
              en: `${found.en} Practitioners say ${joinAlternatives(quoted, 'or')}. ${dictionary.language === 'en' ? entry.reason : ''}`.trim(),
              nl: `${found.nl} In de praktijk: ${joinAlternatives(quoted, 'of')}. ${dictionary.language === 'nl' ? entry.reason : ''}`.trim(),
            },
            fixes,
            data: { entryId: entry.id, term: entry.term, matched: use.text, suggestions, domain: dictionary.domain, ...(use.compound ? { compound: use.compound } : {}) },
          });
        }
      }
      return out;
    },
  };
}

/** "a", "b" or "c" */
function joinAlternatives(items: string[], or: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}
