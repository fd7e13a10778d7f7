import type { RuleMeta } from '../types.js';
import { message } from '../types.js';
import { termRule } from './term-rule.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';

const meta: RuleMeta = {
  id: 'vocabulary/jargon',
  languages: ['nl', 'en'],
  defaultSeverity: 'warning',
  description: message('Research and policy words that practitioners say differently.', 'Onderzoeks- en beleidswoorden die professionals anders zeggen.'),
  rationale: message(
    'Professionals say research uses other words than they do for the same things. Words from research or policy (implementation, intervention, operationalise) keep findings from landing; the words of practice carry them.',
    'Professionals zeggen dat onderzoek andere woorden gebruikt dan zij voor dezelfde dingen. Woorden uit onderzoek of beleid (implementatie, interventie, operationaliseren) houden de bevindingen uit de praktijk; de woorden van de praktijk brengen ze erin.',
  ),
  // Warnings per 1,000 words at most, only for words with a plain equivalent that always fits (those in
  // the summary or conclusions first); the others are information. A thesis for academics gets fewer.
  // everydayWords: everyday words with a plainer one (assistance, aangezien), for the general public only.
  // technicalWords: exact terms of a method or field (standard deviation, validiteit), for the general public only.
  // academicWords: the academic register (theoretical framework, implicaties): always, outside-theses or never.
  // fieldWords: words of a field of work or of academic writing without a reviewed one-for-one swap
  // (stakeholder, implementation, functionaliteit): hint (found, not shown in the Problems panel) or shown.
  options: {
    practitioner: { warningsPer1000Words: 1, everydayWords: false, technicalWords: false, academicWords: 'outside-theses', fieldWords: 'hint' },
    academic: { warningsPer1000Words: 0.5, everydayWords: false, technicalWords: false, academicWords: 'never', fieldWords: 'hint' },
    general: { warningsPer1000Words: 1.5, everydayWords: true, technicalWords: true, academicWords: 'always', fieldWords: 'shown' },
  },
  // "make a decision" is both jargon and nominal style: the jargon finding has the fix.
  supersedes: ['readability/nominalization'],
};

export const jargon = (vocabulary: Vocabulary) =>
  termRule(
    meta,
    'jargon',
    {
      // What kind of word it is: "Doch" is not research language, "scope" is an English word (session-5 review).
      found: (term, kind) => {
        switch (kind) {
          case 'phrase':
            return message(`"${term}" is stiff, formal wording.`, `"${term}" is stijf, formeel taalgebruik.`);
          case 'officialese':
            return message(`"${term}" is stiff, official wording.`, `"${term}" is stijve, ambtelijke taal.`);
          case 'loanword':
            return message(`"${term}" is an English word in a Dutch text.`, `"${term}" is een Engels woord in een Nederlandse tekst.`);
          case 'academic':
            return message(`"${term}" is research language.`, `"${term}" is onderzoekstaal.`);
          case 'field':
            return message(`"${term}" is policy or management language.`, `"${term}" is beleids- of vaktaal.`);
          case 'technical':
            return message(`"${term}" is a technical term.`, `"${term}" is een vakterm.`);
          case 'everyday':
            return message(`"${term}" is a formal word.`, `"${term}" is een formeel woord.`);
          default:
            return message(`"${term}" is research or policy language.`, `"${term}" is onderzoeks- of beleidstaal.`);
        }
      },
      examples: true,
    },
    vocabulary,
  );
