import type { DocumentFinding, DocumentRule } from '../types.js';
import { message } from '../types.js';
import { clientPerspective, KEY_ROLES } from './analysis.js';
import { promptFix } from './scaffold.js';
import { clientWords } from '../../text/client-words.js';
import type { Language } from '../../types.js';

/** Heading words of key sections that are not about practice (further research, limitations, reflection), per language. */
const notPractice: Partial<Record<Language, RegExp>> = {};
function notPracticeTitle(title: string, language: Language): boolean {
  const re = (notPractice[language] ??= new RegExp(`(?<![\\p{L}])(?:${clientWords(language, 'methods', 'notPracticeSections').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`, 'iu'));
  return re.test(title);
}

const ROLE_WORDS = {
  conclusion: { en: 'These conclusions', enVerb: 'never name', nl: 'Deze conclusies', nlVerb: 'noemen', them: { en: 'they mean', nl: 'ze betekenen' } },
  discussion: { en: 'This discussion', enVerb: 'never names', nl: 'Deze discussie', nlVerb: 'noemt', them: { en: 'it means', nl: 'ze betekent' } },
  recommendations: { en: 'These recommendations', enVerb: 'never name', nl: 'Deze aanbevelingen', nlVerb: 'noemen', them: { en: 'they mean', nl: 'ze betekenen' } },
} as const;

function normaliseTitle(t: string): string {
  return t.toLowerCase().replace(/^[\d.\s]+/, '').replace(/\s+/g, ' ').trim();
}

