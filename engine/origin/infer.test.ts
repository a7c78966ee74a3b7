import { describe, expect, it } from 'vitest';
import { inferOrigin, spanOf, type PassageCopy } from './index';

const copy = (outlet: string, published: string | undefined, credits: string[] = [], extra: Partial<PassageCopy> = {}): PassageCopy => ({
  outlet,
  published,
  credits: credits.map((agency) => ({ agency, place: 'start' })),
  whole: true,
  ...extra,
});

describe('inferOrigin: credits', () => {
  it('states the agency a copy credits when nothing says otherwise', () => {
    expect(inferOrigin([copy('Europe 1', '2021-12-07T19:30:00+01:00', ['AFP'])])).toEqual({
      origin: 'AFP',
      confidence: 'stated',
      chain: ['AFP', 'Europe 1'],
      reasons: [{ kind: 'credited', agency: 'AFP', outlets: ['Europe 1'], weak: false }],
    });
    const both = inferOrigin([copy('franceinfo', '2021-12-07T21:00:00+01:00', ['AFP']), copy('Europe 1', '2021-12-07T19:30:00+01:00', ['AFP'])]);
    expect(both).toMatchObject({ origin: 'AFP', confidence: 'stated', chain: ['AFP', 'Europe 1', 'franceinfo'] });
  });

  it('states it too when the uncredited copy came out after a crediting one', () => {
    const r = inferOrigin([copy('Le Figaro', '2021-12-07T10:00:00Z', ['AFP']), copy('Yahoo', '2021-12-07T13:00:00Z')]);
    expect(r.confidence).toBe('stated');
    expect(r.chain).toEqual(['AFP', 'Le Figaro', 'Yahoo']);
  });

  it('makes it only likely when the earliest copy credits nobody', () => {
    const r = inferOrigin([copy('Le Figaro', '2021-12-07T10:00:00+01:00', ['AFP']), copy('Yahoo', '2021-12-07T08:00:00+01:00')]);
    expect(r.origin).toBe('AFP');
    expect(r.confidence).toBe('likely');
    expect(r.reasons).toContainEqual({ kind: 'earlier-uncredited', outlet: 'Yahoo', agency: 'AFP' });
    expect(r.reasons).toContainEqual({ kind: 'earliest', outlet: 'Yahoo', date: '2021-12-07T08:00:00+01:00', leadHours: 2 });
    expect(r.chain).toEqual(['AFP', 'Yahoo', 'Le Figaro']);
  });

  it('makes it only likely when an uncredited copy has no date', () => {
    const r = inferOrigin([copy('Le Figaro', '2021-12-07T10:00:00Z', ['AFP']), copy('Blog', undefined)]);
    expect(r).toMatchObject({ origin: 'AFP', confidence: 'likely' });
    expect(r.reasons).toContainEqual({ kind: 'dates-missing', outlets: ['Blog'] });
    expect(r.chain).toEqual(['AFP', 'Le Figaro', 'Blog']);
  });

  it('states it when every copy credits the agency, dated or not', () => {
    expect(inferOrigin([copy('A', undefined, ['Reuters']), copy('B', undefined, ['Reuters'])]).confidence).toBe('stated');
  });

  it('takes an agency’s own copy for a credit of the agency', () => {
    const r = inferOrigin([copy('AFP', '2021-12-07T08:00:00Z'), copy('Le Figaro', '2021-12-07T10:00:00Z', ['AFP'])]);
    expect(r).toMatchObject({ origin: 'AFP', confidence: 'stated', chain: ['AFP', 'Le Figaro'] });
    expect(r.reasons[0]).toEqual({ kind: 'credited', agency: 'AFP', outlets: ['AFP', 'Le Figaro'], weak: false });
    // Reuters' own copy, earlier, against a later copy crediting AFP: Reuters is likely.
    expect(inferOrigin([copy('Reuters', '2021-12-07T08:00:00Z'), copy('Le Figaro', '2021-12-07T12:00:00Z', ['AFP'])])).toMatchObject({
      origin: 'Reuters',
      confidence: 'likely',
    });
  });

  it('gives only a likely origin from a partial copy or a credit inside the text', () => {
    const part = inferOrigin([copy('Radio', '2021-12-16', ['AFP'], { whole: false })]);
    expect(part).toMatchObject({ origin: 'AFP', confidence: 'likely' });
    expect(part.reasons).toEqual([{ kind: 'credited', agency: 'AFP', outlets: ['Radio'], weak: true }]);
    const inside = inferOrigin([{ ...copy('Live', '2021-12-16'), credits: [{ agency: 'Reuters', place: 'inside' }] }]);
    expect(inside).toMatchObject({ origin: 'Reuters', confidence: 'likely' });
  });
});

