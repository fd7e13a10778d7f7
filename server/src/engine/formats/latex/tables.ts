/**
 * What the LaTeX adapter knows about commands and environments.
 *
 * Argument signatures use a small part of xparse's notation, one letter per argument:
 *   s  a star right after the name
 *   o  an optional [argument] (spaces before it allowed)
 *   O  an optional [argument] right after the name (no space: \\[2pt])
 *   P  an optional (argument) in parentheses (\cmidrule(lr){2-3})
 *   m  a mandatory argument: a {group} or a single token
 *   M  a mandatory argument that may hold paragraph breaks (\footnote, \newcommand bodies)
 *   r  a mandatory argument read verbatim, without comments (\url, the target of \href)
 * `prose` lists the positions (0-based, in the signature) of the arguments that are prose.
 */

export type MacroAct =
  /** A sectioning command: its last mandatory argument is a heading. */
  | 'heading'
  /** \title: a level-1 heading. */
  | 'title'
  /** \abstract{…} (some classes): a heading "Abstract" and the argument as paragraphs. */
  | 'abstract'
  /** Its prose arguments are part of the sentence; the others are dropped. */
  | 'prose'
  /** \enquote: prose between curly quotes. */
  | 'enquote'
  /** Takes a word's place in the sentence but is not prose (a reference, a URL, a number with a unit). */
  | 'placeholder'
  /** A citation of any flavour: all adjacent [..], (..) and {..} arguments, one placeholder word. */
  | 'cite'
  /** Produces no text (a label, spacing, a declaration). */
  | 'invisible'
  /** Its prose argument is a block of its own (kind footnote) outside the sentence. */
  | 'footnote'
  /** Its prose argument is a caption block. */
  | 'caption'
  /** A character or a fixed word (\ss, \ldots, \LaTeX). */
  | 'char'
  /** An accent over its argument (\"e, \c{c}). */
  | 'accent'
  | 'selectlanguage'
  /** \IfLanguageName{lang}{then}{else}: one branch is prose, by the current language. */
  | 'iflanguage'
  | 'item'
  /** \par: a paragraph break. */
  | 'par'
  /** \\, \newline: a line break (a row end in a table). */
  | 'linebreak'
  /** \verb|…|, \lstinline, \mintinline: inline code, a placeholder. */
  | 'verb'
  /** \def\name#1{…} and friends. */
  | 'def'
  /** \let\a\b, \let\a=\b. */
  | 'let';

export interface MacroSpec {
  act: MacroAct;
  sig?: string;
  prose?: number[];
  /** Heading level on the chapter scale: \part 0, \chapter 1, \section 2 … \subparagraph 6. */
  level?: number;
  /** Text of a 'char' command, or the combining mark of an 'accent'. */
  ch?: string;
  /** A character command that swallows the spaces after it, as TeX does (gro\ss e → große). */
  eat?: boolean;
}

const M: Record<string, MacroSpec> = Object.create(null) as Record<string, MacroSpec>;
const def = (names: string, spec: MacroSpec) => {
  for (const n of names.split(/\s+/)) if (n) M[n] = spec;
};

// Sectioning.
const HEADINGS: Array<[string, number]> = [
  ['part', 0], ['addpart', 0], ['chapter', 1], ['addchap', 1], ['section', 2], ['addsec', 2],
  ['subsection', 3], ['subsubsection', 4], ['paragraph', 5], ['subparagraph', 6], ['minisec', 6],
];
for (const [name, level] of HEADINGS) M[name] = { act: 'heading', sig: name === 'minisec' ? 'm' : 'som', prose: [name === 'minisec' ? 0 : 2], level };
def('title', { act: 'title', sig: 'om', prose: [1] });
def('abstract', { act: 'abstract', sig: 'M', prose: [0] });

