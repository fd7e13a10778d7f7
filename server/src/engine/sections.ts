import type { SectionRole } from './types.js';

/**
 * Heading words per role, Dutch and English. A heading gets the role of the first entry
 * whose pattern it matches; a heading that matches none inherits the role of the heading
 * above it (a subsection of the results is results).
 */
const ROLE_PATTERNS: Array<[SectionRole, RegExp]> = [
  ['references', /^(literatuur(lijst)?|bronnen(lijst)?|referenties|references|bibliograf(ie|y)|works cited|sources|geraadpleegde (bronnen|literatuur)|reference list)$/],
  ['appendix', /^(bijlage|bijlagen|appendix|appendices|annex|bijlage\s+\w+|appendix\s+\w+)(\b|$)/],
  ['summary', /\b(samenvatting|managementsamenvatting|executive summary|summary|abstract|publiekssamenvatting|in het kort|in short|at a glance|kernpunten|key points|key findings|hoofdpunten|plain english summary|scientific summary|tl;dr)\b/],
  ['recommendations', /\b(aanbeveling(en)?|advies|adviezen|recommendations?|handvatten|handreiking|what'?s next|next steps|vervolgstappen|volgende stappen|implications? for (practice|policy)|betekenis voor de praktijk|lessen|lessons learned|to do)\b/],
  ['conclusion', /\b(conclusies?|conclusions?|concluding remarks|tot slot|slotbeschouwing|afsluiting|eindconclusie)\b/],
  ['discussion', /\b(discussie|discussion|beschouwing|reflectie|reflection|limitations|beperkingen|sterktes en zwaktes|strengths and limitations)\b/],
  ['method', /\b(methode|methoden|methodes|method|methods|methodology|methodologie|aanpak|onderzoeksopzet|opzet|onderzoeksmethode|onderzoeksaanpak|dataverzameling|data collection|data and methods|research design|study design|design|werkwijze|verantwoording|procedure|deelnemers|participants|respondenten|respondents|who we talked to|what we did|doelgroep|sample|steekproef|materials|instrumenten|analyse|analysis plan|coverage|scenario'?s?|workshops?|interviews|observatie(onderzoek)?|setting)\b/],
  ['results', /\b(resultaten|results|bevindingen|findings|uitkomsten|outcomes|what we learned|wat we leerden|inzichten|insights|analyse en resultaten|observaties|observations)\b/],
  ['background', /\b(achtergrond|background|context|theoretisch kader|theoretical framework|literature review|literatuuronderzoek|literatuurstudie|stand van zaken|state of the art|related work|eerder onderzoek|previous research|bron van de casus|kader)\b/],
  ['introduction', /\b(inleiding|introductie|introduction|aanleiding|doel van het onderzoek|doelstelling|onderzoeksvragen?|research questions?|aims?|purpose|objectives?|probleemstelling|description|over dit onderzoek|about this (study|report)|voorwoord|preface|foreword)\b/],
];

const NUMBERING = /^(?:(?:hoofdstuk|chapter|deel|part|sectie|section)\s+)?(?:[0-9]+(?:\.[0-9]+)*|[ivxlc]+|[a-z])[.):]?\s+/i;

export function normaliseHeading(title: string): string {
  return title
    .toLowerCase()
    .replace(/[*_`#]/g, '')
    .replace(NUMBERING, '')
    .replace(/[:.!?]+$/, '')
    .trim();
}

/** The role a heading names by its own words, or undefined. */
export function roleOfHeading(title: string): SectionRole | undefined {
  const h = normaliseHeading(title);
  if (!h) return undefined;
  for (const [role, re] of ROLE_PATTERNS) if (re.test(h)) return role;
  return undefined;
}

export interface HeadingInfo {
  title: string;
  level: number;
  /** Whether prose came before this heading. */
  afterProse: boolean;
}

/**
 * Roles for a document's headings in order. The first heading is the title when it is the
 * top level and no prose came before it (prose-free headings right after it are part of
 * the title block in plain text); otherwise roles come from the words, then from the parent.
 */
export function assignRoles(headings: HeadingInfo[]): SectionRole[] {
  const roles: SectionRole[] = [];
  const stack: Array<{ level: number; role: SectionRole }> = [];
  const minLevel = headings.reduce((m, h) => Math.min(m, h.level), 7);
  let titleDone = false;
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
    let role = roleOfHeading(h.title);
    if (!role && !titleDone && i === 0 && h.level === minLevel && !h.afterProse) role = 'title';
    if (!role && !titleDone && i > 0 && roles[i - 1] === 'title' && !h.afterProse && h.level >= headings[i - 1]!.level) role = 'title';
    if (role !== 'title' && i > 0) titleDone = true;
    if (role === 'title') {
      roles.push(role);
      continue;
    }
    titleDone = true;
    if (!role) {
      const parent = stack[stack.length - 1];
      role = parent && parent.role !== 'title' ? parent.role : 'other';
    }
    roles.push(role);
    stack.push({ level: h.level, role });
  }
  return roles;
}