describe('inferOrigin: conflicting credits', () => {
  it('two copies credit different agencies: the first copy’s is likely, never stated', () => {
    const r = inferOrigin([copy('Le Soir', '2021-12-07T09:00:00Z', ['Belga']), copy('La Libre', '2021-12-07T13:00:00Z', ['AFP'])]);
    expect(r).toMatchObject({ origin: 'Belga', confidence: 'likely' });
    expect(r.reasons).toContainEqual({ kind: 'credits-conflict', agencies: ['Belga', 'AFP'] });
  });

  it('two copies credit different agencies at the same time: unknown', () => {
    const r = inferOrigin([copy('Le Soir', '2021-12-07T09:00:00Z', ['Belga']), copy('La Libre', '2021-12-07T09:20:00Z', ['AFP'])]);
    expect(r).toMatchObject({ origin: null, confidence: 'unknown', chain: ['Le Soir', 'La Libre'] });
    expect(r.reasons).toContainEqual({ kind: 'same-time', outlets: ['Le Soir', 'La Libre'] });
  });

  it('the agency more copies credit is likely', () => {
    const r = inferOrigin([copy('A', undefined, ['Reuters']), copy('B', undefined, ['AFP']), copy('C', undefined, ['AFP'])]);
    expect(r).toMatchObject({ origin: 'AFP', confidence: 'likely' });
  });

  it('one copy crediting two agencies names neither for sure', () => {
    const r = inferOrigin([copy('Le Monde', '2021-12-07', ['AFP', 'Reuters'])]);
    expect(r).toMatchObject({ origin: null, confidence: 'unknown' });
    expect(r.reasons).toContainEqual({ kind: 'credits-conflict', agencies: ['AFP', 'Reuters'] });
  });

  it('Radio Habana Cuba: its AFP paragraphs are part of a text it credits to RT, RFI ran them whole crediting AFP', () => {
    const r = inferOrigin([
      copy('Radio Habana Cuba', '2021-12-16', ['RT'], { whole: false }),
      copy('RFI', '2021-12-14T18:00:00+01:00', ['AFP']),
    ]);
    expect(r).toMatchObject({ origin: 'AFP', confidence: 'likely', chain: ['AFP', 'RFI', 'Radio Habana Cuba'] });
    expect(r.reasons).toContainEqual({ kind: 'credited', agency: 'RT', outlets: ['Radio Habana Cuba'], weak: true });
    expect(r.reasons).toContainEqual({ kind: 'credits-conflict', agencies: ['AFP', 'RT'] });
  });
});

