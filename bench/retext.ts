/**
 * The naive remark + retext pipeline Brug is compared with in `npm run bench`: Markdown
 * parsed by remark, its prose handed to retext (English or Dutch parser) with the
 * readability, passive, simplify and equality plugins. LaTeX and plain text go to retext
 * directly as text (that pipeline has no LaTeX reader).
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRetext from 'remark-retext';
import remarkStringify from 'remark-stringify';
import retextEnglish from 'retext-english';
import retextDutch from 'retext-dutch';
import retextReadability from 'retext-readability';
import retextPassive from 'retext-passive';
import retextSimplify from 'retext-simplify';
import retextEquality from 'retext-equality';

type Lang = 'nl' | 'en';

function retextFor(lang: Lang): Processor<any, any, any, any, any> {
  const base = lang === 'nl' ? unified().use(retextDutch) : unified().use(retextEnglish);
  return base.use(retextReadability, { age: 16 }).use(retextPassive).use(retextSimplify).use(retextEquality) as unknown as Processor<any, any, any, any, any>;
}

const processors = new Map<string, Processor<any, any, any, any, any>>();

/** Runs the pipeline over one document; returns the number of messages. */
export async function retextCheck(text: string, lang: Lang, markdown: boolean): Promise<number> {
  const key = `${lang}:${markdown}`;
  let p = processors.get(key);
  if (!p) {
    p = markdown
      ? (unified().use(remarkParse).use(remarkGfm).use(remarkRetext, retextFor(lang) as never).use(remarkStringify) as unknown as Processor<any, any, any, any, any>)
      : (retextFor(lang).use(function () {
          // retext has no compiler of its own: the messages are the output.
          this.compiler = () => '';
        }) as unknown as Processor<any, any, any, any, any>);
    processors.set(key, p);
  }
  const file = await p.process(text);
  return file.messages.length;
}