// Text commands whose argument is prose.
def('emph textbf textit textsl textup textmd textrm textsf textnormal textsc underline uline uuline uwave sout xout hl ul so st caps textsuperscript textsubscript mbox fbox hbox centerline text MakeUppercase MakeLowercase MakeTextUppercase MakeTextLowercase uppercase lowercase textls textstyle', { act: 'prose', sig: 'm', prose: [0] });
def('framebox makebox', { act: 'prose', sig: 'oom', prose: [2] });
def('parbox', { act: 'prose', sig: 'oooMM', prose: [4] });
def('raisebox', { act: 'prose', sig: 'moom', prose: [3] });
def('textcolor colorbox rotatebox', { act: 'prose', sig: 'omm', prose: [2] });
def('fcolorbox', { act: 'prose', sig: 'ommm', prose: [3] });
def('scalebox', { act: 'prose', sig: 'mom', prose: [2] });
def('resizebox', { act: 'prose', sig: 'smmM', prose: [3] });
def('adjustbox', { act: 'prose', sig: 'mM', prose: [1] });
def('foreignlanguage', { act: 'prose', sig: 'omm', prose: [2] });
def('textenglish textdutch', { act: 'prose', sig: 'om', prose: [1] });
def('hyperref', { act: 'prose', sig: 'om', prose: [1] });
def('hyperlink hypertarget', { act: 'prose', sig: 'mm', prose: [1] });
def('href', { act: 'prose', sig: 'orm', prose: [2] });
def('texorpdfstring', { act: 'prose', sig: 'mm', prose: [0] });
def('multicolumn', { act: 'prose', sig: 'mmm', prose: [2] });
def('multirow', { act: 'prose', sig: 'omomm', prose: [4] });
def('enquote', { act: 'enquote', sig: 'sm', prose: [1] });

// Out of the sentence: footnotes and captions.
def('footnote', { act: 'footnote', sig: 'oM', prose: [1] });
def('footnotetext', { act: 'footnote', sig: 'oM', prose: [1] });
def('marginpar', { act: 'footnote', sig: 'oM', prose: [1] });
def('caption subcaption', { act: 'caption', sig: 'om', prose: [1] });
def('captionof', { act: 'caption', sig: 'smom', prose: [3] });
def('subfloat', { act: 'caption', sig: 'oom', prose: [0] });
def('subcaptionbox', { act: 'caption', sig: 'omM', prose: [1] });

// Placeholders: not prose, but a word in the sentence.
def('texttt ensuremath', { act: 'placeholder', sig: 'm' });
def('url nolinkurl path', { act: 'placeholder', sig: 'r' });
def('ref pageref autoref Autoref cref Cref cpageref Cpageref vref Vref vpageref nameref nameCref labelcref namecref lcnamecref eqref', { act: 'placeholder', sig: 'sm' });
def('crefrange Crefrange cpagerefrange', { act: 'placeholder', sig: 'smm' });
def('SI', { act: 'placeholder', sig: 'omom' });
def('si num unit', { act: 'placeholder', sig: 'om' });
def('qty SIrange numrange', { act: 'placeholder', sig: 'omm' });
def('ang', { act: 'placeholder', sig: 'om' });
def('gls Gls GLS glspl Glspl GLSpl glstext Glstext glsfirst glsplural glsname glssymbol glsdesc acrshort acrlong acrfull Acrshort Acrlong Acrfull acrshortpl acrlongpl acrfullpl ac Ac acs acl acf acp Acp acsp aclp acfp Acf Acl glsxtrshort glsxtrlong glsxtrfull', { act: 'placeholder', sig: 'som' });
def('today thepage', { act: 'placeholder', sig: '' });
def('value', { act: 'placeholder', sig: 'm' });
def('verb Verb lstinline mintinline', { act: 'verb' });