export const sectionWithoutClient: DocumentRule = {
  scope: 'document',
  meta: {
    id: 'client/section-without-client',
    languages: ['nl', 'en'],
    defaultSeverity: 'info',
    description: message(
      'A conclusions, discussion or recommendations section that never names the people the report is about.',
      'Een hoofdstuk met conclusies, discussie of aanbevelingen dat de mensen om wie het gaat nergens noemt.',
    ),
    rationale: message(
      'Professionals read the conclusions and recommendations first, and they work with clients. When those sections only speak of organisations and processes, the report does not say what it means for the people it is about — the gap practitioners name first.',
      'Professionals lezen eerst de conclusies en aanbevelingen, en zij werken met cliënten. Gaan die hoofdstukken alleen over organisaties en processen, dan zegt het rapport niet wat het betekent voor de mensen om wie het gaat — het gemis dat professionals als eerste noemen.',
    ),
    // roles: which key sections are checked (conclusion, recommendations; discussion on request).
    // minClientMentionsPer1000: only a report whose subject is clients (it names them this often).
    options: {
      practitioner: { minWords: 40, roles: ['conclusion', 'recommendations'], minClientMentionsPer1000: 3 },
      academic: { minWords: 60, roles: ['conclusion', 'recommendations'], minClientMentionsPer1000: 3 },
      general: { minWords: 30, roles: ['conclusion', 'recommendations'], minClientMentionsPer1000: 3 },
    },
  },
  check(doc, ctx) {
    const cp = clientPerspective(doc);
    if (cp.verdict === 'not-applicable') return [];
    // Naming the clients helps only in a report whose subject they are.
    if (cp.clientMentionsPer1000 < Number(ctx.options.minClientMentionsPer1000 ?? 0)) return [];
    const minWords = Number(ctx.options.minWords);
    const roles = new Set(Array.isArray(ctx.options.roles) ? ctx.options.roles : String(ctx.options.roles ?? '').split(','));
    // A study that heard professionals (physicians, nurses) concludes about them: its conclusions name the
    // people concerned when they name those professionals. Recommendations still change what clients get.
    const staffStudy = cp.participantsAre === 'professionals';
    // A conclusion or recommendation inside a phase or a finding ("## Wave 2" › "### Conclusions", "#### Finding" ›
    // "##### Recommendation") concludes that unit: when the unit names the people concerned, the reader has them in
    // view. Only the report's own conclusions (under the title or at the top) must name them themselves.
    const localUnit = (k: (typeof cp.keySections)[number]) => {
      if (k.parent < 0 || !k.parentMentionsClients) return false;
      const role = doc.sections[k.parent]!.role;
      return role !== 'title' && !KEY_ROLES.has(role);
    };
    // A conclusion inside a reflection or a section of limitations ("## Kritische reflectie" › "### Conclusie")
    // concludes the project's look at itself, not the findings: not about practice either (judged false in the s5
    // blind sample: "section is project self-reflection, not findings about clients").
    const inNotPractice = (i: number) => {
      let level = doc.sections[i]!.level;
      for (let j = i - 1; j >= 0 && level > 1; j--) {
        const t = doc.sections[j]!;
        if (t.level >= level) continue;
        level = t.level;
        if (notPracticeTitle(t.title, t.language)) return true;
      }
      return false;
    };
    const lacking = cp.keySections.filter(
      (k) =>
        roles.has(k.role) &&
        !k.mentionsClients &&
        k.words >= minWords &&
        !notPracticeTitle(k.title, doc.sections[k.index]!.language) &&
        !inNotPractice(k.index) &&
        // (The key section's own count: reading `cp.sections` made every section's perspective, ~700 objects per edit of a
        // long report; speed and memory only, session 27.)
        !(staffStudy && k.role === 'conclusion' && k.professionalMentions > 0) &&
        !localUnit(k),
    );
    // A template that repeats one heading (27 × "Aanbeveling") gets one finding, with the others as related locations.
    const groups = new Map<string, typeof lacking>();
    for (const k of lacking) {
      const key = `${k.role}|${normaliseTitle(k.title)}`;
      const g = groups.get(key);
      if (g) g.push(k);
      else groups.set(key, [k]);
    }
    // How many key sections have each role and title (each title normalised once: speed only, cp42, it was read again
    // for every group).
    const titled = new Map<string, number>();
    for (const x of cp.keySections) {
      const key = `${x.role}|${normaliseTitle(x.title)}`;
      titled.set(key, (titled.get(key) ?? 0) + 1);
    }
    const named = cp.keySections.filter((k) => k.mentionsClients);
    const out: DocumentFinding[] = [];
    for (const [key, g] of groups) {
      const k = g[0]!;
      const s = doc.sections[k.index]!;
      const role = k.role as keyof typeof ROLE_WORDS;
      const words = ROLE_WORDS[role];
      const same = titled.get(key)!;
      const moreEn = g.length > 1 ? ` The same holds for ${g.length - 1} more of the ${same} sections titled "${s.title}".` : '';
      const moreNl = g.length > 1 ? ` Dat geldt ook voor nog ${g.length - 1} van de ${same} hoofdstukken met de titel "${s.title}".` : '';
      const otherEn = named.length ? ` (Sections that do name clients: ${named.slice(0, 3).map((x) => `"${x.title}"`).join(', ')}.)` : '';
      const otherNl = named.length ? ` (Hoofdstukken die cliënten wel noemen: ${named.slice(0, 3).map((x) => `"${x.title}"`).join(', ')}.)` : '';
      const f: DocumentFinding = {
        offset: s.offset,
        endOffset: s.endOffset,
        message: {
          en: `${words.en} (${k.words} words) ${words.enVerb} the people the report is about: 0 client mentions, ${k.professionalMentions} mention${k.professionalMentions === 1 ? '' : 's'} of professionals and organisations. Say what ${words.them.en} for clients.${moreEn}${otherEn}`,
          nl: `${words.nl} (${k.words} woorden) ${words.nlVerb} de mensen om wie het gaat nergens: 0 keer cliënten, ${k.professionalMentions} keer professionals en organisaties. Zeg wat ${words.them.nl} voor cliënten.${moreNl}${otherNl}`,
        },
        data: {
          role: k.role,
          words: k.words,
          clientMentions: 0,
          professionalMentions: k.professionalMentions,
          verdict: cp.verdict,
          sameTitle: g.map((x) => ({ title: x.title, line: x.line })),
        },
      };
      if (g.length > 1) {
        f.related = g.slice(1, 20).map((x) => {
          const o = doc.sections[x.index]!;
          return { offset: o.offset, endOffset: o.endOffset, message: message(`"${x.title}" (line ${x.line}) names no clients either`, `"${x.title}" (regel ${x.line}) noemt ook geen cliënten`) };
        });
      }
      const fix = promptFix(doc, s, s.language);
      if (fix) f.fixes = [fix];
      out.push(f);
    }
    return out;
  },
};
