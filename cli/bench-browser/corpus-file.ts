import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { extractFromHtml } from '../../extract/from-html';
import { makeRng } from '../prng';
import { readRealPages, realTextFrom, type RealText } from '../real-text';
import { syntheticCorpus } from '../synthetic-corpus';

/** Dispatches generated per call: the file is written as it is made, never held whole. */
const CHUNK = 1_000;

export interface KeptDispatch {
  id: string;
  title: string;
  paragraphs: string[];
}

export interface CorpusFile {
  path: string;
  dispatches: number;
  /** Size of the NDJSON file. */
  fileBytes: number;
  /** UTF-8 bytes of the dispatches' text (title and paragraphs), what the corpus holds to read. */
  textBytes: number;
  /** The dispatches pages are made from, spread over the file. */
  kept: KeptDispatch[];
}

export function realText(realPagesDir: string): RealText {
  return realTextFrom(readRealPages(realPagesDir, extractFromHtml).articles);
}

/**
 * Writes `count` dispatches to an NDJSON file, chunk by chunk, with the stream's back-pressure:
 * the synthetic dispatches `npm run bench` matches against (lightly mutated real sentences of the
 * saved pages), with outlets, dates and provenance so that every line is a valid import record.
 */
export async function writeCorpusFile(path: string, real: RealText, count: number, seed: number, keep: number): Promise<CorpusFile> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const width = String(count).length;
  const step = Math.max(1, Math.floor(count / keep));
  const kept: KeptDispatch[] = [];
  const outlets = ['Fil Centre', 'Agence Nord', 'Le Quotidien du Sud', 'Dépêches de l’Ouest', 'Wire East'];
  const rng = makeRng(seed);
  let fileBytes = 0;
  let textBytes = 0;
  for (let start = 0; start < count; start += CHUNK) {
    const docs = syntheticCorpus(real, { count: Math.min(CHUNK, count - start), seed: seed + 1 + start / CHUNK });
    let block = '';
    docs.forEach((d, i) => {
      const n = start + i;
      const id = `bb-${String(n + 1).padStart(width, '0')}`;
      const outlet = outlets[n % outlets.length];
      const paragraphs = d.text.split('\n\n');
      const title = `Dépêche ${n + 1} : ${paragraphs[0].split(/\s+/).slice(0, 8).join(' ')}`;
      const month = String(1 + (n % 12)).padStart(2, '0');
      const day = String(1 + rng.int(0, 27)).padStart(2, '0');
      const record = { id, outlet, origin: outlet, chain: [outlet], language: 'fr', date: `2025-${month}-${day}`, title, paragraphs };
      block += JSON.stringify(record) + '\n';
      textBytes += Buffer.byteLength(title) + Buffer.byteLength(d.text);
      if (n % step === Math.floor(step / 2) && kept.length < keep) kept.push({ id, title, paragraphs });
    });
    fileBytes += Buffer.byteLength(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, dispatches: count, fileBytes, textBytes, kept };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A news page that republishes one dispatch whole, with an introduction of its own. */
export function pageCopying(d: KeptDispatch): string {
  const own = 'Notre rédaction publique ci-dessous, sans la modifier, la dépêche reçue ce matin de l’agence.';
  return (
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(d.title)}</title></head>` +
    `<body><header><nav><a href="/">Accueil</a></nav></header><main><article><h1>${escapeHtml(d.title)}</h1>` +
    `<p>${escapeHtml(own)}</p>${d.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</article></main></body></html>`
  );
}
