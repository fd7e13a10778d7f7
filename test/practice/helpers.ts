import { lint } from '../../server/src/index.js';
import type { LintResult } from '../../server/src/index.js';
import type { Language } from '../../server/src/engine/types.js';
import type { PracticeFit, PracticeItem } from '../../server/src/engine/practice/types.js';

export function fitOf(r: LintResult): PracticeFit {
  return r.analyses.practiceFit as PracticeFit;
}

export function check(text: string, language: Language, path = 'doc.md'): { r: LintResult; fit: PracticeFit } {
  const r = lint(text, { path, language });
  return { r, fit: fitOf(r) };
}

export function item(fit: PracticeFit, id: string): PracticeItem {
  return fit.items.find((i) => i.id === id)!;
}

/** A method context, so that insights that need a study apply (invented, free of other cues). */
export const STUDY: Record<Language, string> = {
  nl: '## Methode\n\nDe deelnemers vulden een vragenlijst in.\n\n',
  en: '## Methods\n\nThe participants filled in a questionnaire.\n\n',
};
