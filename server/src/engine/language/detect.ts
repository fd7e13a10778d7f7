import { franc } from 'franc-min';
import type { Language } from '../types.js';

// The most frequent function words of each language; few are shared, none of the frequent ones.
const NL = new Set('de het een en van in is dat op te zijn met voor niet die aan er ook als bij door maar om uit dan wat wordt worden naar nog werd hun zij wij we ze ik je hij deze dit over tot kan kunnen moet geen meer veel heeft hebben was waren zo al of wel onder tussen omdat waar hoe wie zich'.split(' '));
const EN = new Set('the a an and of in is that on to are with for not this be at by from but or as it its was were have has had which who their they we you he she will would can could should there been than more most into about also these those such what when how our your'.split(' '));

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
