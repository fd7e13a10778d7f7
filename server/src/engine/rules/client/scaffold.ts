import type { Fix, Language, SectionRole, TextEdit } from '../../types.js';
import type { DocumentModel } from '../types.js';
import { message } from '../types.js';
import { KEY_ROLES } from './analysis.js';
import { flat, type TextView } from '../../text/view.js';
import { carriedSpan } from '../../offsets.js';

/** The title of the scaffold section, per language. */
export const SCAFFOLD_TITLE: Record<Language, string> = { nl: 'Cliëntperspectief', en: 'Client perspective' };

/** The three guiding questions of the scaffold: what clients said, how they were involved, what the findings mean for them. */
export const SCAFFOLD_QUESTIONS: Record<Language, string[]> = {
  nl: [
    'Wat zeggen cliënten zelf? Geef hun ervaringen weer, het liefst in hun eigen woorden.',
    'Hoe waren cliënten bij het onderzoek betrokken: als bron, als meedenkers of als medeonderzoekers? En wie is niet bereikt?',
    'Wat betekenen de bevindingen voor cliënten?',
  ],
  en: [
    'What do clients say themselves? Give their experiences, in their own words where you can.',
    'How were clients involved in the research: as a source, as advisers or as co-researchers? And who was not reached?',
    'What do the findings mean for clients?',
  ],
};

/** The prompt that `client/section-without-client` inserts at the end of a section, per role and language. */
export const SECTION_PROMPTS: Record<'conclusion' | 'discussion' | 'recommendations', Record<Language, string>> = {
  conclusion: { nl: 'Wat betekenen deze conclusies voor cliënten?', en: 'What do these conclusions mean for clients?' },
  discussion: { nl: 'Wat betekent dit voor cliënten, en wie hebben we niet gehoord?', en: 'What does this mean for clients, and whose voice is missing?' },
  recommendations: { nl: 'Wat merken cliënten van deze aanbevelingen?', en: 'What will clients notice of these recommendations?' },
};