// Invisible: labels, spacing, declarations, page furniture, files.
def('label index glossary hypersetup addvspace pagestyle thispagestyle pagenumbering markright stepcounter refstepcounter newlength hyphenation geometry newgeometry linespread usetikzlibrary usepgfplotslibrary tikzset pgfplotsset sisetup theoremstyle graphicspath bibliography bibliographystyle includeonly input include subfile lstset usemintedstyle setstretch phantom hphantom vphantom AtBeginDocument AtEndDocument lipsumsentence thanks author date institute subtitle keywords pdfbookmark', { act: 'invisible', sig: 'M' });
def('vspace hspace', { act: 'invisible', sig: 'sm' });
def('color pagecolor nomenclature addbibresource captionsetup setlist setminted setmainfont setsansfont setmonofont setromanfont setdefaultlanguage setmainlanguage setotherlanguage setotherlanguages usepackage RequirePackage documentclass includepdf lstinputlisting rowcolor cellcolor columncolor selectcolormodel', { act: 'invisible', sig: 'om' });
def('definecolor', { act: 'invisible', sig: 'ommm' });
def('setlength addtolength setcounter addtocounter markboth addtocontents fontsize import subimport', { act: 'invisible', sig: 'mm' });
def('inputminted', { act: 'invisible', sig: 'omm' });
def('newfontfamily', { act: 'invisible', sig: 'mom' });
def('DeclareMathOperator', { act: 'invisible', sig: 'smm' });
def('addcontentsline', { act: 'invisible', sig: 'mmm' });
def('newcounter', { act: 'invisible', sig: 'mo' });
def('newcommand renewcommand providecommand DeclareRobustCommand', { act: 'invisible', sig: 'smooM' });
def('newenvironment renewenvironment', { act: 'invisible', sig: 'smooMM' });
def('newtheorem', { act: 'invisible', sig: 'smomo' });
def('NewDocumentCommand RenewDocumentCommand ProvideDocumentCommand DeclareDocumentCommand', { act: 'invisible', sig: 'mmM' });
def('NewDocumentEnvironment RenewDocumentEnvironment', { act: 'invisible', sig: 'mmMM' });
def('includegraphics', { act: 'invisible', sig: 'soom' });
def('printbibliography printglossary printindex printacronyms printnomenclature lipsum Lipsum blindtext Blindtext footnotemark pagebreak nopagebreak toprule midrule bottomrule twocolumn', { act: 'invisible', sig: 'o' });
def('lipsum', { act: 'invisible', sig: 'oo' });
def('cline hhline', { act: 'invisible', sig: 'm' });
def('cmidrule', { act: 'invisible', sig: 'oPm' });
def('todo', { act: 'invisible', sig: 'oM' });
def(
  'maketitle tableofcontents listoffigures listoftables appendix frontmatter mainmatter backmatter clearpage cleardoublepage newpage noindent indent centering raggedright raggedleft RaggedRight RaggedLeft justifying ' +
    'tiny scriptsize footnotesize small normalsize large Large LARGE huge Huge bfseries mdseries itshape slshape scshape upshape rmfamily sffamily ttfamily normalfont em bf it tt sc rm sf sl ' +
    'hfill vfill hfil vfil hrule vrule hline endhead endfirsthead endfoot endlastfoot arraystretch protect relax null nobreak allowbreak sloppy fussy FloatBarrier smallskip medskip bigskip ' +
    'strut phantomsection makeatletter makeatother onecolumn balance doublespacing onehalfspacing singlespacing printglossaries makeglossaries makeindex selectfont break ' +
    'global long outer expandafter noexpand nolinebreak unskip ignorespaces leavevmode',
  { act: 'invisible', sig: '' },
);
def('nocite', { act: 'invisible', sig: 'M' });
def('titleformat', { act: 'invisible', sig: 'smommmo' });
def('item', { act: 'item', sig: 'o' });
def('bibitem', { act: 'invisible', sig: 'om' });
def('par', { act: 'par', sig: '' });
def('newline', { act: 'linebreak', sig: '' });
def('linebreak', { act: 'linebreak', sig: 'o' });
def('tabularnewline', { act: 'linebreak', sig: 'O' });
def('selectlanguage', { act: 'selectlanguage', sig: 'm' });
def('IfLanguageName iflanguage', { act: 'iflanguage', sig: 'mMM' });
def('def gdef edef xdef', { act: 'def' });
def('let', { act: 'let' });

