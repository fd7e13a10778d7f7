import type { DocumentRule } from '../types.js';
import { message } from '../types.js';
import { clientPerspective } from './analysis.js';
import { clientWords } from '../../text/client-words.js';
import type { Language } from '../../types.js';

/** Survey data that others collected from residents or patients (a health monitor, a residents' survey), per language. */
const surveyData: Partial<Record<Language, RegExp>> = {};
export function usesClientSurveyData(text: string, language: Language): boolean {
  const re = (surveyData[language] ??= new RegExp(`(?<![\\p{L}])(?:${clientWords(language, 'methods', 'clientSurveyData').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})`, 'iu'));
  return re.test(text);
}

function cut(s: string, max = 110): string {
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

export const noInvolvement: DocumentRule = {
  scope: 'document',
  meta: {
    id: 'client/no-involvement',
    languages: ['nl', 'en'],
    defaultSeverity: 'info',
    description: message(
      'A method section without clients as a data source or as participants in the research (only professionals, documents, statistics).',
      'Een methodehoofdstuk zonder cliënten als bron of als deelnemers aan het onderzoek (alleen professionals, documenten, cijfers).',
    ),
    rationale: message(
      'Professionals miss the client perspective in research. GRIPP2 and ZonMw ask how the people concerned took part: as a source (interviews, a survey, a focus group) or in shaping the research (experts by experience, a client council, co-researchers) — "not about us without us".',
      'Professionals missen het cliëntperspectief in onderzoek. GRIPP2 en ZonMw vragen hoe de betrokkenen meededen: als bron (interviews, een vragenlijst, een focusgroep) of bij het vormgeven van het onderzoek (ervaringsdeskundigen, een cliëntenraad, medeonderzoekers) — "niet over ons zonder ons".',
    ),
    options: { practitioner: {}, academic: {}, general: {} },
  },
  check(doc) {
    const cp = clientPerspective(doc);
    if (cp.verdict === 'not-applicable' || cp.method.involvesClients || !cp.method.section) return [];
    const s = cp.method.section;
    // Only a method section that itself describes how data were collected (from professionals, or
    // with clients explicitly left out or only announced): a heading taken for a method section in a
    // handbook or a data guide describes no research.
    const inside = (e: { offset: number }) => e.offset >= s.offset && e.offset < s.contentEnd;
    if (![...cp.method.professionalSources, ...cp.method.notInvolved, ...cp.method.planned].some(inside)) return [];
    // Survey data that others collected from residents or patients (a health monitor): clients are a secondary source.
    if (usesClientSurveyData(doc.text.slice(s.offset, s.contentEnd), doc.language)) return [];
    const en: string[] = [];
    const nl: string[] = [];
    const p = cp.method.professionalSources[0];
    if (p) {
      en.push(`it names professionals ("${cut(p.text)}", line ${p.line})`);
      nl.push(`ze noemt wel professionals ("${cut(p.text)}", regel ${p.line})`);
    }
    const n = cp.method.notInvolved[0];
    if (n) {
      en.push(`it says clients were not a source ("${cut(n.text)}", line ${n.line})`);
      nl.push(`de tekst zegt dat cliënten geen bron waren ("${cut(n.text)}", regel ${n.line})`);
    }
    const pl = cp.method.planned[0];
    if (pl) {
      en.push(`client methods are only announced or recommended ("${cut(pl.text)}", line ${pl.line})`);
      nl.push(`methoden onder cliënten worden alleen aangekondigd of aanbevolen ("${cut(pl.text)}", regel ${pl.line})`);
    }
    const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
    const ev = en.length ? ` ${cap(en.join('; '))}.` : '';
    const evNl = nl.length ? ` ${cap(nl.join('; '))}.` : '';
    return [
      {
        offset: s.offset,
        endOffset: s.endOffset,
        message: {
          en: `The method names no clients as a data source or as participants in the research.${ev} Consider interviews, a focus group or a short survey with clients, or experts by experience who help shape the research.`,
          nl: `De methode noemt geen cliënten als bron of als deelnemers aan het onderzoek.${evNl} Denk aan interviews, een focusgroep of een korte vragenlijst onder cliënten, of aan ervaringsdeskundigen die het onderzoek mee vormgeven.`,
        },
        data: {
          professionalSources: cp.method.professionalSources,
          notInvolved: cp.method.notInvolved,
          plannedClientMethods: cp.method.planned,
          verdict: cp.verdict,
        },
      },
    ];
  },
};
