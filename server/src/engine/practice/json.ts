import type { Language } from '../types.js';
import type { PracticeFit } from './types.js';

/** The practice-fit card as JSON output carries it: titles and advice in the document's language (or `language`). */
export function practiceFitJson(fit: PracticeFit, language: Language = fit.language) {
  return {
    items: fit.items.map((i) => ({
      id: i.id,
      insight: i.insight,
      title: i.title[language],
      status: i.status,
      evidence: i.evidence.map((e) => ({ line: e.line, text: e.text })),
      advice: i.advice[language],
    })),
    found: fit.found,
    applicable: fit.applicable,
    handles: {
      recommendations: fit.handles.forPractice,
      withActor: fit.handles.withActor,
      forResearch: fit.handles.recommendations.length - fit.handles.forPractice,
    },
  };
}
