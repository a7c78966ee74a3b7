import type { CDPSession, Page } from 'playwright-core';
import { MAY_SEND, mayAsk } from '../../messaging/permissions';
import type { MessageType } from '../../messaging/protocol';
import type { SavedComparison } from '../../saved/types';
import { ask } from './lib/background';
import { assert } from './lib/expect';
import { fixture, open } from './lib/fixture-pages';
import { expectDone, tabIdOf } from './lib/page';
import type { E2eTest, TestContext } from './lib/types';

/**
 * A compromised renderer runs code in the content script's isolated world: it holds the very
 * `chrome.runtime` the content script uses. These tests speak from that world, through the
 * DevTools protocol, and check the background refuses what a page has no business asking.
 */

type Reply = { ok: true; value: unknown } | { ok: false; error: string } | null | undefined;

interface ContentWorld {
  /** How Chromium names the world (the extension's name). */
  name: string;
  send(type: string, req: unknown): Promise<Reply>;
  detach(): Promise<void>;
}

interface ContextDescription {
  id: number;
  name: string;
  origin: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

/** The content script's isolated world in the top frame of `page`. */
async function contentWorld(page: Page, extensionId: string): Promise<ContentWorld> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: ContextDescription[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: ContextDescription }) => contexts.push(event.context));
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  // Enabling reports every context that already exists, the content script's among them.
  await cdp.send('Runtime.enable');
  const ours = contexts.find(
    (c) =>
      c.auxData?.type === 'isolated' &&
      c.auxData.frameId === frameTree.frame.id &&
      (c.origin.includes(extensionId) || c.name === 'Recoupe'),
  );
  if (!ours) {
    const seen = contexts.map((c) => `${c.name || '(no name)'} ${c.origin} ${c.auxData?.type}`).join('; ');
    throw new Error(`no isolated world of the extension in ${page.url()} (contexts: ${seen})`);
  }
  return {
    name: ours.name,
    async send(type, req) {
      const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
        contextId: ours.id,
        expression: `chrome.runtime.sendMessage(${JSON.stringify({ type, req })})`,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
      if (exceptionDetails) throw new Error(`${type} threw in the isolated world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value as Reply;
    },
    detach: () => cdp.detach().catch(() => undefined),
  };
}

const SECRET_NOTE = 'note privée 7f3a';
const SECRET_SITE = 'secret-paused.example';
const OWN_NOTE = 'note du lecteur 9c2e';
const IMPORTED_ID = 'privilege-test-import';
const ndjsonLine = (id: string, title: string) =>
  JSON.stringify({ id, outlet: 'Fil Test', origin: 'AFP', chain: ['AFP'], language: 'fr', date: '2025-02-03', title, text: 'Un paragraphe importé par le lecteur, inventé pour ce test.' });

interface Setup {
  extension: Page;
  victim: { page: Page; tabId: number; url: string };
  attacker: { page: Page; tabId: number; url: string };
  secret: SavedComparison;
  before: { saved: SavedComparison[]; dispatches: string[] };
}

/** A victim tab with a saved comparison and a private note, an imported dispatch and a paused site, and the attacker's tab. */
async function setUp(t: TestContext): Promise<Setup> {
  const victimPage = t.page;
  await open(victimPage, fixture(t, 'republished').url);
  await expectDone(victimPage);
  const attackerPage = await t.newPage();
  await open(attackerPage, fixture(t, 'demo').url);
  await expectDone(attackerPage);
  const extension = await t.newPage();
  await extension.goto(`chrome-extension://${t.extensionId}/options.html`);
  const victim = { page: victimPage, tabId: await tabIdOf(t, victimPage), url: victimPage.url() };
  const attacker = { page: attackerPage, tabId: await tabIdOf(t, attackerPage), url: attackerPage.url() };
  const { record: secret } = await ask(extension, 'save-comparison', { tabId: victim.tabId, passage: 0, note: SECRET_NOTE });
  await ask(extension, 'import-ndjson', { text: ndjsonLine(IMPORTED_ID, 'Dépêche du lecteur'), mode: 'extend' });
  await ask(extension, 'set-settings', { site: { host: SECRET_SITE, paused: true } });
  const before = { saved: await ask(extension, 'list-saved', {}), dispatches: await dispatchIds(extension) };
  return { extension, victim, attacker, secret, before };
}

async function dispatchIds(extension: Page): Promise<string[]> {
  return (await ask(extension, 'list-dispatches', {})).map((d) => d.id).sort();
}

/** Puts back what the test (or a successful attack on a broken build) changed: the browser is shared with other tests. */
async function cleanUp(s: Setup): Promise<void> {
  const { extension } = s;
  const saved = await ask(extension, 'list-saved', {});
  const kept = new Set(s.before.saved.map((r) => r.id));
  const added = saved.filter((r) => !kept.has(r.id) || r.id === s.secret.id).map((r) => r.id);
  await ask(extension, 'delete-saved', { ids: [...added, s.secret.id] });
  await ask(extension, 'set-settings', { pausedEverywhere: false, site: { host: SECRET_SITE, paused: false } });
  if ((await dispatchIds(extension)).join() !== s.before.dispatches.join()) await ask(extension, 'restore-bundled', {});
  else await ask(extension, 'remove-dispatches', { ids: [IMPORTED_ID] });
}

/** Refused with the reader-facing refusal, which names the request. */
function refused(type: string, reply: Reply): string | null {
  if (reply && reply.ok === false && typeof reply.error === 'string' && reply.error.includes(`“${type}”`)) return null;
  return `${type} was not refused: ${JSON.stringify(reply)?.slice(0, 160)}`;
}

/** Privileged requests a hostile page might send, with payloads that would do harm if obeyed. */
function privilegedAttempts(s: Setup): [string, unknown][] {
  return [
    ['get-tab-result', { tabId: s.victim.tabId }],
    ['get-tab-state', { tabId: s.victim.tabId }],
    ['get-focus', { tabId: s.victim.tabId }],
    ['export-saved', { format: 'json' }],
    ['export-saved', { format: 'markdown' }],
    ['list-saved', {}],
    ['saved-for-url', { url: s.victim.url }],
    ['update-saved', { id: s.secret.id, note: 'réécrite' }],
    ['delete-saved', { ids: [s.secret.id] }],
    ['import-ndjson', { text: ndjsonLine('privilege-test-replace', 'Corpus remplacé'), mode: 'replace' }],
    ['remove-dispatches', { ids: [IMPORTED_ID] }],
    ['restore-bundled', {}],
    ['add-page-to-corpus', { tabId: s.victim.tabId }],
    ['list-dispatches', {}],
    ['set-settings', { pausedEverywhere: true }],
    ['get-settings', {}],
    // And every other message kept for extension pages, asked plainly.
    ...(Object.keys(MAY_SEND) as MessageType[]).filter((type) => !mayAsk(type, 'content-script')).map((type): [string, unknown] => [type, {}]),
  ];
}

export const tests: E2eTest[] = [
  {
    name: 'privilege: code in the content script’s world is refused every privileged message, and nothing changes',
    timeoutMs: 60_000,
    async run(t) {
      const s = await setUp(t);
      const world = await contentWorld(s.attacker.page, t.extensionId);
      const problems: string[] = [];
      try {
        for (const [type, req] of privilegedAttempts(s)) {
          const reply = await world.send(type, req);
          const problem = refused(type, reply);
          if (problem) problems.push(problem);
          if (JSON.stringify(reply ?? null).includes(SECRET_NOTE) || JSON.stringify(reply ?? null).includes(SECRET_SITE)) {
            problems.push(`${type} leaked private data`);
          }
        }
        // Nothing changed, as an extension page sees it.
        const settings = await ask(s.extension, 'get-settings', {});
        if (settings.pausedEverywhere) problems.push('Recoupe was paused everywhere');
        if (!settings.pausedSites.includes(SECRET_SITE)) problems.push('the paused sites changed');
        const saved = await ask(s.extension, 'list-saved', {});
        const secret = saved.find((r) => r.id === s.secret.id);
        if (!secret) problems.push('the saved comparison was deleted');
        else if (secret.note !== SECRET_NOTE) problems.push(`the saved note became "${secret.note}"`);
        const dispatches = await dispatchIds(s.extension);
        if (dispatches.join() !== s.before.dispatches.join()) problems.push(`the corpus changed: ${s.before.dispatches.join(', ')} became ${dispatches.join(', ')}`);
        const victim = await ask(s.extension, 'get-tab-state', { tabId: s.victim.tabId });
        if (victim.status !== 'done' || victim.result.url !== s.victim.url) problems.push(`the victim tab’s state changed to ${victim.status}`);
        // What the page may ask still works from there: its own settings, without the paused sites.
        const own = await world.send('page-settings', {});
        if (!own?.ok) problems.push(`page-settings failed: ${JSON.stringify(own)}`);
        else if (JSON.stringify(own.value) !== JSON.stringify({ paused: false, highlightKinds: settings.highlightKinds, sensitivity: settings.sensitivity, language: settings.language })) {
          problems.push(`page-settings answered ${JSON.stringify(own.value)}`);
        }
        t.log(`${privilegedAttempts(s).length} privileged requests tried from the isolated world “${world.name}”`);
        for (const problem of problems) t.log(problem.slice(0, 200));
        assert(problems.length === 0, `${problems.length} problems: ${problems.join('; ')}`);
      } finally {
        await world.detach();
        await cleanUp(s);
      }
    },
  },
  {
    name: 'privilege: a page’s own messages answer for its own tab and address, whatever tab or URL they name',
    timeoutMs: 60_000,
    async run(t) {
      const s = await setUp(t);
      const world = await contentWorld(s.attacker.page, t.extensionId);
      const problems: string[] = [];
      try {
        // Saving names the victim's tab: the passage must come from the attacker's own tab.
        const saved = await world.send('save-comparison', { tabId: s.victim.tabId, passage: 0 });
        let own: SavedComparison | undefined;
        if (!saved?.ok) problems.push(`save-comparison of its own passage failed: ${JSON.stringify(saved)}`);
        else {
          own = (saved.value as { record: SavedComparison }).record;
          if (own.page.url === s.victim.url || own.page.url !== s.attacker.url) {
            problems.push(`save-comparison saved a passage of ${own.page.url}, not of the page that asked (${s.attacker.url})`);
          }
        }
        // A match (which brings the page's saved comparisons, found again in its text) names the victim's
        // address: only the attacker's own saved comparisons may come back, and without the note the reader wrote about them.
        if (own) await ask(s.extension, 'update-saved', { id: own.id, note: OWN_NOTE });
        const anchored = await world.send('match-page', { url: s.victim.url, title: 'Page', text: await s.attacker.page.evaluate(() => document.body.innerText) });
        if (!anchored?.ok) problems.push(`match-page with saved comparisons failed: ${JSON.stringify(anchored)}`);
        else {
          const found = (anchored.value as { saved: { record: SavedComparison }[] }).saved;
          if (JSON.stringify(found).includes(SECRET_NOTE)) problems.push('match-page gave the victim page’s saved comparisons and note');
          if (JSON.stringify(found).includes(OWN_NOTE)) problems.push('match-page gave the page the reader’s note');
          if (own && !found.some((f) => f.record.id === own.id)) problems.push('match-page left out the page’s own saved comparison');
        }

        // A match that names another address: answered for the page's own address.
        const forged = await world.send('match-page', { url: s.victim.url, title: 'Titre forgé', text: 'Un texte sans rapport avec le corpus, écrit pour ce test.' });
        if (!forged?.ok) problems.push(`match-page from the page failed: ${JSON.stringify(forged)}`);
        else if ((forged.value as { url: string }).url !== s.attacker.url) {
          problems.push(`match-page answered for ${(forged.value as { url: string }).url}, not ${s.attacker.url}`);
        }
        const cached = await ask(s.extension, 'get-tab-result', { tabId: s.attacker.tabId });
        if (cached?.url !== s.attacker.url) problems.push(`the attacker's tab is cached under ${cached?.url}`);
        const victim = await ask(s.extension, 'get-tab-result', { tabId: s.victim.tabId });
        if (victim?.url !== s.victim.url || victim.title === 'Titre forgé') problems.push('the victim tab’s result changed');
        for (const problem of problems) t.log(problem.slice(0, 200));
        assert(problems.length === 0, `${problems.length} problems: ${problems.join('; ')}`);
      } finally {
        await world.detach();
        await cleanUp(s);
      }
    },
  },
];