/** A heading that already holds the client perspective: the scaffold is not inserted twice. */
export const SCAFFOLD_HEADING = /^(?:\d+(?:\.\d+)*\.?\s+)?(?:het\s+)?(?:cli[eë]nt(?:en)?perspectief|perspectief van (?:de )?cli[eë]nten|(?:the\s+)?clients?'?\s+perspectives?|(?:the\s+)?perspective of clients|stem van (?:de )?cli[eë]nten|client voice)$/i;

/** LaTeX special characters escaped for text in a paragraph or a section title. */
export function escapeLatex(s: string): string {
  return s.replace(/[\\{}$&#^_%~]/g, (ch) => {
    switch (ch) {
      case '\\':
        return '\\textbackslash{}';
      case '~':
        return '\\textasciitilde{}';
      case '^':
        return '\\textasciicircum{}';
      default:
        return `\\${ch}`;
    }
  });
}

/** Whether anything but white space follows `from` (read a stretch at a time). */
function textAfter(text: TextView, from: number): boolean {
  for (let at = from; at < text.length; at += 256) if (/\S/.test(text.slice(at, at + 256))) return true;
  return false;
}

/**
 * The document's line break: CRLF when it has one. Speed only (cp42: each section finding's fix searched a long LF text
 * to its end, at every edit): a text without a carriage return (its line index says so: `plain`) is not searched, and
 * the last text's answer is carried over where the edit since cannot have changed it (a CRLF found before or after the
 * changed stretch is still one; where none was, only the changed stretch can hold one).
 */
function eolOf(doc: DocumentModel): string {
  const lines = doc.lines;
  const text = doc.text;
  const last = LAST_CRLF;
  const edit = last !== undefined ? lines.changedSince(last.lines, last.length) : undefined;
  let at: number | undefined;
  if (edit !== undefined) {
    if (last!.at >= 0) at = carriedSpan(last!.at, last!.at + 2, edit, 0)?.start;
    else {
      const from = Math.max(0, edit.from - 1);
      const i = text.slice(from, edit.to + 1).indexOf('\r\n');
      at = i >= 0 ? from + i : -1;
    }
  }
  at ??= lines.plain ? -1 : text.indexOf('\r\n');
  LAST_CRLF = { lines: lines.id, length: text.length, at };
  return at >= 0 ? '\r\n' : '\n';
}
/** eolOf's last answer: the text's line index and length, and where a CRLF is in it (-1: nowhere). */
let LAST_CRLF: { lines: number; length: number; at: number } | undefined;

const LATEX_SECTION = /^\\(part|chapter|section|subsection|subsubsection|paragraph)\*?(?=[\s[{])/;

/** The paragraphs of a block of new text in the document's format. */
function paragraphs(doc: DocumentModel, lines: string[]): string[] {
  return doc.format === 'latex' ? lines.map(escapeLatex) : lines;
}

/** A heading line in the document's format, at the given level (Markdown) or with the sibling's command (LaTeX). */
function headingLine(doc: DocumentModel, title: string, level: number, siblingOffset: number | undefined): string {
  if (doc.format === 'markdown') return `${'#'.repeat(Math.max(1, Math.min(6, level)))} ${title}`;
  if (doc.format === 'latex') {
    const m = siblingOffset !== undefined ? LATEX_SECTION.exec(doc.text.slice(siblingOffset, siblingOffset + 40)) : null;
    const command = m && m[1] !== 'part' ? m[1] : 'section';
    return `\\${command}{${escapeLatex(title)}}`;
  }
  return title;
}

interface Place {
  offset: number;
  level: number;
  /** A heading at this level stands right at `offset` (insert before it). */
  before?: number;
}

/**
 * Where the client-perspective section goes: before the first conclusions, discussion or
 * recommendations section at the top level of the report; else after the last results
 * section; else before the references or appendices; else at the end (in LaTeX before
 * \end{document} and the bibliography).
 */
/** Where LaTeX back matter (appendix, bibliography, end of document) begins after `from`, or -1. */
function latexBackMatter(text: string, from: number): number {
  const re = /\\(?:appendix\b|printbibliography\b|bibliography\{|begin\{thebibliography\}|end\{document\})/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : -1;
}

function scaffoldPlace(doc: DocumentModel): Place {
  const body = doc.sections.filter((s) => s.role !== 'title');
  const top = body.reduce((m, s) => Math.min(m, s.level), 7);
  const atTop = body.filter((s) => s.level === top);
  const key = atTop.find((s) => KEY_ROLES.has(s.role));
  if (key) return { offset: key.offset, level: key.level, before: key.offset };
  const results = atTop.filter((s) => s.role === 'results');
  const last = results[results.length - 1];
  if (last) {
    const next = atTop.find((s) => s.offset >= last.contentEnd);
    if (next && next.offset === last.contentEnd) return { offset: next.offset, level: last.level, before: next.offset };
    // In LaTeX the last section runs to the end of the file: stay before the back matter and \end{document}.
    const back = doc.format === 'latex' ? latexBackMatter(flat(doc.text), last.offset) : -1;
    if (back >= 0 && back < last.contentEnd) return { offset: back, level: last.level, before: back };
    return { offset: last.contentEnd, level: last.level };
  }
  const back = atTop.find((s) => s.role === 'references' || s.role === 'appendix');
  if (back) return { offset: back.offset, level: back.level, before: back.offset };
  if (doc.format === 'latex') {
    const back = latexBackMatter(flat(doc.text), 0);
    if (back >= 0) return { offset: back, level: top < 7 ? top : 1, before: back };
  }
  return { offset: doc.text.length, level: top < 7 ? top : 2 };
}

/** The preferred fix of `client/missing-perspective`: a section with three guiding questions, in the document's language and format. */
export function scaffoldFix(doc: DocumentModel): Fix | undefined {
  if (doc.sections.some((s) => SCAFFOLD_HEADING.test(s.title.trim()))) return undefined;
  const language = doc.language;
  const eol = eolOf(doc);
  const place = scaffoldPlace(doc);
  const title = SCAFFOLD_TITLE[language];
  const head = headingLine(doc, title, place.level, place.before ?? doc.sections.find((s) => s.level === place.level)?.offset);
  const body = [head, ...paragraphs(doc, SCAFFOLD_QUESTIONS[language])].join(eol + eol);
  let newText: string;
  if (place.before !== undefined) {
    newText = body + eol + eol;
    // A heading in LaTeX or plain text may not start at the beginning of a line: keep it on its own line.
    const lineStart = doc.text.lastIndexOf('\n', place.offset - 1) + 1;
    if (doc.text.slice(lineStart, place.offset).trim().length > 0) newText = eol + eol + newText;
  } else {
    // (The text's last characters before the place, and whether any but white space follows: read near the place.)
    const before = doc.text.slice(Math.max(0, place.offset - 2 * eol.length), place.offset);
    const lead = place.offset === 0 ? '' : before.endsWith(eol + eol) ? '' : before.endsWith(eol) ? eol : eol + eol;
    newText = lead + body + eol + (textAfter(doc.text, place.offset) ? eol : '');
  }
  const edit: TextEdit = { offset: place.offset, endOffset: place.offset, newText };
  return {
    title: message(`Add a section "${SCAFFOLD_TITLE[language]}" with guiding questions`, `Voeg een hoofdstuk "${SCAFFOLD_TITLE[language]}" met hulpvragen toe`),
    preferred: true,
    // Inserted sections need a person: never applied by --fix or fix-all.
    kind: 'suggestion',
    edits: [edit],
  };
}

/** The fix of `client/section-without-client`: a prompt sentence at the end of the section. */
export function promptFix(doc: DocumentModel, section: { offset: number; contentEnd: number; role: SectionRole }, language: Language): Fix | undefined {
  const role = section.role === 'conclusion' || section.role === 'discussion' || section.role === 'recommendations' ? section.role : undefined;
  if (!role) return undefined;
  const prompt = SECTION_PROMPTS[role][language];
  const eol = eolOf(doc);
  // The end of the section's last text, before the blank lines that separate it from the next heading.
  let end = section.contentEnd;
  while (end > section.offset && /\s/.test(doc.text.slice(end - 1, end))) end--;
  const text = doc.format === 'latex' ? escapeLatex(prompt) : prompt;
  return {
    title: message(`Add the question "${prompt}" at the end of this section`, `Voeg de vraag "${prompt}" toe aan het eind van dit hoofdstuk`),
    preferred: false,
    edits: [{ offset: end, endOffset: end, newText: eol + eol + text }],
  };
}
