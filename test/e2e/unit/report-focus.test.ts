/**
 * The report view's page script, run outside a browser on a small fake DOM: a code lens's section
 * (its heading line, 0-based, as the server's lens sends it) gets its row scrolled into view and
 * highlighted, and the highlight survives the updates that replace the page's content after each
 * check. The real webview is checked by the e2e run in code-server.
 */
import { strict as assert } from 'node:assert';
import { runInNewContext } from 'node:vm';
import { renderMessage, renderPage, renderReportBody } from '../../../client/src/report-html';

const metrics = (score: number, words = 200) => ({ words, sentences: 10, score, band: { nl: 'moeilijk', en: 'difficult' } });

/** Sections as the server's report has them: `line` is the heading's 1-based line. */
function report(extraTitle?: string) {
  const sections = [
    { title: 'Samenvatting', level: 2, line: 3, metrics: metrics(25) },
    { title: 'Resultaten', level: 2, line: 9, metrics: metrics(40) },
    { title: 'Aanbevelingen', level: 2, line: 20, metrics: metrics(55) },
  ];
  if (extraTitle) sections.push({ title: extraTitle, level: 2, line: 30, metrics: metrics(60) });
  return { language: 'nl', messages: 'nl', metrics: metrics(38), sections, rules: [], findings: 0 };
}

/**
 * Just enough DOM for the script: the root's content is a string, its section rows are found by
 * their data-line, and replacing the content drops every class the script put on a row (as a real
 * innerHTML assignment does).
 */
class FakePage {
  html: string;
  readonly dataset: Record<string, string> = {};
  readonly focused = new Set<string>();
  readonly scrolled: string[] = [];
  private readonly listeners: Array<(event: { data: unknown }) => void> = [];

  constructor(page: string) {
    const main = /<main id="root"( data-focus="(-?\d+)")?>([\s\S]*)<\/main>/.exec(page);
    const script = /<script nonce="[^"]+">([\s\S]*)<\/script>/.exec(page);
    assert.ok(main && script, 'a page with a root and a script');
    this.html = main[3]!;
    if (main[2] !== undefined) this.dataset.focus = main[2];
    const self = this;
    const root = {
      dataset: this.dataset,
      set innerHTML(v: string) {
        self.html = v;
        self.focused.clear();
      },
      querySelector: (sel: string) => this.querySelector(sel),
      querySelectorAll: (sel: string) => this.querySelectorAll(sel),
    };
    runInNewContext(script[1]!, {
      acquireVsCodeApi: () => ({ postMessage: () => undefined }),
      document: { getElementById: (id: string) => (id === 'root' ? root : null), addEventListener: () => undefined },
      window: { addEventListener: (type: string, fn: (event: { data: unknown }) => void) => type === 'message' && this.listeners.push(fn) },
    });
  }

  post(data: unknown): void {
    for (const fn of this.listeners) fn({ data });
  }

  private row(line: string) {
    return {
      classList: { add: (c: string) => c === 'focused' && this.focused.add(line), remove: (c: string) => c === 'focused' && this.focused.delete(line) },
      scrollIntoView: () => this.scrolled.push(line),
      closest: (sel: string) => (sel === 'tr' ? this.row(line) : null),
    };
  }

  private querySelector(sel: string) {
    const m = /^#sections \[data-line="(-?\d+)"\]$/.exec(sel);
    if (!m) throw new Error(`the fake page does not know the selector ${sel}`);
    const sections = /<section id="sections">[\s\S]*?<\/section>/.exec(this.html)?.[0] ?? '';
    return sections.includes(`<tr class="section-row`) && sections.includes(`data-line="${m[1]}"`) ? this.row(m[1]!) : null;
  }

  private querySelectorAll(sel: string) {
    if (sel === '.focused') return [...this.focused].map((l) => this.row(l));
    if (sel === 'details[data-key]') return [];
    throw new Error(`the fake page does not know the selector ${sel}`);
  }
}

const body = (extra?: string) => renderReportBody(report(extra), 'nl', 'a.md');

describe('client: the report view shows the section of a code lens', () => {
  it('scrolls to and highlights the row of the heading line the lens sends (0-based)', () => {
    // The lens above the heading on line 9 (1-based) sends line 8.
    const page = new FakePage(renderPage(body(), 'nl', 'n0nce', 'csp', 8));
    assert.deepEqual([...page.focused], ['8']);
    assert.deepEqual(page.scrolled, ['8']);
  });

  it('keeps the highlight when a new check replaces the content, without scrolling again', () => {
    const page = new FakePage(renderPage(body(), 'nl', 'n0nce', 'csp', 8));
    page.post({ type: 'update', html: body('Nieuw hoofdstuk') });
    assert.deepEqual([...page.focused], ['8']);
    page.post({ type: 'update', html: body() });
    assert.deepEqual([...page.focused], ['8']);
    assert.deepEqual(page.scrolled, ['8']);
  });

  it('waits for the report when the lens is clicked before the report is in', () => {
    const page = new FakePage(renderPage(renderMessage('Rapport wordt gemaakt…', 'a.md', 'nl'), 'nl', 'n0nce', 'csp'));
    page.post({ type: 'focus', line: 19 });
    assert.deepEqual([...page.focused], []);
    page.post({ type: 'update', html: body() });
    assert.deepEqual([...page.focused], ['19']);
    assert.deepEqual(page.scrolled, ['19']);
  });

  it('moves the highlight to the next lens clicked, and leaves rows alone without a lens', () => {
    const page = new FakePage(renderPage(body(), 'nl', 'n0nce', 'csp', 2));
    assert.deepEqual([...page.focused], ['2']);
    page.post({ type: 'focus', line: 19 });
    assert.deepEqual([...page.focused], ['19']);
    const plain = new FakePage(renderPage(body(), 'nl', 'n0nce', 'csp'));
    plain.post({ type: 'update', html: body() });
    assert.deepEqual([...plain.focused], []);
    assert.deepEqual(plain.scrolled, []);
  });
});
