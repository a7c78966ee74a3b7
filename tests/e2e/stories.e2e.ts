import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ask } from './lib/background';
import { assert } from './lib/expect';
import type { E2eTest, TestContext } from './lib/types';

const WIND = [
  'Le gouvernement a présenté mercredi un projet de loi visant à réduire de moitié les délais de construction des parcs éoliens en mer, une mesure réclamée depuis des années par les industriels du secteur.',
  'Selon le ministère de la Transition énergétique, les procédures administratives pourront désormais être menées en parallèle, ce qui permettrait de gagner jusqu’à cinq ans sur chaque chantier.',
  'Les associations de pêcheurs ont dénoncé un texte qui, selon elles, sacrifie leurs zones de travail au profit des énergéticiens, et annoncent des rassemblements dans plusieurs ports bretons.',
  'Le projet doit être examiné par le Sénat au printemps, avant une adoption définitive espérée avant l’été par le gouvernement.',
].join('\n\n');
const FOOTBALL = [
  'Le club de football de la ville a remporté samedi soir son troisième match consécutif devant un stade comble, grâce à un doublé de son jeune attaquant formé au centre de formation.',
  'L’entraîneur a salué l’état d’esprit de son équipe, tout en appelant ses joueurs à rester concentrés avant le déplacement difficile de la semaine prochaine à Bordeaux.',
  'Les supporters, venus en nombre malgré la pluie, ont longuement applaudi les joueurs à la fin de la rencontre, qui place le club à la deuxième place du classement.',
].join('\n\n');
const ALONE = 'La médiathèque municipale rouvre ses portes lundi après six mois de travaux de rénovation, avec un espace numérique agrandi et des horaires élargis le samedi.';

interface Read {
  id: string;
  outlet: string;
  date: string;
  at: string;
  credits?: string[];
  title: string;
  text: string;
  url: string;
}

const record = (r: Read) =>
  JSON.stringify({
    id: r.id,
    outlet: r.outlet,
    origin: r.credits?.[0] ?? r.outlet,
    chain: r.credits ? [r.credits[0], r.outlet] : [r.outlet],
    language: 'fr',
    date: r.date,
    title: r.title,
    url: r.url,
    text: r.text,
    read: r.credits ? { at: r.at, credits: r.credits } : { at: r.at },
  });

const READS: Read[] = [
  { id: 'read-lefigaro-fr-e2e1', outlet: 'Le Figaro', date: '2025-03-12', at: '2025-03-12T09:00:00.000Z', credits: ['AFP'], title: 'Éolien en mer : des délais réduits de moitié', text: WIND, url: 'https://www.lefigaro.fr/eolien' },
  {
    id: 'read-ouest-france-fr-e2e2',
    outlet: 'Ouest-France',
    date: '2025-03-12',
    at: '2025-03-12T11:00:00.000Z',
    credits: ['AFP'],
    title: 'Parcs éoliens : le projet de loi qui fâche les pêcheurs <img src=x onerror=alert(1)>',
    text: WIND.replace('sacrifie leurs zones', 'sacrifierait leurs zones'),
    url: 'https://www.ouest-france.fr/eolien',
  },
  { id: 'read-sudouest-fr-e2e3', outlet: 'Sud Ouest', date: '2025-02-01', at: '2025-02-01T20:00:00.000Z', title: 'Troisième victoire de suite', text: FOOTBALL, url: 'https://www.sudouest.fr/foot' },
  { id: 'read-lequipe-fr-e2e4', outlet: 'L’Équipe', date: '2025-02-02', at: '2025-02-02T08:00:00.000Z', title: 'Le club enchaîne', text: FOOTBALL.replace('samedi soir', 'samedi après-midi'), url: 'https://www.lequipe.fr/foot' },
  { id: 'read-mairie-fr-e2e5', outlet: 'Ville Info', date: '2025-03-01', at: '2025-03-01T08:00:00.000Z', title: 'La médiathèque rouvre', text: ALONE, url: 'https://ville.example/mediatheque' },
];

async function storiesPage(t: TestContext): Promise<Page> {
  const page = await t.newPage();
  await page.goto(`chrome-extension://${t.extensionId}/stories.html`);
  await page.waitForSelector('[data-testid=stories-page][data-state=ready], [data-testid=stories-page][data-state=failed]', { timeout: 30_000 });
  return page;
}

/** Waits until the list shows this many stories (the search asks the background again after a pause). */
async function expectStories(page: Page, count: number, what: string): Promise<void> {
  await page
    .waitForFunction(
      (n) => document.querySelector('[data-testid=stories-page]')?.getAttribute('aria-busy') === 'false' && document.querySelectorAll('[data-testid=story]').length === n,
      count,
      { timeout: 10_000 },
    )
    .catch(async () => {
      throw new Error(`${what}: expected ${count} stories, page shows ${await page.locator('[data-testid=story]').count()}`);
    });
}

