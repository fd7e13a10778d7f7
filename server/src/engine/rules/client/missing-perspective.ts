import type { Message } from '../../types.js';
import type { DocumentFinding, DocumentModel, DocumentRule } from '../types.js';
import { message } from '../types.js';
import type { ClientPerspective } from './analysis.js';
import { clientPerspective, ratioText, VERDICT_OPTIONS } from './analysis.js';
import { SCAFFOLD_HEADING, scaffoldFix } from './scaffold.js';
import { usesClientSurveyData } from './no-involvement.js';
import { countText, numberText } from '../../text/numbers.js';

/** "klanten 7, inwoners 4, cliënten 3" */
function terms(list: Array<{ term: string; count: number }>, max = 3): string {
  return list.slice(0, max).map((t) => `${t.term} ${t.count}`).join(', ');
}

function cut(s: string, max = 110): string {
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

/** The evidence behind a verdict, as a writer can check it in the text. */
export function evidenceMessage(cp: ClientPerspective): Message {
  const en: string[] = [];
  const nl: string[] = [];
  const ct = terms(cp.clientTerms);
  const pt = terms(cp.professionalTerms);
  // A whole number: the exact rate (in the finding's data) moves with every word typed, and a
  // message that changes at each keystroke makes the editor re-show the diagnostic each time.
  const rate = Math.round(cp.clientMentionsPer1000);
  en.push(`${countText(rate, 'en', 'client mention', 'client mentions')} per 1,000 words${ct ? ` (${ct})` : ''}`);
  nl.push(`${numberText(rate, 'nl')} keer cliënten per 1.000 woorden${ct ? ` (${ct})` : ''}`);
  en.push(`clients : professionals ${ratioText(cp, 'en')}${pt ? ` (${pt})` : ''}`);
  nl.push(`cliënten : professionals ${ratioText(cp, 'nl')}${pt ? ` (${pt})` : ''}`);
  if (cp.clientQuotes) {
    en.push(`${cp.clientQuotes} quotation${cp.clientQuotes === 1 ? '' : 's'} from clients (line ${cp.quotes[0]!.line})`);
    nl.push(`${cp.clientQuotes} ${cp.clientQuotes === 1 ? 'citaat' : 'citaten'} van cliënten (regel ${cp.quotes[0]!.line})`);
  } else {
    en.push(cp.professionalQuotes ? `no quotations from clients (${cp.professionalQuotes} from professionals)` : 'no quotations from clients');
    nl.push(cp.professionalQuotes ? `geen citaten van cliënten (wel ${cp.professionalQuotes} van professionals)` : 'geen citaten van cliënten');
  }
  const st = cp.voiceStatements + cp.experienceStatements;
  en.push(st ? `${st} statement${st === 1 ? '' : 's'} of what clients said or experienced` : 'no statements of what clients said or experienced');
  nl.push(st ? `${st} uitspra${st === 1 ? 'ak' : 'ken'} over wat cliënten zeiden of ervoeren` : 'geen uitspraken over wat cliënten zeiden of ervoeren');
  const m = cp.method;
  if (m.asDataSource || m.asCoResearchers) {
    const src = m.clientSources[0] ?? cp.involvement[0];
    const silent = m.asDataSource && cp.clientQuotes + cp.voiceStatements + cp.experienceStatements === 0;
    en.push(`method: clients ${m.asDataSource ? 'named as a data source' : 'involved'}${src ? ` ("${cut(src.text)}", line ${src.line})` : ''}${silent ? ', but nothing they said or experienced appears in the text' : ''}`);
    nl.push(`methode: cliënten ${m.asDataSource ? 'genoemd als bron' : 'betrokken'}${src ? ` ("${cut(src.text)}", regel ${src.line})` : ''}${silent ? ', maar wat zij zeiden of ervoeren staat nergens in de tekst' : ''}`);
  } else if (m.notInvolved.length) {
    const n = m.notInvolved[0]!;
    en.push(`method: clients not a source ("${cut(n.text)}", line ${n.line})`);
    nl.push(`methode: cliënten geen bron ("${cut(n.text)}", regel ${n.line})`);
  } else if (m.professionalSources.length) {
    const p = m.professionalSources[0]!;
    en.push(`method: only professionals as a source ("${cut(p.text)}", line ${p.line})`);
    nl.push(`methode: alleen professionals als bron ("${cut(p.text)}", regel ${p.line})`);
  } else {
    en.push('method: no clients as a source');
    nl.push('methode: geen cliënten als bron');
  }
  return { en: en.join('; '), nl: nl.join('; ') };
}

/** The title heading, else the first heading, else the first block of text: where a document-level finding sits. */
export function documentAnchor(doc: DocumentModel): { offset: number; endOffset: number } {
  const title = doc.sections.find((s) => s.role === 'title') ?? doc.sections[0];
  if (title) return { offset: title.offset, endOffset: title.endOffset };
  const first = doc.blocks.find((b) => b.source.text.trim().length > 0);
  if (first) {
    const t = first.source.text;
    const nl = t.indexOf('\n');
    return first.toDocument(0, nl > 0 ? nl : t.length);
  }
  return { offset: 0, endOffset: 0 };
}

export const missingPerspective: DocumentRule = {
  scope: 'document',
  meta: {
    id: 'client/missing-perspective',
    languages: ['nl', 'en'],
    defaultSeverity: 'warning',
    description: message(
      'A report about people that gives them no voice: no quotations or experiences of clients, no method that involves them.',
      'Een rapport over mensen dat hen niet aan het woord laat: geen citaten of ervaringen van cliënten, geen methode die hen betrekt.',
    ),
    rationale: message(
      'The first thing professionals said about research: the client perspective gets too little attention. Professionals work with citizens; research that only hears staff, documents and statistics misses what they need to know.',
      'Het eerste wat professionals over onderzoek zeiden: het cliëntperspectief komt te weinig aan bod. Professionals werken met burgers; onderzoek dat alleen medewerkers, documenten en cijfers hoort, mist wat zij moeten weten.',
    ),
    options: VERDICT_OPTIONS,
  },
  check(doc, ctx) {
    const cp = clientPerspective(doc);
    if (cp.verdict !== 'absent') return [];
    // Asking for client voices helps only a report of research about clients. Not shown by default
    // (the verdict stays in the report): a document that reports no research of its own (a handbook,
    // a data guide, a web page), and a study of staff (its method heard professionals) that names
    // clients rarely — its subject is the staff's work, not the clients.
    const on = (x: unknown) => x === true || x === 'true';
    // A text that addresses its reader throughout ("you", "u") is a guide or a handbook: the research it mentions is
    // that of others (cited), and its genre has no clients to hear.
    const guide = (cp.readerAddressPer1000 ?? 0) >= Number(ctx.options.guideReaderAddressPer1000 ?? Infinity);
    if ((!cp.reportsResearch || guide) && !on(ctx.options.withoutResearch)) return [];
    if (cp.participantsAre === 'professionals' && cp.participantsResolvedBy === 'method' && cp.clientMentionsPer1000 < Number(ctx.options.minMentionsPer1000StaffStudy ?? 0)) return [];
    // A report whose method draws on surveys that others held among the people concerned (a health monitor, a
    // residents' survey): they are heard, in numbers, through those surveys; whether to add their own words is a choice
    // of study design, not of writing (judged false in the s5 blind sample: "a population-level indicator scan;
    // residents' views enter through self-report surveys"). The same test keeps client/no-involvement quiet there.
    const m = cp.method.section;
    if (m && usesClientSurveyData(doc.text.slice(m.offset, m.contentEnd), doc.language)) return [];
    const ev = evidenceMessage(cp);
    const anchor = documentAnchor(doc);
    const fix = scaffoldFix(doc);
    const hasSection = doc.sections.some((s) => SCAFFOLD_HEADING.test(s.title.trim()));
    const f: DocumentFinding = {
      ...anchor,
      message: {
        en: `Clients are talked about, but they do not speak in this report. Evidence: ${ev.en}. Professionals ask research to put clients at the centre: add what clients say and experience, or explain why they could not be heard.${hasSection ? ' The report has a client-perspective section: fill it in.' : ''}`,
        nl: `Het rapport spreekt over cliënten, maar zij komen er zelf niet aan het woord. Bewijs: ${ev.nl}. Professionals vragen onderzoek om de cliënt centraal te stellen: laat zien wat cliënten zeggen en ervaren, of leg uit waarom zij niet gehoord konden worden.${hasSection ? ' Het rapport heeft een hoofdstuk over het cliëntperspectief: vul dat in.' : ''}`,
      },
      data: {
        verdict: cp.verdict,
        clientMentions: cp.clientMentions,
        professionalMentions: cp.professionalMentions,
        clientMentionsPer1000: cp.clientMentionsPer1000,
        clientToProfessionalRatio: cp.clientToProfessionalRatio,
        clientTerms: cp.clientTerms,
        professionalTerms: cp.professionalTerms,
        clientQuotes: cp.clientQuotes,
        professionalQuotes: cp.professionalQuotes,
        experienceStatements: cp.voiceStatements + cp.experienceStatements,
        methodInvolvesClients: cp.method.involvesClients,
        professionalSources: cp.method.professionalSources,
        notInvolved: cp.method.notInvolved,
        plannedClientMethods: cp.method.planned,
        quotes: cp.quotes,
        statements: cp.statements,
        keySections: cp.keySections.map((k) => ({ title: k.title, line: k.line, role: k.role, mentionsClients: k.mentionsClients })),
        sectionsMentioningClients: cp.sections.filter((x) => x.clientMentions > 0 && x.role !== 'title').slice(0, 20).map((x) => ({ title: x.title, line: x.line, clientMentions: x.clientMentions })),
        reasons: cp.reasons,
      },
      related: [...cp.method.notInvolved, ...cp.method.professionalSources].slice(0, 4).map((e) => ({
        offset: e.offset,
        endOffset: e.endOffset,
        message: message(`Method: ${cut(e.text, 80)}`, `Methode: ${cut(e.text, 80)}`),
      })),
    };
    if (fix) f.fixes = [fix];
    return [f];
  },
};
