/** Parts of `npm run bench` that a flag can leave out (the targets they feed then read n/a). */
export const BENCH_SECTIONS = ['naive', 'syndicated', 'facts', 'segments', 'rebuild'] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

export interface BenchArgs {
  /** The whole run stays under this many minutes: a segment size whose builds would go past it is skipped. */
  budgetMinutes: number;
  /** Corpus sizes of the segmented-index section. */
  segmentSizes: number[];
  skip: Set<BenchSection>;
}

const SEGMENT_SIZES = [10_000, 100_000];

/**
 * `--budget-min N`, `--sizes 10000,100000` (segmented indexes; "10k" and "100k" read too) and
 * `--skip naive,syndicated,facts,segments,rebuild` (rebuild: the full rebuild beside the segments).
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const out: BenchArgs = { budgetMinutes: 10, segmentSizes: SEGMENT_SIZES, skip: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--budget-min') {
      out.budgetMinutes = Number(value);
      if (!(out.budgetMinutes > 0)) throw new Error('--budget-min needs a number of minutes');
    } else if (flag === '--sizes') {
      out.segmentSizes = (value ?? '').split(',').map(size);
    } else if (flag === '--skip') {
      for (const s of (value ?? '').split(',')) {
        if (!(BENCH_SECTIONS as readonly string[]).includes(s)) throw new Error(`--skip: "${s}" is none of ${BENCH_SECTIONS.join(', ')}`);
        out.skip.add(s as BenchSection);
      }
    } else throw new Error(`unknown flag "${flag}" (flags: --budget-min N, --sizes 10000,100000, --skip ${BENCH_SECTIONS.join(',')})`);
    i++;
  }
  return out;
}

function size(text: string): number {
  const m = /^(\d+)(k?)$/i.exec(text.trim().replace(/_/g, ''));
  const n = m ? Number(m[1]) * (m[2] ? 1000 : 1) : NaN;
  if (!SEGMENT_SIZES.includes(n)) throw new Error(`--sizes: "${text}" is none of ${SEGMENT_SIZES.join(', ')}`);
  return n;
}