describe('inferOrigin: dates alone', () => {
  it('a copy out hours before the others is the likely origin, never a stated one', () => {
    const r = inferOrigin([copy('news24.com', '2022-01-28T16:00:00Z'), copy('news-24.fr', '2022-01-29T08:00:00Z')]);
    expect(r).toEqual({
      origin: 'news24.com',
      confidence: 'likely',
      chain: ['news24.com', 'news-24.fr'],
      reasons: [{ kind: 'earliest', outlet: 'news24.com', date: '2022-01-28T16:00:00Z', leadHours: 16 }],
    });
  });

  it('says when the earliest copy is only part of a longer text', () => {
    const r = inferOrigin([copy('Roundup', '2022-01-28T10:00:00Z', [], { whole: false }), copy('Site', '2022-01-28T15:00:00Z')]);
    expect(r.confidence).toBe('likely');
    expect(r.reasons).toContainEqual({ kind: 'earliest-is-part', outlet: 'Roundup' });
  });

  it('copies within the hour, or only a day apart when one gives only its day, are unknown', () => {
    expect(inferOrigin([copy('A', '2022-01-28T10:00:00Z'), copy('B', '2022-01-28T10:40:00Z')])).toMatchObject({
      origin: null,
      confidence: 'unknown',
      reasons: [{ kind: 'same-time', outlets: ['A', 'B'] }],
    });
    expect(inferOrigin([copy('A', '2021-12-07'), copy('B', '2021-12-08T10:00:00Z')]).confidence).toBe('unknown');
    expect(inferOrigin([copy('A', '2021-12-07'), copy('B', '2021-12-09T10:00:00Z')]).origin).toBe('A');
    // A month tells a copy apart only from one of another month.
    expect(inferOrigin([copy('A', '2021-12'), copy('B', '2021-12-20')]).confidence).toBe('unknown');
    expect(inferOrigin([copy('A', '2021-12'), copy('B', '2022-01-05')]).origin).toBe('A');
  });

  it('a copy without a date may be the first: unknown', () => {
    const r = inferOrigin([copy('A', '2022-01-28T10:00:00Z'), copy('B', undefined), copy('C', '2022-01-29T10:00:00Z')]);
    expect(r).toMatchObject({ origin: null, confidence: 'unknown', chain: ['A', 'C', 'B'] });
    expect(r.reasons).toContainEqual({ kind: 'dates-missing', outlets: ['B'] });
  });

  it('a copy read before another was published came out before it', () => {
    const r = inferOrigin([copy('Later', '2022-01-28T12:00:00Z'), copy('Read', undefined, [], { read: '2022-01-28T09:00:00Z' })]);
    expect(r).toMatchObject({ origin: 'Read', confidence: 'likely' });
    expect(r.reasons).toContainEqual({ kind: 'earliest', outlet: 'Read', date: '2022-01-28T09:00:00Z', leadHours: 3 });
  });

  it('one uncredited copy, or none, tells nothing', () => {
    expect(inferOrigin([copy('A', '2022-01-28')])).toEqual({ origin: null, confidence: 'unknown', chain: ['A'], reasons: [{ kind: 'no-evidence' }] });
    expect(inferOrigin([])).toEqual({ origin: null, confidence: 'unknown', chain: [], reasons: [{ kind: 'no-evidence' }] });
  });

  it('is never firmer than the evidence, whatever the copies', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const agencies = ['AFP', 'Reuters', 'AP'];
    for (let i = 0; i < 2000; i++) {
      const copies = Array.from({ length: 1 + rand(4) }, (_, k) =>
        copy(`o${k}`, rand(4) === 0 ? undefined : `2022-01-${String(10 + rand(3)).padStart(2, '0')}T${String(rand(24)).padStart(2, '0')}:00:00Z`, rand(2) ? [agencies[rand(3)]] : [], {
          whole: rand(3) > 0,
        }),
      );
      const r = inferOrigin(copies);
      const credited = new Set(copies.flatMap((c) => c.credits.map((x) => x.agency)));
      if (credited.size !== 1) expect(r.confidence).not.toBe('stated');
      if (r.confidence === 'stated') expect(copies.every((c) => c.credits.length > 0 || c.published)).toBe(true);
      if (r.confidence === 'unknown') expect(r.origin).toBeNull();
      else expect(r.origin).not.toBeNull();
    }
  });
});

describe('spanOf', () => {
  it('reads offsets with and without a colon, local times and days as intervals', () => {
    expect(spanOf('2017-11-16T14:15+0000')).toEqual({ lo: Date.parse('2017-11-16T14:15:00Z'), hi: Date.parse('2017-11-16T14:15:00Z') });
    expect(spanOf('2021-12-07T19:30:00+01:00')!.lo).toBe(Date.parse('2021-12-07T18:30:00Z'));
    const local = spanOf('2017-11-24T18:42:20')!;
    expect(local.hi - local.lo).toBe(26 * 3_600_000);
    const day = spanOf('2021-12-07')!;
    expect(day.hi - day.lo).toBe(50 * 3_600_000);
    const month = spanOf('2021-12')!;
    expect(month.lo).toBe(Date.parse('2021-12-01T00:00:00Z') - 14 * 3_600_000);
    expect(month.hi).toBe(Date.parse('2022-01-01T00:00:00Z') + 12 * 3_600_000);
    expect(spanOf('2021-13')).toBeNull();
    expect(spanOf('hier')).toBeNull();
    expect(spanOf('2021-13-45')).toBeNull();
  });
});
