import { franc } from 'franc-min';
import type { Language } from '../types.js';

import hints from '../../../../dictionaries/language-hints.json' with { type: 'json' };

// The most frequent function words of each language (dictionaries/language-hints.json); few are shared, none of the frequent ones.
const NL: ReadonlySet<string> = new Set(hints.languages.nl.functionWords);
const EN: ReadonlySet<string> = new Set(hints.languages.en.functionWords);

/** Dutch or English by function words; undefined when neither has a clear lead. */
export function detectByFunctionWords(text: string): Language | undefined {
  let nl = 0;
  let en = 0;
  const re = /[\p{L}']+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const w = m[0].toLowerCase();
    if (NL.has(w)) nl++;
    if (EN.has(w)) en++;
  }
  if (nl === en) return undefined;
  if (nl + en < 2) return undefined;
  return nl > en ? 'nl' : 'en';
}

/**
 * Dutch or English: franc (trigrams, limited to nld/eng) for longer texts, function words
 * for short ones and when franc cannot decide.
 */
export function detectLanguage(text: string, fallback: Language = 'nl'): Language {
  const sample = text.length > 6000 ? text.slice(0, 6000) : text;
  if (sample.length >= 60) {
    const code = franc(sample, { only: ['nld', 'eng'], minLength: 20 });
    if (code === 'nld') {
      // franc on text with many names or numbers can be wrong; function words confirm.
      const fw = detectByFunctionWords(sample);
      return fw === 'en' && sample.length < 400 ? 'en' : 'nl';
    }
    if (code === 'eng') {
      const fw = detectByFunctionWords(sample);
      return fw === 'nl' && sample.length < 400 ? 'nl' : 'en';
    }
  }
  return detectByFunctionWords(sample) ?? fallback;
}