// Characters and fixed words.
const CHARS: Record<string, string> = {
  ldots: '…', dots: '…', textellipsis: '…', textemdash: '—', textendash: '–', textquoteleft: '‘', textquoteright: '’',
  textquotedblleft: '“', textquotedblright: '”', quotedblbase: '„', quotesinglbase: '‚', guillemotleft: '«', guillemotright: '»',
  guillemetleft: '«', guillemetright: '»', copyright: '©', textcopyright: '©', textregistered: '®', texttrademark: '™', pounds: '£',
  textsterling: '£', euro: '€', texteuro: '€', textdegree: '°', S: '§', P: '¶', textsection: '§', textparagraph: '¶', dag: '†', ddag: '‡',
  textdagger: '†', textdaggerdbl: '‡', textbullet: '•', textbar: '|', textless: '<', textgreater: '>', textasciitilde: '~',
  textasciicircum: '^', textbackslash: '\\', textunderscore: '_', textdollar: '$', textbraceleft: '{', textbraceright: '}', slash: '/',
  textperiodcentered: '·', texttimes: '×', textdiv: '÷', textpm: '±', textmu: 'µ', textonehalf: '½', textonequarter: '¼', textthreequarters: '¾',
  LaTeX: 'LaTeX', TeX: 'TeX', LaTeXe: 'LaTeX2e', BibTeX: 'BibTeX', XeLaTeX: 'XeLaTeX', LuaLaTeX: 'LuaLaTeX', pdfLaTeX: 'pdfLaTeX', XeTeX: 'XeTeX', LuaTeX: 'LuaTeX',
  quad: ' ', qquad: ' ', enskip: ' ', enspace: ' ', space: ' ', nobreakspace: ' ', thinspace: '\u2009',
};
for (const [k, v] of Object.entries(CHARS)) M[k] = { act: 'char', ch: v };
// Letters: they swallow the spaces after them.
const LETTERS: Record<string, string> = {
  ss: 'ß', SS: 'SS', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  // \ij is the Dutch ij ligature; it stands for the two letters a Dutch word list spells.
  ij: 'ij', IJ: 'IJ', dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ',
};
for (const [k, v] of Object.entries(LETTERS)) M[k] = { act: 'char', ch: v, eat: true };

// Accents. Control-symbol accents (\" \' …) and letter accents (\c \v …).
export const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a', b: '\u0331', d: '\u0323', t: '\u0361',
};
for (const k of 'u v H c k r b d t'.split(' ')) M[k] = { act: 'accent', ch: ACCENTS[k]! };

/** Control symbols that stand for a character (\% → %). */
export const ESCAPES: Record<string, string> = {
  '%': '%', '&': '&', '_': '_', '#': '#', '$': '$', '{': '{', '}': '}', ',': '\u2009', ' ': ' ', '\t': ' ', '\n': ' ', '\r': ' ',
  ';': ' ', ':': ' ', '>': ' ',
};
/** Control symbols that produce nothing (hyphenation hints, spacing corrections). */
export const SILENT_SYMBOLS = new Set(['-', '/', '@', '!', '*']);

const CITE = /cite|^Cite/;

/** The specification of a command, or undefined for an unknown command. */
export function macroSpec(name: string): MacroSpec | undefined {
  const m = M[name];
  if (m) return m;
  if (CITE.test(name) && !/^(nocite|citestyle|citesetup)/.test(name)) return { act: 'cite' };
  return undefined;
}

export type EnvAct =
  /** Items are list-item blocks. */
  | 'list'
  /** A description list: the item label is prose too. */
  | 'description'
  /** Cells are table-cell blocks. */
  | 'table'
  /** A float: its content (captions) is out of the sentence around it. */
  | 'float'
  /** Quoted text: blocks are marked quoted. */
  | 'quote'
  /** Prose in a box of its own (center, minipage, unknown environments). */
  | 'block'
  /** Display math: a placeholder word in the sentence. */
  | 'math'
  /** Not prose at all (code, pictures, the bibliography): read verbatim to its \end. */
  | 'skip'
  /** Text in another language; the language is the argument (otherlanguage) or the name (english). */
  | 'language'
  | 'abstract'
  | 'document';

export interface EnvSpec {
  act: EnvAct;
  sig: string;
  /** For 'language' environments named after the language (polyglossia). */
  language?: string;
}

