/**
 * The client's own UI strings, in Dutch and English. They follow the document's language,
 * or the `brug.messages` setting when it is nl or en. Kept few and plain on purpose:
 * everything about the text itself comes from the server, which has its own messages.
 * No `vscode` import here, so the report renderer and tests can use it outside VS Code.
 */

export type Lang = 'nl' | 'en';

const en = {
  statusTooltip: 'Brug: how well this document reaches practitioners. Click to open the report.',
  statusOff: 'Brug: off for this document',
  statusOffTooltip: 'Brug does not check this document. Run "Brug: Toggle for this document" to check it again.',
  statusStarting: 'Brug: starting…',
  statusNoServer: 'Brug: not running',
  statusTooLarge: 'Brug: document too large',
  score: 'score',
  clientPerspective: 'client perspective',
  languageName: { nl: 'Dutch', en: 'English' } as Record<string, string>,
  noDocument: 'Open a Markdown, LaTeX or text document to use Brug.',
  notSupported: 'Brug checks Markdown, LaTeX, Quarto, R Markdown and plain text documents.',
  serverFailed: 'Brug could not start its language server.',
  requestFailed: 'Brug could not complete this: {0}',
  toggledOff: 'Brug no longer checks {0}.',
  toggledOn: 'Brug checks {0} again.',
  workspaceChecked: 'Brug checked the workspace.',
  workspaceCheckedCount: 'Brug checked {0} documents and found {1} findings.',
  disabled: 'Brug is switched off (setting brug.enable).',
  // Report view
  reportTitle: 'Brug report: {0}',
  reportHeading: 'Report',
  reportLoading: 'Brug is reading the document…',
  reportEmpty: 'Brug has no report for this document. Is Brug switched off for it? Run "Brug: Toggle for this document" to check it again.',
  reportError: 'Brug could not make the report: {0}',
  metrics: 'Document',
  sections: 'Readability per section',
  sectionsNone: 'This document has no headings, so there are no sections to compare.',
  sectionScoreHelp: 'Higher is easier to read. The line marks the target for this audience.',
  findings: 'Findings per rule',
  findingsNone: 'No findings.',
  more: '… and {0} more',
  clientHeading: 'Client perspective',
  clientNone: 'No client-perspective analysis for this document.',
  evidence: 'Evidence',
  line: 'line {0}',
  target: 'target',
  updated: 'Updated {0}',
  words: 'Words',
  sentences: 'Sentences',
  wordsPerSentence: 'Words per sentence',
  longSentenceShare: 'Long sentences',
  passiveShare: 'Passive sentences',
  language: 'Language',
  readability: 'Readability',
  aboutRule: 'About this rule',
  sectionScoreHelpNoTarget: 'Higher is easier to read.',
  cpPer1000: 'Client mentions per 1,000 words',
  cpRatio: 'Clients : professionals',
  cpNoProfessionals: 'no professionals named',
  cpQuotes: 'Quotes from clients / professionals',
  cpStatements: 'What clients say or experience',
  cpMethod: 'Clients took part in the research',
  cpClientTerms: 'Words for clients',
  cpProfessionalTerms: 'Words for professionals',
  cpQuotesList: 'Quotes',
  cpStatementsList: 'What clients say or experience',
  cpVoice: 'says',
  cpExperience: 'experiences',
  cpClientSources: 'Clients as a source',
  cpNotInvolved: 'Clients not involved',
  cpPlanned: 'Planned or recommended, not done',
  cpInvolvement: 'Involvement of clients',
  cpKeySections: 'Conclusions and recommendations',
  cpNamesClients: 'names clients',
  cpNoClients: 'does not name clients',
  yes: 'yes',
  no: 'no',
  severity: { error: 'error', warning: 'warning', info: 'info', information: 'info', hint: 'hint' } as Record<string, string>,
  sectionColumn: 'Section',
  clientColumn: 'Client',
  moreMeasures: 'More measures ({0})',
  clientMentions: 'client mentions',
  verdict: { present: 'present', partial: 'partial', absent: 'absent', 'not-applicable': 'not applicable' } as Record<string, string>,
  statusPending: 'Brug: checking…',
  statusUnsupported: 'Brug: not checked',
} as const;

export type MessageKey = keyof typeof en;
type Table = { [K in MessageKey]: (typeof en)[K] extends string ? string : Record<string, string> };