async function forgetAll(t: TestContext): Promise<void> {
  const page = await t.newPage();
  await page.goto(`chrome-extension://${t.extensionId}/stories.html`);
  await ask(page, 'memory-forget', { scope: 'all' });
  await ask(page, 'set-settings', { language: 'auto' });
  await page.close();
}

export const tests: E2eTest[] = [
  {
    name: 'stories: remembered articles grouped with an arrow from the agency, searchable, two versions side by side',
    timeoutMs: 90_000,
    async run(t) {
      try {
        await forgetAll(t);
        const empty = await storiesPage(t);
        await empty.waitForSelector('[data-testid=stories-empty][data-state=empty]');
        await ask(empty, 'set-settings', { language: 'fr' });
        await empty.reload();
        await empty.waitForSelector('[data-testid=stories-empty][data-state=empty]');
        const hint = (await empty.textContent('[data-testid=stories-empty]')) ?? '';
        assert(hint.includes('mémoire de lecture') && hint.includes('«\u00a0Corpus et réglages\u00a0»'), `French empty state: ${hint}`);

        const summary = await ask(empty, 'import-ndjson', { text: READS.map(record).join('\n'), mode: 'extend' });
        assert(summary.added === READS.length, `imported ${JSON.stringify(summary)}`);
        const started = Date.now();
        const reply = await ask(empty, 'list-stories', {});
        t.log(`list-stories for ${reply.considered} articles: ${reply.ms} ms in the background, ${Date.now() - started} ms round trip`);
        const again = await ask(empty, 'list-stories', {});
        t.log(`again, from the cache: ${again.ms} ms`);

        const page = await storiesPage(t);
        await expectStories(page, 2, 'all stories');
        const wind = page.locator('[data-testid=story]', { has: page.locator('[data-testid=story-version][data-outlet="Ouest-France"]') });
        assert((await wind.count()) === 1, 'no story holds the Ouest-France article');
        const outlets = await wind.locator('[data-testid=story-version]').evaluateAll((els) => els.map((e) => e.getAttribute('data-outlet')));
        assert(JSON.stringify([...outlets].sort()) === JSON.stringify(['Le Figaro', 'Ouest-France']), `outlets of the story: ${outlets}`);
        const arrows = await wind.locator('[data-testid=story-arrow]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}>${e.getAttribute('data-to')}:${e.getAttribute('data-kind')}`));
        assert(arrows.includes('AFP>Le Figaro:copy') && arrows.includes('AFP>Ouest-France:copy'), `arrows: ${arrows}`);
        assert((await wind.locator('[data-testid=story-node][data-kind=agency][data-name=AFP]').count()) === 1, 'no AFP node');
        assert((await wind.locator('line[marker-end]').count()) >= 2, 'the copy arrows have no arrowhead');
        const copied = await wind.locator('[data-testid=story-copied]').allTextContents();
        assert(copied.every((c) => /\d\s?%/.test(c)), `copied shares: ${copied}`);
        const framing = (await wind.locator('[data-testid=story-framing]').textContent()) ?? '';
        assert(framing.includes('sacrifierait'), `framing differences: ${framing}`);
        // Page text is text: the title's markup shows as written and makes no element.
        assert((await page.locator('img').count()) === 0, 'a title made an <img>');
        assert(((await wind.textContent()) ?? '').includes('<img src=x onerror=alert(1)>'), 'the title was not shown as text');
        const links = await page.locator('a[href]').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
        assert(links.every((h) => /^(https?|chrome-extension):/.test(h)), `links: ${links}`);
        assert(((await page.textContent('[data-testid=stories-page]')) ?? '').includes('Histoires'), 'the page is not in French');

        // Search: words, site, dates.
        await page.fill('[data-testid=stories-words]', 'éoliens pecheurs');
        await expectStories(page, 1, 'words');
        assert((await page.locator('[data-testid=story-version][data-outlet="Le Figaro"]').count()) === 1, 'words found the wrong story');
        await page.fill('[data-testid=stories-words]', 'éoliens football');
        await expectStories(page, 0, 'words of two stories');
        await page.waitForSelector('[data-testid=stories-no-results]');
        await page.fill('[data-testid=stories-words]', '');
        await page.fill('[data-testid=stories-site]', 'lequipe.fr');
        await expectStories(page, 1, 'site');
        assert((await page.locator('[data-testid=story-version][data-outlet="Sud Ouest"]').count()) === 1, 'site found the wrong story');
        await page.fill('[data-testid=stories-site]', '');
        await page.fill('[data-testid=stories-from]', '2025-03-10');
        await page.fill('[data-testid=stories-to]', '2025-03-31');
        await expectStories(page, 1, 'dates');
        assert((await page.locator('[data-testid=story-version][data-outlet="Ouest-France"]').count()) === 1, 'dates found the wrong story');
        await page.fill('[data-testid=stories-from]', '');
        await page.fill('[data-testid=stories-to]', '');
        await expectStories(page, 2, 'search cleared');

        // Side by side, from the keyboard.
        const open = wind.locator('[data-testid=open-side-by-side]');
        await open.focus();
        await page.keyboard.press('Enter');
        await page.waitForSelector('[data-testid=side-by-side] [data-testid=side-right]', { timeout: 10_000 });
        const del = await page.locator('[data-testid=side-left] del').allTextContents();
        const ins = await page.locator('[data-testid=side-right] ins').allTextContents();
        assert(del.some((d) => d.includes('sacrifie')) && ins.some((i) => i.includes('sacrifierait')), `side by side marks: del ${del}, ins ${ins}`);
        assert((await page.evaluate(() => document.activeElement?.id)) === 'rc-sidebyside-title', 'focus did not move to the side-by-side view');
        await page.setViewportSize({ width: 1100, height: 1400 });
        const shot = join(t.artifactsDir, 'stories.png');
        await page.screenshot({ path: shot, fullPage: true });
        t.log(`screenshot: ${shot}`);
        if (process.env.RECOUPE_SCREENSHOT === '1') copyFileSync(shot, join(t.repoRoot, 'docs', 'screenshot-stories.png'));
        await page.click('[data-testid=close-side-by-side]');
        await page.waitForSelector('[data-testid=side-by-side]', { state: 'detached' });
      } finally {
        await forgetAll(t);
      }
    },
  },
];

/** A made-up vocabulary: words that form no fact of the lexicons, so that only copied text links articles. */
function words(seed: number, count: number): string {
  let x = seed * 2654435761 + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const n = x % 40000;
    out.push(`mot${n.toString(36)}${'aeiou'[n % 5]}`);
  }
  return out.join(' ');
}

