import type { Counts, Language, Message, Metrics } from '../types.js';

/** Readability formulas as pure functions over counts (sources: research note §1, vectors.json). */

export function fleschDouma(words: number, sentences: number, syllables: number): number {
  return 206.84 - 0.93 * (words / sentences) - 77 * (syllables / words);
}

export function brouwer(words: number, sentences: number, syllables: number): number {
  return 195 - 2 * (words / sentences) - (200 / 3) * (syllables / words);
}

export function fleschReadingEase(words: number, sentences: number, syllables: number): number {
  return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);
}

export function fleschKincaidGrade(words: number, sentences: number, syllables: number): number {
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

export function gunningFog(words: number, sentences: number, complexWords: number): number {
  return 0.4 * (words / sentences + 100 * (complexWords / words));
}

export function smog(sentences: number, polysyllables: number): number {
  return 1.043 * Math.sqrt(polysyllables * (30 / sentences)) + 3.1291;
}

export function colemanLiau(words: number, sentences: number, letters: number): number {
  return 0.0588 * ((100 * letters) / words) - 0.296 * ((100 * sentences) / words) - 15.8;
}

export function automatedReadability(words: number, sentences: number, characters: number): number {
  return 4.71 * (characters / words) + 0.5 * (words / sentences) - 21.43;
}

export function lix(words: number, sentences: number, longWords: number): number {
  return words / sentences + (100 * longWords) / words;
}

export function emptyCounts(): Counts {
  return { words: 0, sentences: 0, syllables: 0, syllableWords: 0, letters: 0, characters: 0, longWords: 0, polysyllables: 0, complexWords: 0, longSentences: 0, passives: 0 };
}

/** Whether two counts are the same in every field. */
export function sameCounts(a: Counts, b: Counts): boolean {
  return (
    a.words === b.words &&
    a.sentences === b.sentences &&
    a.syllables === b.syllables &&
    a.syllableWords === b.syllableWords &&
    a.letters === b.letters &&
    a.characters === b.characters &&
    a.longWords === b.longWords &&
    a.polysyllables === b.polysyllables &&
    a.complexWords === b.complexWords &&
    a.longSentences === b.longSentences &&
    a.passives === b.passives
  );
}

export function addCounts(into: Counts, c: Counts): Counts {
  into.words += c.words;
  into.sentences += c.sentences;
  into.syllables += c.syllables;
  into.syllableWords += c.syllableWords;
  into.letters += c.letters;
  into.characters += c.characters;
  into.longWords += c.longWords;
  into.polysyllables += c.polysyllables;
  into.complexWords += c.complexWords;
  into.longSentences += c.longSentences;
  into.passives += c.passives;
  return into;
}

const round = (x: number, digits = 1) => {
  if (!Number.isFinite(x)) return 0;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Douma's bands in today's words (research note §1.1), and the Flesch Reading Ease bands. */
export function scoreBand(score: number, language: Language): Message {
  if (language === 'nl') {
    if (score < 30) return { nl: 'zeer moeilijk', en: 'very difficult' };
    if (score < 45) return { nl: 'moeilijk', en: 'difficult' };
    if (score < 60) return { nl: 'vrij moeilijk', en: 'fairly difficult' };
    if (score < 70) return { nl: 'normaal', en: 'standard' };
    if (score < 80) return { nl: 'vrij makkelijk', en: 'fairly easy' };
    if (score < 90) return { nl: 'makkelijk', en: 'easy' };
    return { nl: 'zeer makkelijk', en: 'very easy' };
  }
  if (score < 30) return { nl: 'zeer moeilijk', en: 'very confusing' };
  if (score < 50) return { nl: 'moeilijk', en: 'difficult' };
  if (score < 60) return { nl: 'vrij moeilijk', en: 'fairly difficult' };
  if (score < 70) return { nl: 'normaal', en: 'plain English' };
  if (score < 80) return { nl: 'vrij makkelijk', en: 'fairly easy' };
  if (score < 90) return { nl: 'makkelijk', en: 'easy' };
  return { nl: 'zeer makkelijk', en: 'very easy' };
}

/**
 * Metrics from counts. Syllable averages use only the words that count for syllables
 * (numbers and all-caps acronyms are left out: "2023" and "UWV" say nothing about how
 * hard the words of a text are). With no sentences or words every score is 0.
 */
export function metricsOf(c: Counts, language: Language): Metrics {
  const words = c.words;
  const sentences = Math.max(c.sentences, words > 0 ? 1 : 0);
  const ok = words > 0 && sentences > 0;
  const sw = c.syllableWords > 0 ? c.syllableWords : words;
  // Formulas take syllables per word; scale the syllables of counted words up to all words.
  const syllablesAll = c.syllableWords > 0 ? (c.syllables / sw) * words : words;
  const m: Metrics = {
    words,
    sentences: c.sentences,
    syllables: c.syllables,
    longWords: c.longWords,
    averageSentenceLength: ok ? round(words / sentences) : 0,
    averageSyllablesPerWord: ok ? round(syllablesAll / words, 2) : 0,
    longSentenceShare: c.sentences > 0 ? round(c.longSentences / c.sentences, 3) : 0,
    passiveShare: c.sentences > 0 ? round(c.passives / c.sentences, 3) : 0,
    lix: ok ? round(lix(words, sentences, c.longWords)) : 0,
    score: 0,
    band: { nl: '', en: '' },
  };
  if (language === 'nl') {
    m.fleschDouma = ok ? round(fleschDouma(words, sentences, syllablesAll)) : 0;
    m.brouwer = ok ? round(brouwer(words, sentences, syllablesAll)) : 0;
    m.score = m.fleschDouma;
  } else {
    m.fleschReadingEase = ok ? round(fleschReadingEase(words, sentences, syllablesAll)) : 0;
    m.fleschKincaidGrade = ok ? round(fleschKincaidGrade(words, sentences, syllablesAll)) : 0;
    m.gunningFog = ok ? round(gunningFog(words, sentences, c.complexWords)) : 0;
    m.smog = ok ? round(smog(sentences, c.polysyllables)) : 0;
    m.colemanLiau = ok ? round(colemanLiau(words, sentences, c.letters)) : 0;
    m.automatedReadability = ok ? round(automatedReadability(words, sentences, c.characters)) : 0;
    m.score = m.fleschReadingEase;
  }
  // The Flesch scales run from 0 to 100; very short or very long sentences push the formula past
  // them (107, −564). The headline score shows the scale's end; the formula's value stays in
  // fleschDouma / fleschReadingEase and in rawScore, for the hover and for data.
  if (m.score < 0 || m.score > 100) {
    m.rawScore = m.score;
    m.score = Math.min(100, Math.max(0, m.score));
  }
  m.band = ok ? scoreBand(m.score, language) : { nl: 'geen tekst', en: 'no text' };
  return m;
}