const nl: Table = {
  statusTooltip: 'Brug: hoe goed dit document de praktijk bereikt. Klik om het rapport te openen.',
  statusOff: 'Brug: uit voor dit document',
  statusOffTooltip: 'Brug controleert dit document niet. Kies "Brug: Aan/uit voor dit document" om het weer te controleren.',
  statusStarting: 'Brug: start…',
  statusNoServer: 'Brug: werkt niet',
  statusTooLarge: 'Brug: document te groot',
  score: 'score',
  clientPerspective: 'cliëntperspectief',
  languageName: { nl: 'Nederlands', en: 'Engels' },
  noDocument: 'Open een Markdown-, LaTeX- of tekstdocument om Brug te gebruiken.',
  notSupported: 'Brug controleert Markdown, LaTeX, Quarto, R Markdown en platte tekst.',
  serverFailed: 'Brug kon zijn taalserver niet starten.',
  requestFailed: 'Brug kon dit niet afmaken: {0}',
  toggledOff: 'Brug controleert {0} niet meer.',
  toggledOn: 'Brug controleert {0} weer.',
  workspaceChecked: 'Brug heeft de werkmap gecontroleerd.',
  workspaceCheckedCount: 'Brug heeft {0} documenten gecontroleerd en {1} meldingen gevonden.',
  disabled: 'Brug staat uit (instelling brug.enable).',
  reportTitle: 'Brug-rapport: {0}',
  reportHeading: 'Rapport',
  reportLoading: 'Brug leest het document…',
  reportEmpty: 'Brug heeft geen rapport voor dit document. Staat Brug uit voor dit document? Kies "Brug: Aan/uit voor dit document" om het weer te controleren.',
  reportError: 'Brug kon het rapport niet maken: {0}',
  metrics: 'Document',
  sections: 'Leesbaarheid per hoofdstuk',
  sectionsNone: 'Dit document heeft geen kopjes, dus er zijn geen hoofdstukken om te vergelijken.',
  sectionScoreHelp: 'Hoger is makkelijker te lezen. De lijn is het doel voor deze lezers.',
  findings: 'Meldingen per regel',
  findingsNone: 'Geen meldingen.',
  more: '… en nog {0}',
  clientHeading: 'Cliëntperspectief',
  clientNone: 'Geen analyse van het cliëntperspectief voor dit document.',
  evidence: 'Aanwijzingen',
  line: 'regel {0}',
  target: 'doel',
  updated: 'Bijgewerkt {0}',
  words: 'Woorden',
  sentences: 'Zinnen',
  wordsPerSentence: 'Woorden per zin',
  longSentenceShare: 'Lange zinnen',
  passiveShare: 'Zinnen in lijdende vorm',
  language: 'Taal',
  readability: 'Leesbaarheid',
  aboutRule: 'Over deze regel',
  sectionScoreHelpNoTarget: 'Hoger is makkelijker te lezen.',
  cpPer1000: 'Cliënten genoemd per 1.000 woorden',
  cpRatio: 'Cliënten : professionals',
  cpNoProfessionals: 'geen professionals genoemd',
  cpQuotes: 'Citaten van cliënten / professionals',
  cpStatements: 'Wat cliënten zeggen of ervaren',
  cpMethod: 'Cliënten deden mee aan het onderzoek',
  cpClientTerms: 'Woorden voor cliënten',
  cpProfessionalTerms: 'Woorden voor professionals',
  cpQuotesList: 'Citaten',
  cpStatementsList: 'Wat cliënten zeggen of ervaren',
  cpVoice: 'zegt',
  cpExperience: 'ervaart',
  cpClientSources: 'Cliënten als bron',
  cpNotInvolved: 'Cliënten niet betrokken',
  cpPlanned: 'Gepland of aanbevolen, niet gedaan',
  cpInvolvement: 'Betrokkenheid van cliënten',
  cpKeySections: 'Conclusies en aanbevelingen',
  cpNamesClients: 'noemt cliënten',
  cpNoClients: 'noemt geen cliënten',
  yes: 'ja',
  no: 'nee',
  severity: { error: 'fout', warning: 'waarschuwing', info: 'info', information: 'info', hint: 'tip' },
  sectionColumn: 'Hoofdstuk',
  clientColumn: 'Cliënt',
  moreMeasures: 'Meer maten ({0})',
  clientMentions: 'keer cliënt genoemd',
  verdict: { present: 'aanwezig', partial: 'gedeeltelijk', absent: 'afwezig', 'not-applicable': 'niet van toepassing' },
  statusPending: 'Brug: bezig…',
  statusUnsupported: 'Brug: niet gecontroleerd',
};

const tables: Record<Lang, Table> = { en: en as unknown as Table, nl };

/** A UI string in the given language, with {0}, {1}, … filled in. */
export function t(lang: Lang, key: MessageKey, ...args: Array<string | number>): string {
  const v = tables[lang][key] ?? tables.en[key];
  const s = typeof v === 'string' ? v : String(key);
  return s.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

export function languageName(ui: Lang, lang: string): string {
  return (tables[ui].languageName as Record<string, string>)[lang] ?? lang;
}

export function severityName(ui: Lang, severity: string): string {
  return (tables[ui].severity as Record<string, string>)[severity] ?? severity;
}

/** The client-perspective verdict in words: the server sends a code (present, partial, absent, not-applicable) or a message. */
export function verdictName(ui: Lang, verdict: unknown): string | undefined {
  if (typeof verdict === 'string') return (tables[ui].verdict as Record<string, string>)[verdict] ?? verdict;
  return pick(verdict, ui);
}

/**
 * Which language the client speaks: `brug.messages` when it says nl or en, otherwise the
 * document's language, otherwise VS Code's display language (nl* → nl), otherwise English.
 */
export function uiLanguage(setting: unknown, documentLanguage: unknown, displayLanguage?: string): Lang {
  if (setting === 'nl' || setting === 'en') return setting;
  if (documentLanguage === 'nl' || documentLanguage === 'en') return documentLanguage;
  if (typeof displayLanguage === 'string' && displayLanguage.toLowerCase().startsWith('nl')) return 'nl';
  return 'en';
}

/** Picks one language from a server value that is either a string or a {nl, en} message. */
export function pick(value: unknown, lang: Lang): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const v = o[lang] ?? o[lang === 'nl' ? 'en' : 'nl'];
    if (typeof v === 'string') return v;
    for (const k of ['label', 'text', 'title', 'message', 'name']) {
      const inner = o[k];
      if (inner !== undefined) return pick(inner, lang);
    }
  }
  return undefined;
}
