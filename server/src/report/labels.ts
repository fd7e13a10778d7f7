export type ReportLang = 'nl' | 'en';

const L = {
  en: {
    title: 'Brug report', generated: 'Made by Brug on', words: 'words', sentences: 'sentences', score: 'Readability', findings: 'Findings',
    chart: 'Readability per section', chartNote: 'Higher is easier. The line marks the target for practitioners.', target: 'target',
    card: 'Practice fit', cardNote: 'The twelve insights on why research does (not) land in practice. Evidence with line numbers.',
    found: 'found', of: 'of', advice: 'What to add', evidence: 'Evidence', noEvidence: 'No evidence in the text.', line: 'line',
    client: 'Client perspective', verdict: 'Verdict', quotes: 'Quotes and experiences', involvement: 'Involvement', noClient: 'No client evidence found.',
    bySection: 'Findings by section', beforeFirst: 'Before the first heading', noFindings: 'No findings.', handles: 'Practical handles',
    recs: (a: number, b: number) => `${a} of ${b} ${b === 1 ? 'recommendation for practice names' : 'recommendations for practice name'} who acts`, noRecs: 'No recommendations for practice found.',
    status: { present: 'present', partial: 'partial', absent: 'absent', 'not-applicable': 'not applicable' } as Record<string, string>,
    severity: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' } as Record<string, string>,
  },
  nl: {
    title: 'Brug-rapport', generated: 'Gemaakt door Brug op', words: 'woorden', sentences: 'zinnen', score: 'Leesbaarheid', findings: 'Meldingen',
    chart: 'Leesbaarheid per hoofdstuk', chartNote: 'Hoger is makkelijker. De lijn is het doel voor professionals.', target: 'doel',
    card: 'Praktijkkaart', cardNote: 'De twaalf inzichten over waarom onderzoek (niet) landt in de praktijk. Bewijs met regelnummers.',
    found: 'gevonden', of: 'van', advice: 'Wat toevoegen', evidence: 'Bewijs', noEvidence: 'Geen bewijs in de tekst.', line: 'regel',
    client: 'Cliëntperspectief', verdict: 'Oordeel', quotes: 'Citaten en ervaringen', involvement: 'Betrokkenheid', noClient: 'Geen bewijs van het cliëntperspectief gevonden.',
    bySection: 'Meldingen per hoofdstuk', beforeFirst: 'Vóór de eerste kop', noFindings: 'Geen meldingen.', handles: 'Praktische handvatten',
    recs: (a: number, b: number) => `${a} van ${b} ${b === 1 ? 'aanbeveling voor de praktijk noemt' : 'aanbevelingen voor de praktijk noemen'} wie handelt`, noRecs: 'Geen aanbevelingen voor de praktijk gevonden.',
    status: { present: 'aanwezig', partial: 'deels', absent: 'afwezig', 'not-applicable': 'niet van toepassing' } as Record<string, string>,
    severity: { error: 'fout', warning: 'waarschuwing', info: 'info', hint: 'hint' } as Record<string, string>,
  },
};

export function labels(lang: ReportLang) {
  return L[lang];
}
