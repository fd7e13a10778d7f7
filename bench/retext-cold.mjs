// The remark + retext pipeline as a command, for cold-start comparisons:
// node bench/retext-cold.mjs FILE [nl|en]. Plain JavaScript, so no loader is timed. Markdown (.md) goes through remark,
// anything else to retext as text.
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
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

const [file, lang = 'en'] = process.argv.slice(2);
const retext = unified().use(lang === 'nl' ? retextDutch : retextEnglish).use(retextReadability, { age: 16 }).use(retextPassive).use(retextSimplify).use(retextEquality);
// Markdown through remark; any other file (LaTeX, plain text) to retext directly as text, as bench/retext.ts does.
const text = readFileSync(file, 'utf8');
const result = /\.(md|markdown)$/i.test(file)
  ? await unified().use(remarkParse).use(remarkGfm).use(remarkRetext, retext).use(remarkStringify).process(text)
  : await retext()
      .use(function () {
        this.compiler = () => '';
      })
      .process(text);
process.stdout.write(`${result.messages.length} messages\n`);