const E: Record<string, EnvSpec> = Object.create(null) as Record<string, EnvSpec>;
const env = (names: string, spec: EnvSpec) => {
  for (const n of names.split(/\s+/)) if (n) E[n] = spec;
};
env('itemize enumerate compactitem compactenum asparaitem asparaenum inparaitem inparaenum itemize* enumerate* checklist', { act: 'list', sig: 'o' });
env('description compactdesc asparadesc inparadesc description*', { act: 'description', sig: 'o' });
env('tabular longtable longtable* supertabular xtabular tblr', { act: 'table', sig: 'om' });
env('tabular* tabularx tabulary longtblr', { act: 'table', sig: 'mom' });
env('NiceTabular', { act: 'table', sig: 'omo' });
env('figure figure* table table* sidewaysfigure sidewaystable marginfigure margintable algorithm algorithm*', { act: 'float', sig: 'o' });
env('wrapfigure wraptable', { act: 'float', sig: 'omom' });
env('subfigure subtable', { act: 'float', sig: 'ooom' });
env('quote quotation verse', { act: 'quote', sig: '' });
env('displayquote', { act: 'quote', sig: 'oo' });
env('center flushleft flushright titlepage framed small footnotesize singlespace onehalfspace doublespace landscape sloppypar samepage subequations', { act: 'block', sig: '' });
env('minipage', { act: 'block', sig: 'ooom' });
env('multicols multicols*', { act: 'block', sig: 'mo' });
env('spacing', { act: 'block', sig: 'm' });
env('mdframed tcolorbox', { act: 'block', sig: 'o' });
env('adjustbox', { act: 'block', sig: 'm' });
env('theorem lemma corollary proposition definition remark example proof note conjecture claim', { act: 'block', sig: 'o' });
env('equation equation* align align* gather gather* multline multline* eqnarray eqnarray* flalign flalign* displaymath math dmath dmath* dgroup dgroup* darray split', { act: 'math', sig: '' });
env('alignat alignat* xalignat IEEEeqnarray IEEEeqnarray*', { act: 'math', sig: 'm' });
env(
  'verbatim verbatim* Verbatim Verbatim* BVerbatim LVerbatim lstlisting minted comment filecontents filecontents* alltt tikzpicture pgfpicture picture tikzcd forest circuitikz ' +
    'thebibliography algorithmic algorithmic* algorithmicx pseudocode code luacode luacode* pycode sagesilent asy gnuplot dot2tex axis tabbing',
  { act: 'skip', sig: '' },
);
env('otherlanguage otherlanguage*', { act: 'language', sig: 'm' });
env('english', { act: 'language', sig: 'o', language: 'english' });
env('dutch', { act: 'language', sig: 'o', language: 'dutch' });
env('abstract', { act: 'abstract', sig: '' });
env('document', { act: 'document', sig: '' });

export function envSpec(name: string): EnvSpec | undefined {
  return E[name];
}

const NL = new Set(['dutch', 'nederlands', 'flemish', 'nl', 'nl-nl', 'nl-be', 'netherlands']);
const EN = new Set(['english', 'british', 'american', 'ukenglish', 'usenglish', 'canadian', 'australian', 'newzealand', 'en', 'en-gb', 'en-us', 'english-gb', 'english-us']);

/** nl, en, 'other' for a language Brug does not check, undefined for a word that names no language. */
export function languageOfName(name: string): 'nl' | 'en' | 'other' | undefined {
  const n = name.trim().toLowerCase();
  if (NL.has(n)) return 'nl';
  if (EN.has(n)) return 'en';
  if (/^[a-z]+$/.test(n) && BABEL_OTHER.has(n)) return 'other';
  return undefined;
}

const BABEL_OTHER = new Set([
  'german', 'ngerman', 'austrian', 'naustrian', 'swissgerman', 'french', 'francais', 'spanish', 'italian', 'portuguese', 'brazilian', 'danish', 'norsk',
  'nynorsk', 'swedish', 'finnish', 'polish', 'czech', 'slovak', 'russian', 'ukrainian', 'greek', 'turkish', 'hungarian', 'romanian', 'catalan',
  'afrikaans', 'frisian', 'estonian', 'latvian', 'lithuanian', 'croatian', 'serbian', 'slovene', 'bulgarian', 'hebrew', 'arabic', 'latin', 'icelandic',
  'irish', 'welsh', 'scottish', 'basque', 'galician', 'indonesian', 'malay', 'japanese', 'chinese', 'korean', 'vietnamese', 'thai', 'hindi',
]);
