import type { Dispatch } from '../engine/types';
import { corpusHash } from './content-hash';
// One explicit import per record: Vite, vitest and tsx all resolve these without a generated list,
// and the import attribute keeps them valid for Node's own ESM loader too.
import afpEurope1 from './dispatches/afp-europe1-2021-12-07-poutine-garanties.json' with { type: 'json' };
import afpFranceinfo from './dispatches/afp-franceinfo-2021-12-07-biden-sanctions.json' with { type: 'json' };
import cnsnewsTraduction from './dispatches/cnsnews-traduction-2021-12-08-poutine-expansion-otan.json' with { type: 'json' };
import afpNews24Fr from './dispatches/afp-news24-fr-2022-01-28-poutine-macron.json' with { type: 'json' };
import rtRadiohc from './dispatches/rt-radiohc-2021-12-16-poutine-negociations-otan.json' with { type: 'json' };

/** The dispatches shipped with the extension; records are validated when the extension is built. */
export const bundledCorpus: Dispatch[] = [afpEurope1, afpFranceinfo, cnsnewsTraduction, afpNews24Fr, rtRadiohc];

/** Changes whenever any shipped record changes; the background reseeds IndexedDB when it does. */
export const corpusVersion: string = corpusHash(bundledCorpus);
