/**
 * Issue 11, items 14 and 17, in a real browser: hostile shared links never put "NaN" or "Infinity" on the page (text
 * or SVG attribute), never leave "Computing…" up for good, reject an out-of-bounds user set with a notice naming the
 * key and draw with the default set, and cut every echoed value in the notices.
 */
import { expect, test, type Page } from '@playwright/test';
import { decodeUserSet } from '../src/byod/user-set-logic';
import { ExplorerPage } from './pages/explorer';

/** `u` with `c` naming the set it decodes to (so the charts use it), when it decodes. */
function withSet(model: string, u: string, rest = ''): string {
  const d = decodeUserSet(u);
  const c = d.ok ? `&c=${d.value.set.id}` : '';
  return `?v=1&m=${model}${c}&u=${encodeURIComponent(u)}${rest}`;
}

const QUOTED = '?v=1&m=chinchilla&c=user-ebbo5e&u=c_1.7_1e200_1500_0.3_0.3~5_1e7_1e9_1e8_1e11';
/** A value as long as a static server takes in a request line (Node's limit is 16 KiB of headers). */
const LONG = 'x'.repeat(3_000);
/** The length: put into the address bar by history.pushState (no server sees it) and read back on popstate. */
const HUGE = 'x'.repeat(200_000);

const HOSTILE: [string, string][] = [
  ["the issue's link (A = 1e200)", QUOTED],
  [
    'a T² Approach 1 set whose implied pass@k underflows to 0',
    withSet('t2-1', '1_1_1e15_1_0.1_3_1e-3_2~5_1e4_1e13_1e5_1e16_1_64', '&n=1e4&d=1e5'),
  ],
  [
    'every constant at a bound, budgets at their maximum',
    withSet(
      't2-2',
      '2_100_1e15_1e-3_0.1_3_1000_100_1_100_100~1000000000_1_1e15_1_1e18_1e-3_1e6',
      '&n=1e13&d=1e16&k=1e5&ct=1e28&ci=1e18&t=1e17&q=100',
    ),
  ],
  [
    'every constant at the other bound, budgets at their minimum',
    withSet(
      't2-2',
      '2_1e-300_1e-3_1e15_3_0.1_-100_1e-3_1e-6_-100_-100~1_1_1_1_1_1_1',
      '&n=1e4&d=1e5&k=1&ct=1e11&ci=1e4&t=1e6',
    ),
  ],
  ['lab runs at the bounds', '?v=1&m=t2-2&lab=1_1_1_0_-*1e15_1e18_1000000_1_1000*8192_274000_4_0.375_1.5'],
  [
    'a user set with runs at the bounds and a wide band',
    withSet(
      'chinchilla',
      `c_1.7_400_400_0.34_0.28~3_1_1e15_1_1e18~1_1_1_0*1e15_1e18_1e6_1000~b200_0.5_6_6_-1_-1_${Array.from({ length: 15 }, () => '2').join('_')}`,
    ),
  ],
  [
    'a fitted-run count of 1e21 and 13 lab runs (one more than a link carries)',
    `?v=1&m=chinchilla&u=c_1.7_400_400_0.34_0.28~1e21_1e7_1e9_1e8_1e11&lab=${Array.from({ length: 13 }, () => '1e4_1e5_4_0.5_2').join('*')}`,
  ],
  [
    'non-numbers and huge values everywhere',
    '?v=1&n=NaN&d=Infinity&k=-Infinity&ct=1e400&ci=-1e400&t=1e-400&q=NaN&m=t2-2&u=2_NaN&lab=NaN_NaN_NaN_NaN_NaN',
  ],
  ['values of 3,000 characters', `?v=${LONG}&n=${LONG}&c=${LONG}&${LONG}=1&u=c_${LONG}`],
];

/**
 * Every attribute of the page, and every text outside the notice area, that contains NaN or Infinity. The notices may
 * quote the link's own text back ("n=NaN: not a number"); nothing the app computes may show it.
 */
async function nonFinite(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const re = /(NaN|Infinity)/;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      for (const a of Array.from(el.attributes)) {
        if (re.test(a.value) && !el.closest('[data-testid="notices"]'))
          bad.push(`<${el.tagName} ${a.name}="${a.value.slice(0, 80)}">`);
      }
    }
    const notices = document.querySelector('[data-testid="notices"]') as HTMLElement | null;
    const text = document.body.innerText.replace(notices?.innerText ?? '', '');
    if (re.test(text)) bad.push(`text: ${/.{0,60}(NaN|Infinity).{0,40}/.exec(text)?.[0]}`);
    return bad;
  });
}

test.describe('hostile shared links', () => {
  for (const [what, query] of HOSTILE) {
    test(`${what}: no NaN or Infinity, no endless "Computing…", short notices`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const app = new ExplorerPage(page);
      await page.goto(`./${query}`);
      // The engine answers the scenario now in the store: charts drawn, or an error in their place.
      await expect(page.getByTestId('chart.frontier').or(page.getByTestId('charts.failed'))).toBeVisible({
        timeout: 30_000,
      });
      await app.waitForResults();
      await expect(page.getByTestId('results')).not.toContainText('Computing');
      expect(await nonFinite(page)).toEqual([]);
      for (const line of await page
        .locator('[data-testid^="notice."] li, [data-testid^="notice."] .notice__text')
        .allInnerTexts()) {
        expect(line.length, line.slice(0, 120)).toBeLessThanOrEqual(320);
        expect(line).not.toContain('x'.repeat(41));
      }
      expect(errors).toEqual([]);
    });
  }

  test("the issue's link: the set is rejected naming u and the value, and the charts draw with the default set", async ({
    page,
  }) => {
    const app = new ExplorerPage(page);
    await app.open(QUOTED);
    const notice = app.notice('url');
    await expect(notice).toContainText(
      'Your fitted constants (u): constant A must lie in 1e-3 to 1e15 (got 1e200); ignored',
    );
    await expect(notice).toContainText(
      'Constant set (c=user-ebbo5e): not available for this quality model; using hoffmann',
    );
    await expect(page.getByTestId('chart.frontier')).toBeVisible();
    await expect(page.getByTestId('readout.quality')).toContainText('hoffmann');
    expect(app.query().has('u')).toBe(false);
  });

  test('a value of 200,000 characters is echoed as its first 40 and "…"', async ({ page }) => {
    const app = new ExplorerPage(page);
    await app.open('?v=1&n=7e9');
    await page.evaluate((huge) => {
      history.pushState(null, '', `?v=1&n=${huge}&${huge}=1&preset=${huge}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, HUGE);
    const notice = app.notice('url');
    await expect(notice).toContainText(`Parameters (N) (n=${'x'.repeat(40)}…): not a number; using the default`);
    await expect(notice).toContainText(`unknown key "${'x'.repeat(40)}…" ignored`);
    await expect(page.getByTestId('notice.teaching')).toContainText(
      `preset=${'x'.repeat(40)}…: no such preset; ignored`,
    );
    for (const line of await page.locator('[data-testid^="notice."] li').allInnerTexts())
      expect(line.length).toBeLessThanOrEqual(320);
  });
});
