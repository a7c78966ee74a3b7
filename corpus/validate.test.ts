import { describe, expect, it } from 'vitest';
import { validateCorpus, validateDispatch } from './validate';

const good = () => ({
  id: 'afp-test-2021-12-07-x',
  outlet: 'Europe 1',
  origin: 'AFP',
  chain: ['AFP', 'Europe 1'],
  language: 'fr',
  date: '2021-12-07',
  title: 'Titre',
  url: 'https://example.org/a',
  paragraphs: ['Premier paragraphe.', 'Second.'],
});

describe('validateDispatch', () => {
  it('accepts a complete record, with or without url, with a month date', () => {
    expect(validateDispatch(good(), 'x')).toEqual([]);
    const { url: _url, ...noUrl } = good();
    expect(validateDispatch({ ...noUrl, date: '2021-12' }, 'x')).toEqual([]);
    expect(validateDispatch({ ...good(), language: 'pt-BR' }, 'x')).toEqual([]);
  });

  it('names the record and the field in each message', () => {
    const errors = validateDispatch({ ...good(), chain: 'AFP' }, 'file.json');
    expect(errors).toEqual([
      'dispatch "file.json" (id "afp-test-2021-12-07-x"): field "chain" must be a non-empty array of strings',
    ]);
  });

  it.each([
    ['id', ''],
    ['id', 'has spaces'],
    ['outlet', 3],
    ['origin', '  '],
    ['title', undefined],
    ['chain', []],
    ['chain', ['AFP', 2]],
    ['language', 'french'],
    ['language', 'FR'],
    ['date', '2021-13'],
    ['date', '2021-02-30'],
    ['date', '7 Dec 2021'],
    ['url', 'javascript:alert(1)'],
    ['url', 42],
    ['paragraphs', []],
    ['paragraphs', 'text'],
  ])('rejects %s = %j', (field, value) => {
    const errors = validateDispatch({ ...good(), [field]: value }, 'rec');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`field "${field}"`);
    expect(errors[0]).toMatch(/^dispatch "rec"/);
  });

  it('points at the empty paragraph by index', () => {
    const errors = validateDispatch({ ...good(), paragraphs: ['a', ''] }, 'rec');
    expect(errors).toEqual([expect.stringContaining('field "paragraphs[1]" must be a non-empty string')]);
  });

  it('rejects unknown fields and non-objects', () => {
    expect(validateDispatch({ ...good(), text: 'x' }, 'rec')).toEqual([expect.stringContaining('field "text" is not a dispatch field')]);
    expect(validateDispatch([], 'rec')).toEqual(['dispatch "rec": must be a JSON object']);
    expect(validateDispatch(null, 'rec')).toEqual(['dispatch "rec": must be a JSON object']);
  });

  it('reports every problem of a record at once', () => {
    expect(validateDispatch({}, 'empty')).toHaveLength(8);
  });
});

describe('validateCorpus', () => {
  it('reports duplicate ids with both records', () => {
    const errors = validateCorpus(
      [
        { label: 'a.json', value: good() },
        { label: 'b.json', value: good() },
      ],
      'corpus',
    );
    expect(errors).toEqual([
      'corpus "corpus": dispatch "b.json": field "id" duplicates "afp-test-2021-12-07-x" of dispatch "a.json"',
    ]);
  });

  it('passes distinct valid records and collects errors of each', () => {
    expect(validateCorpus([{ label: 'a', value: good() }, { label: 'b', value: { ...good(), id: 'other' } }], 'c')).toEqual([]);
    expect(validateCorpus([{ label: 'a', value: { ...good(), date: '' } }, { label: 'b', value: 1 }], 'c')).toHaveLength(2);
  });
});

describe('dispatchProblems', () => {
  it('says a field is missing rather than of the wrong type', () => {
    const { title: _t, ...rest } = good();
    expect(validateDispatch(rest, 'r')).toEqual(['dispatch "r" (id "afp-test-2021-12-07-x"): field "title" is missing']);
  });
});
