/**
 * On --stdio the server writes its messages with an encoder of its own (publish-writer.ts): a publishDiagnostics
 * message is put together from each diagnostic's JSON, made once per diagnostic object. The bytes must be those of
 * JSON.stringify of the whole message in UTF-8 (what vscode-jsonrpc's encoder writes): for real diagnostics in nl and
 * en, for texts with accents, emoji, quotes, backslashes, control characters and lone surrogates, when a diagnostic
 * object comes back in a later publication, and for every other message (written as before). Its writer frames each
 * message and hands it to the stream in one write, in the order given.
 */
import { strict as assert } from 'node:assert';
import { Readable, Writable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { StreamMessageReader } from 'vscode-languageserver/node';
import type { Message } from 'vscode-languageserver/node';
import { engineFor } from '../../server/src/workspace/engine.js';
import { toDiagnostics } from '../../server/src/lsp/diagnostics.js';
import { DirectStreamWriter, encodeMessage } from '../../server/src/lsp/publish-writer.js';
import { ROOT } from './client.js';

const expected = (msg: unknown) => Buffer.from(JSON.stringify(msg, undefined, 0), 'utf-8');
/** The bytes are equal; else where they part (not both messages whole: they are long). */
function sameBytes(actual: Uint8Array, wanted: Buffer): void {
  const a = Buffer.from(actual);
  if (a.equals(wanted)) return;
  let i = 0;
  while (i < a.length && a[i] === wanted[i]) i++;
  assert.fail(`bytes differ at ${i} of ${wanted.length}: ${JSON.stringify(a.subarray(Math.max(0, i - 40), i + 40).toString())} instead of ${JSON.stringify(wanted.subarray(Math.max(0, i - 40), i + 40).toString())}`);
}
const publication = (uri: string, diagnostics: unknown[], version?: number | null): Message =>
  ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: version === undefined ? { uri, diagnostics } : { uri, version, diagnostics } }) as Message;

/** Texts with what JSON.stringify escapes or writes in more than one UTF-8 byte. */
const tricky = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('"', '\\', '\u0000', '\n\r\t', '\u2028\u2029', '\ud83d', '\ude00', '😀 „café” ‘naïef’', '</script>', '\u007f\u0080'),
);

const diagnostic = fc.record(
  {
    range: fc.record({ start: fc.record({ line: fc.nat(), character: fc.nat() }), end: fc.record({ line: fc.nat(), character: fc.nat() }) }),
    severity: fc.integer({ min: 1, max: 4 }),
    source: fc.constant('brug'),
    code: tricky,
    message: tricky,
    codeDescription: fc.record({ href: tricky }),
    data: fc.record({ fixes: fc.array(fc.record({ title: tricky, preferred: fc.boolean(), edits: fc.array(fc.record({ newText: tricky })) })), holds: fc.array(fc.record({ text: tricky })) }),
    relatedInformation: fc.array(fc.record({ message: tricky, extra: fc.option(fc.constant(undefined)) })),
  },
  { requiredKeys: ['range', 'message'] },
);

