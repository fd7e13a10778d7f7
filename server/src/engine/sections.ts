import type { SectionRole } from './types.js';

/**
 * Heading words per role, Dutch and English. A heading gets the role of the first entry
 * whose pattern it matches; a heading that matches none inherits the role of the heading
 * above it (a subsection of the results is results).
 */
const ROLE_PATTERNS: Array<[SectionRole, RegExp]> = [
  ['references', /^(literatuur(lijst)?|bronnen(lijst)?|referenties|references|bibliogra(fie|phy)|works cited|sources|geraadpleegde (bronnen|literatuur)|reference list)$/],
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

/** Words of a normalised heading that a role word must come among when the heading is a statement. */
const LEAD_WORDS = 3;
/** A heading of this many words or more reads as a statement ("Bijna alle inwoners komen …"), not as a section name. */
const STATEMENT_WORDS = 7;

const roleCache = new Map<string, SectionRole | null>();

/**
 * The role a heading names by its own words, or undefined (remembered per heading text). `strict`: the role word must come
 * among the heading's first words. A statement heading ("Houd het taalgebruik simpel om de
 * doelgroep niet kwijt te raken", "Cross-grantee collaboration happens in the context of
 * conferences") and a document title ("Rapport over de aanpak") name their topic, not a role,
 * when the role word comes later; they are read strictly.
 */
export function roleOfHeading(title: string, strict = false): SectionRole | undefined {
  const key = strict ? `!${title}` : title;
  let role = roleCache.get(key);
  if (role === undefined) {
    role = findRole(title, strict) ?? null;
    if (roleCache.size > 20000) roleCache.clear();
    roleCache.set(key, role);
  }
  return role ?? undefined;
}

function findRole(title: string, strict: boolean): SectionRole | undefined {
  const h = normaliseHeading(title);
  if (!h) return undefined;
  const leadOnly = strict || h.split(/\s+/).length >= STATEMENT_WORDS;
  for (const [role, re] of ROLE_PATTERNS) {
    const m = re.exec(h);
    if (!m) continue;
    // A role word further in a long or strict heading does not make the heading that role.
    if (leadOnly && h.slice(0, m.index).split(/\s+/).filter(Boolean).length >= LEAD_WORDS) continue;
    return role;
  }
  return undefined;
}

export interface HeadingInfo {
  title: string;
  level: number;
  /** Whether prose came before this heading. */
  afterProse: boolean;
  /** The source declares this heading the title (LaTeX \title). */
  declaredTitle?: boolean;
}

/**
 * Roles for a document's headings in order. The first heading is the title when it is the
 * top level and no prose came before it (prose-free headings right after it are part of
 * the title block in plain text); otherwise roles come from the words, then from the parent.
 */
export function assignRoles(headings: HeadingInfo[]): SectionRole[] {
  const roles: SectionRole[] = [];
  const stack: Array<{ level: number; role: SectionRole }> = [];
  let titleDone = false;
  // When the source names its title, that heading alone is the title.
  const declared = headings.some((h) => h.declaredTitle);
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
    if (declared) {
      if (h.declaredTitle) {
        roles.push('title');
        continue;
      }
      titleDone = true;
    }
    // The first top-level heading before any prose is the title unless it opens with a role word ("Samenvatting").
    // Only a heading of level 1 or 2 can be the title: plain text guesses levels (a numbered chapter is 1,
    // an unnumbered line 2), and a Markdown page that opens on "#### Algoprudentienummer" has its title elsewhere.
    const titleCandidate = !titleDone && i === 0 && h.level <= 2 && !h.afterProse;
    let role = roleOfHeading(h.title, titleCandidate);
    if (!role && titleCandidate) role = 'title';
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
