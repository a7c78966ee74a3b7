import { describe, expect, it } from 'vitest';
import { bundledCorpus } from './bundled';
import { parseNdjson } from './ndjson';

const rec = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: 'a1',
    outlet: 'Le Site',
    origin: 'AFP',
    chain: ['AFP', 'Le Site'],
    language: 'fr',
    date: '2022-01',
    title: 'Titre',
    paragraphs: ['Un.', 'Deux.'],
    ...over,
  });

describe('parseNdjson', () => {
  it('reads the bundled corpus written as NDJSON back unchanged', () => {
    const result = parseNdjson(bundledCorpus.map((d) => JSON.stringify(d)).join('\n') + '\n');
    expect(result).toEqual({ ok: true, dispatches: bundledCorpus });
  });

  it('splits a text body into paragraphs at blank lines and skips blank lines', () => {
    const text = 'Premier paragraphe,\nsuite.\n\n  \nSecond « paragraphe ».\r\n\r\nTroisième.';
    const r = parseNdjson(`\n${rec({ paragraphs: undefined, text })}\r\n\n   \n${rec({ id: 'a2' })}\n`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dispatches.map((d) => d.id)).toEqual(['a1', 'a2']);
    expect(r.dispatches[0].paragraphs).toEqual(['Premier paragraphe,\nsuite.', 'Second « paragraphe ».', 'Troisième.']);
    expect(r.dispatches[0]).not.toHaveProperty('text');
  });

  it('reports each bad line with its 1-based number and reason, and returns no dispatches', () => {
    const file = [
      rec(), // 1 ok
      '{"id": "b",', // 2 invalid JSON
      '', // 3 blank
      rec({ id: 'c', title: undefined }), // 4 missing field
      rec({ id: 'd', chain: 'AFP' }), // 5 wrong type
      rec(), // 6 duplicate of line 1
      '[1, 2]', // 7 not an object
      rec({ id: 'e', paragraphs: undefined }), // 8 no body
      rec({ id: 'f', text: 'x' }), // 9 both bodies
      rec({ id: 'g', paragraphs: undefined, text: 3 }), // 10 text of wrong type
      rec({ id: 'h', paragraphs: undefined, text: ' \n\n ' }), // 11 empty text
      rec({ id: 'i', date: '28/01/2022', language: 'French' }), // 12 two problems
    ].join('\n');
    const r = parseNdjson(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r).not.toHaveProperty('dispatches');
    expect(r.errors.map((e) => e.line)).toEqual([2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12]);
    const at = (line: number) => r.errors.filter((e) => e.line === line).map((e) => e.message);
    expect(at(2)[0]).toMatch(/^invalid JSON \(/);
    expect(at(4)).toEqual(['field "title" is missing']);
    expect(at(5)).toEqual(['field "chain" must be a non-empty array of strings']);
    expect(at(6)).toEqual(['field "id": "a1" already appears on line 1']);
    expect(at(7)).toEqual(['must be a JSON object with the dispatch fields']);
    expect(at(8)).toEqual(['field "text" or "paragraphs" is missing']);
    expect(at(9)).toEqual(['give the body as "text" or as "paragraphs", not both']);
    expect(at(10)).toEqual(['field "text" must be a string']);
    expect(at(11)).toEqual(['field "text" must not be empty']);
    expect(at(12)).toEqual([expect.stringContaining('field "language"'), expect.stringContaining('field "date"')]);
  });

  it('fails a file whose only problem is one line among good ones', () => {
    const r = parseNdjson([rec(), rec({ id: 'z', outlet: '' })].join('\n'));
    expect(r).toEqual({ ok: false, errors: [{ line: 2, message: 'field "outlet" must be a non-empty string' }] });
  });

  it('accepts a byte-order mark and rejects a file with no dispatch', () => {
    expect(parseNdjson('\uFEFF' + rec())).toMatchObject({ ok: true, dispatches: [{ id: 'a1' }] });
    expect(parseNdjson('\n \n')).toEqual({ ok: false, errors: [{ line: 1, message: expect.stringContaining('no dispatch') }] });
    expect(parseNdjson('')).toMatchObject({ ok: false });
  });
});