/** `pairs` stories of two versions each (the second copies the first with one word changed), read one minute apart. */
function pairedReads(pairs: number, from: number): string[] {
  const lines: string[] = [];
  for (let i = from; i < from + pairs; i++) {
    const text = [0, 1, 2].map((p) => `${words(i * 10 + p, 45)}.`).join('\n\n');
    const at = (k: number) => new Date(Date.UTC(2025, 0, 1) + (2 * i + k) * 60_000).toISOString();
    const base = { language: 'fr', date: at(0).slice(0, 10), title: `Histoire ${i}` };
    lines.push(JSON.stringify({ ...base, id: `read-a-example-${i}`, outlet: 'A', origin: 'A', chain: ['A'], url: `https://a.example/${i}`, text, read: { at: at(0) } }));
    lines.push(JSON.stringify({ ...base, id: `read-b-example-${i}`, outlet: 'B', origin: 'B', chain: ['B'], url: `https://b.example/${i}`, text: text.replace(/^\S+/, 'changé'), read: { at: at(1) } }));
  }
  return lines;
}

tests.push({
  name: 'stories: time to group the newest 500 remembered articles, and the notice past them',
  timeoutMs: 300_000,
  async run(t) {
    try {
      await forgetAll(t);
      const page = await t.newPage();
      await page.goto(`chrome-extension://${t.extensionId}/stories.html`);
      const measure = async (what: string) => {
        const started = Date.now();
        const reply = await ask(page, 'list-stories', {});
        t.log(`${what}: ${reply.considered} articles, ${reply.total} stories, ${reply.ms} ms in the background (${Date.now() - started} ms round trip, reply ${Math.round(JSON.stringify(reply).length / 1024)} kB)`);
        return reply;
      };
      await ask(page, 'import-ndjson', { text: pairedReads(50, 0).join('\n'), mode: 'extend' });
      const hundred = await measure('first build');
      // Random words now and then make two made-up stories share a couple of facts: most stay pairs.
      assert(hundred.total >= 45 && hundred.stories.every((s) => s.articles.length >= 2), `100 articles in 50 pairs gave ${hundred.total} stories`);
      await ask(page, 'import-ndjson', { text: pairedReads(200, 50).join('\n'), mode: 'extend' });
      const five = await measure('400 articles more');
      assert(five.considered === 500 && five.total >= 225, `500 articles: ${JSON.stringify({ ...five, stories: five.stories.length })}`);
      await measure('again, nothing changed');
      await ask(page, 'import-ndjson', { text: pairedReads(5, 250).join('\n'), mode: 'extend' });
      const past = await measure('10 articles more, past the limit');
      assert(past.remembered === 510 && past.considered === 500, `past the limit: ${past.remembered} remembered, ${past.considered} considered`);
      const view = await storiesPage(t);
      await view.waitForSelector('[data-testid=stories-limited]');
      assert((await view.locator('[data-testid=story]').count()) === past.total, 'the page does not show the stories');
    } finally {
      await forgetAll(t);
    }
  },
});
