/**
 * What the language server itself says, in Dutch and English. Rule messages come from the
 * engine; these are the words around them (actions, hovers, lenses, notifications).
 */
import type { Language, Message } from '../engine/types.js';
import { countText, numberText } from '../engine/text/numbers.js';

const m = (en: string, nl: string): Message => ({ en, nl });

export function say(message: Message, language: Language): string {
  return message[language];
}

export const messages = {
  disableOnLine: (rule: string) => m(`Disable ${rule} on this line`, `Zet ${rule} uit voor deze regel`),
  disableInFile: (rule: string) => m(`Disable ${rule} in this file`, `Zet ${rule} uit in dit bestand`),
  disableInProject: (rule: string) => m(`Disable ${rule} in this project (.brug.yml)`, `Zet ${rule} uit in dit project (.brug.yml)`),
  fixAll: (n: number) => m(`Apply ${n} Brug ${n === 1 ? 'fix' : 'fixes'}`, `Pas ${n} ${n === 1 ? 'verbetering' : 'verbeteringen'} van Brug toe`),

  tooLarge: (name: string, size: string, limit: string) =>
    m(
      `Brug does not check ${name}: it is ${size}, more than the limit of ${limit} (setting brug.maxDocumentSize).`,
      `Brug controleert ${name} niet: het is ${size}, meer dan de grens van ${limit} (instelling brug.maxDocumentSize).`,
    ),
  tooSlow: (name: string, seconds: number) =>
    m(
      `Brug stopped checking ${name} after ${seconds} s: the document is too long to check while you type. Brug keeps answering; \`brug check\` on the command line checks it in full.`,
      `Brug stopte met het controleren van ${name} na ${seconds} s: het document is te lang om tijdens het typen te controleren. Brug blijft reageren; \`brug check\` op de opdrachtregel controleert het helemaal.`,
    ),
  configInvalid: (name: string, count: number, first: string) =>
    m(
      `Brug: ${name} has ${count === 1 ? 'a problem' : `${count} problems`} (${first}). ${count === 1 ? 'That setting keeps its default' : 'Those settings keep their defaults'}; the other settings apply.`,
      `Brug: ${name} bevat ${count === 1 ? 'een fout' : `${count} fouten`} (${first}). Voor ${count === 1 ? 'die instelling geldt de standaardwaarde' : 'die instellingen gelden de standaardwaarden'}; de andere instellingen gelden wel.`,
    ),
  dictionaryInvalid: (name: string, count: number, first: string) =>
    m(
      `Brug: dictionary ${name} has ${count === 1 ? 'a problem' : `${count} problems`} (${first}). Brug leaves it out until ${count === 1 ? 'it is' : 'they are'} fixed.`,
      `Brug: woordenlijst ${name} bevat ${count === 1 ? 'een fout' : `${count} fouten`} (${first}). Brug laat die weg tot ${count === 1 ? 'die is' : 'ze zijn'} hersteld.`,
    ),
  configEditFailed: (name: string, reason: string) =>
    m(`Brug could not change ${name}: ${reason}`, `Brug kon ${name} niet aanpassen: ${reason}`),
  configEditRefused: (name: string) =>
    m(`The editor did not apply the change to ${name}.`, `De editor heeft de wijziging in ${name} niet doorgevoerd.`),

  workspaceTitle: m('Brug: checking the workspace', 'Brug: de werkmap controleren'),
  workspaceProgress: (i: number, n: number, file: string) => m(`${i} of ${n}: ${file}`, `${i} van ${n}: ${file}`),
  workspaceDone: (files: number, findings: number) =>
    m(`Brug checked ${files} ${files === 1 ? 'file' : 'files'}: ${findings} ${findings === 1 ? 'finding' : 'findings'}.`, `Brug controleerde ${files} ${files === 1 ? 'bestand' : 'bestanden'}: ${findings} ${findings === 1 ? 'bevinding' : 'bevindingen'}.`),
  workspaceCancelled: (done: number, files: number) =>
    m(`Brug stopped the workspace check after ${done} of ${files} files.`, `Brug stopte de controle van de werkmap na ${done} van ${files} bestanden.`),

  // Hover.
  readMore: m('Read more', 'Meer uitleg'),
  why: m('Why', 'Waarom'),
  paragraph: m('This paragraph', 'Deze alinea'),
  section: m('This section', 'Deze sectie'),
  rawScore: (raw: string) => m(`(the formula gives ${raw}; the scale runs from 0 to 100)`, `(de formule geeft ${raw}; de schaal loopt van 0 tot 100)`),
  sentence: (words: number) => m(`This sentence: ${words} ${words === 1 ? 'word' : 'words'}.`, `Deze zin: ${words} ${words === 1 ? 'woord' : 'woorden'}.`),
  words: (n: number) => m(countText(n, 'en', 'word', 'words'), countText(n, 'nl', 'woord', 'woorden')),
  sentences: (n: number) => m(countText(n, 'en', 'sentence', 'sentences'), countText(n, 'nl', 'zin', 'zinnen')),
  syllablesPerWord: (x: number) => m(`${fmt(x, 2)} syllables per word`, `${fmt(x, 2, 'nl')} lettergrepen per woord`),
  averageSentence: (x: number) => m(`${fmt(x, 1)} words per sentence`, `${fmt(x, 1, 'nl')} woorden per zin`),
  hardBecause: m('What makes it hard', 'Wat het moeilijk maakt'),
  longSentences: (n: number, of: number, max: number, longest: number) =>
    of === 1
      ? m(`the sentence has more than ${max} words (${longest})`, `de zin heeft meer dan ${max} woorden (${longest})`)
      : m(
          `${n} of ${of} sentences ${n === 1 ? 'has' : 'have'} more than ${max} words (the longest: ${longest})`,
          `${n} van de ${of} zinnen ${n === 1 ? 'heeft' : 'hebben'} meer dan ${max} woorden (de langste: ${longest})`,
        ),
  longWords: (share: number, examples: string[]) =>
    m(
      `${Math.round(share * 100)}% long words (more than six letters)${examples.length ? `, such as ${examples.map((w) => `“${w}”`).join(', ')}` : ''}`,
      `${Math.round(share * 100)}% lange woorden (meer dan zes letters)${examples.length ? `, zoals ${examples.map((w) => `‘${w}’`).join(', ')}` : ''}`,
    ),
  manySyllables: (x: number) => m(`words of ${fmt(x, 2)} syllables on average`, `woorden van gemiddeld ${fmt(x, 2, 'nl')} lettergrepen`),
  sectionClients: (n: number) => m(`Clients (the people served) are mentioned ${n}× in this section.`, `Cliënten (de mensen om wie het gaat) worden ${n}× genoemd in deze sectie.`),
  nothingHard: m('nothing stands out: short sentences and common words', 'niets springt eruit: korte zinnen en gewone woorden'),

  // Code lens.
  lensWords: (n: number) => m(`${n} ${n === 1 ? 'word' : 'words'}`, `${n} ${n === 1 ? 'woord' : 'woorden'}`),
  lensScore: (label: string, score: number, band: string) => m(`${label} ${fmt(score, 0)} (${band})`, `${label} ${fmt(score, 0, 'nl')} (${band})`),
  lensClient: (n: number) => m(`clients mentioned ${n}×`, `cliënten ${n}× genoemd`),
  lensNoText: m('no running text', 'geen lopende tekst'),
} as const;

/** The name of the headline readability score in a language. */
export function scoreName(language: Language): string {
  return language === 'nl' ? 'Flesch-Douma' : 'Flesch Reading Ease';
}

/** A number for people: rounded, as the language writes it (engine/text/numbers.ts). */
export function fmt(x: number, digits: number, language: Language = 'en'): string {
  return Number.isFinite(x) ? numberText(x, language, digits) : '0';
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} bytes`;
}
