import type { BlockAnalyzer, Rule } from '../types.js';
import { longSentence } from './long-sentence.js';
import { hardParagraph } from './hard-paragraph.js';
import { longParagraph } from './long-paragraph.js';
import { passiveVoice } from './passive-voice.js';
import { nominalization } from './nominalization.js';
import { sectionScore } from './section-score.js';
import { acronymAnalyzer, undefinedAbbreviation } from './undefined-abbreviation.js';
import type { WellKnownAbbreviations } from './abbreviations.js';

export function readabilityRules(wellKnown: WellKnownAbbreviations): Rule[] {
  return [longSentence, hardParagraph, longParagraph, passiveVoice, nominalization, sectionScore, undefinedAbbreviation(wellKnown)];
}

export const readabilityAnalyzers: BlockAnalyzer[] = [acronymAnalyzer];