describe('lsp: the stdio writer writes a publication as JSON.stringify would', function () {
  this.timeout(60000);

  it('random diagnostics: the same bytes, also when objects come back in the next publication (cached) and in another order', () => {
    fc.assert(
      fc.property(tricky, fc.array(diagnostic, { maxLength: 12 }), fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer()), (uri, ds, version) => {
        const first = publication(uri, ds, version);
        sameBytes(encodeMessage(first, 'utf-8'), expected(first));
        const again = publication(uri, [...ds].reverse().concat(ds.slice(0, 2)), version === undefined ? 3 : undefined);
        sameBytes(encodeMessage(again, 'utf-8'), expected(again));
      }),
      { numRuns: 300, seed: 31 },
    );
  });

  it('a series of publications of a few documents, each list the last one edited: the same bytes at every publication', () => {
    // Each step edits one document's list as an edit of the text does (diagnostics that go, new ones, the rest kept in
    // their order, or all of them anew), also past the look-ahead (more than 16 go at once), with the same object
    // twice, and with the caller's array changed after it was written (the writer must not read it again).
    const step = fc.record({
      uri: fc.constantFrom('file:///a.md', 'file:///b.md', 'untitled:c'),
      at: fc.nat(),
      remove: fc.oneof(fc.nat({ max: 3 }), fc.nat({ max: 40 })),
      add: fc.array(diagnostic, { maxLength: 3 }),
      again: fc.boolean(),
      anew: fc.nat({ max: 9 }),
      scramble: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(diagnostic, { minLength: 1, maxLength: 60 }), fc.array(step, { minLength: 1, maxLength: 12 }), (initial, steps) => {
        const lists = new Map<string, unknown[]>();
        let version = 1;
        for (const s of steps) {
          const list = [...(lists.get(s.uri) ?? initial)];
          const at = list.length ? s.at % list.length : 0;
          list.splice(at, s.remove, ...s.add, ...(s.again && list.length ? [list[0]] : []));
          const ds = s.anew === 0 ? list.map((d) => ({ ...(d as object) })) : list;
          const msg = publication(s.uri, ds, version++);
          const wanted = expected(msg);
          sameBytes(encodeMessage(msg, 'utf-8'), wanted);
          lists.set(s.uri, ds);
          // The caller's array changed afterwards (its objects are not: a diagnostic is never changed once made).
          if (s.scramble) {
            const copy = [...ds];
            ds.reverse();
            lists.set(s.uri, copy);
          }
        }
      }),
      { numRuns: 300, seed: 36 },
    );
  });

  it('a diagnostic of the last publication is not serialised again: only the new ones are', () => {
    const ds = Array.from({ length: 40 }, (_, i) => ({ range: { start: { line: i, character: 0 }, end: { line: i, character: 3 } }, message: `m ${i} ü` }));
    const uri = 'file:///serialised.md';
    const serialised: unknown[] = [];
    const stringify = JSON.stringify;
    const counting = (value: unknown, ...rest: unknown[]) => {
      if (typeof value === 'object' && value !== null && 'message' in value) serialised.push(value);
      return (stringify as (...a: unknown[]) => string)(value, ...rest);
    };
    const check = (list: unknown[], version: number) => {
      const msg = publication(uri, list, version);
      serialised.length = 0;
      JSON.stringify = counting as typeof JSON.stringify;
      let bytes: Buffer;
      try {
        bytes = encodeMessage(msg, 'utf-8');
      } finally {
        JSON.stringify = stringify;
      }
      sameBytes(bytes, expected(msg));
      return [...serialised];
    };
    assert.equal(check(ds, 1).length, 40);
    // One goes, one comes, twenty go at once: each diagnostic object's JSON is made once, whatever moved.
    const fresh = { range: ds[0]!.range, message: 'new' };
    const next = [...ds.slice(0, 5), fresh, ...ds.slice(6, 10), ...ds.slice(11)];
    assert.deepEqual(check(next, 2), [fresh]);
    assert.deepEqual(check(next, 3), []);
    const shorter = [...next.slice(0, 8), ...next.slice(30)];
    assert.deepEqual(check(shorter, 4), []);
    assert.deepEqual(check(shorter, 5), []);
  });

  for (const [file, language] of [
    ['rapport-schuldhulp.md', 'nl'],
    ['report-employment-support.md', 'en'],
  ] as const) {
    it(`${language}: the diagnostics of ${file} (with emoji and escapes in the text) are written byte for byte`, () => {
      const text = `${readFileSync(join(ROOT, 'samples', file), 'utf8')}\n\nEen zin met 😀 en "aanhalingstekens" en \\backslash\\ en \u2028 die heel erg zeer erg lang is.\n`;
      const uri = `file:///tmp/weird "name" ü 😀/${file}`;
      const r = engineFor().engine.lint(text, { uri });
      const doc = TextDocument.create(uri, 'markdown', 1, text);
      const ds = toDiagnostics(r.findings, doc, language, uri, text);
      assert.ok(ds.length > 10 && ds.some((d) => d.data), `${ds.length} diagnostics`);
      for (const msg of [publication(uri, ds, 1), publication(uri, ds, 1), publication(uri, ds.slice(1), 2), publication(uri, [])]) {
        sameBytes(encodeMessage(msg, 'utf-8'), expected(msg));
      }
    });
  }

  it('other messages and other shapes are written as before', async () => {
    const d = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x ü' };
    const messages = [
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'ü 😀' } },
      { jsonrpc: '2.0', id: 1, result: { diagnostics: [d] } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics: [d], uri: 'a' } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'a', version: undefined, diagnostics: [d] } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'a', diagnostics: [d, undefined, { toJSON: () => 7 }] } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'a', diagnostics: [d] }, extra: 1 },
    ];
    for (const msg of messages) {
      sameBytes(encodeMessage(msg as Message, 'utf-8'), expected(msg));
    }
    const msg = publication('a', [d], 1);
    sameBytes(encodeMessage(msg, 'utf16le'), Buffer.from(JSON.stringify(msg), 'utf16le'));
  });

  it('the stream writer frames each message, header and body in one write, in the order given; a message it cannot encode fails alone', async () => {
    // What the stream is handed, write by write (a socket or pipe writes a batch of chunks at once: writev).
    const chunks: Buffer[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      writev(batch, done) {
        chunks.push(Buffer.concat(batch.map((b) => b.chunk as Buffer)));
        done();
      },
    });
    const writer = new DirectStreamWriter(stream);
    const errors: unknown[] = [];
    writer.onError((e) => errors.push(e));
    const d = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, message: 'cliënt 😀 „x”' };
    const messages: Message[] = [
      publication('file:///a.md', [d, d], 3),
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'reïntegratie' } } as Message,
      { jsonrpc: '2.0', method: 'brug/documentStatusChanged', params: { uri: 'file:///a.md', version: 3 } } as Message,
    ];
    // Written back to back, without waiting: they arrive in this order.
    const sent = messages.map((m) => writer.write(m));
    const bad = writer.write({ jsonrpc: '2.0', method: 'x', params: { n: 1n } } as unknown as Message);
    await assert.rejects(bad);
    const after = writer.write(messages[2]!);
    await Promise.all([...sent, after]);
    assert.equal(errors.length, 1, 'the message that cannot be encoded is reported');
    assert.equal(chunks.length, 4, 'one write per message (header and body together)');
    for (let i = 0; i < 4; i++) {
      const msg = i < 3 ? messages[i]! : messages[2]!;
      const body = expected(msg);
      sameBytes(chunks[i]!, Buffer.concat([Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii'), body]));
    }
    // vscode-jsonrpc's reader (an editor's) reads them back as they were.
    const read: unknown[] = [];
    const reader = new StreamMessageReader(Readable.from([Buffer.concat(chunks)]));
    await new Promise<void>((resolve) => {
      reader.listen((m) => {
        read.push(m);
        if (read.length === 4) resolve();
      });
    });
    assert.deepStrictEqual(read, [...messages, messages[2]]);
    reader.dispose();
    writer.end();
  });
});
