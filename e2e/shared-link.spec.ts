import { expect, test } from '@playwright/test';
import { buildUserSet, encodeUserSet } from '../src/byod/user-set-logic';
import { createRng } from '../src/domain/random';
import { ExplorerPage } from './pages/explorer';

test('a copied link opened in a fresh browser shows the same readouts to the digit', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new ExplorerPage(page);
  await app.open();
  await page.getByTestId('controls.model').selectOption('t2-2');
  await app.field('Parameters (N)').fill('3.7e7');
  await app.field('Parameters (N)').press('Enter');
  await app.field('Tokens served').fill('1.4T');
  await app.field('Tokens served').press('Enter');
  const original = await app.readouts();
  expect(Object.keys(original).length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(app.notice('link')).toBeVisible();
  const link = (await app.notice('link').locator('li').first().innerText()).trim();
  expect(link).toContain('v=1');
  expect(link).toContain('m=t2-2');
  expect(link).toContain('n=3.7e7');
  expect(link).toContain('t=1.4e12');

  const fresh = await browser.newContext();
  const other = new ExplorerPage(await fresh.newPage());
  await other.page.goto(link);
  await other.waitForResults();
  expect(await other.readouts()).toEqual(original);
  await expect(other.field('Parameters (N)')).toHaveValue('37M');
  await expect(other.notice('url')).toHaveCount(0);
  await fresh.close();
});

test('a typed target quality draws its frontier and readout, goes into the URL and survives a reload', async ({
  page,
}) => {
  const app = new ExplorerPage(page);
  await app.open();
  // The design's own quality is always reachable: its frontier crosses the map.
  const quality = await page.getByTestId('readout.quality').innerText();
  const nats = /current design: ([\d.]+) nats/.exec(quality)?.[1];
  expect(nats).toBeDefined();
  const field = page.getByRole('textbox', { name: 'Target quality', exact: true });
  await field.fill('not a number');
  await field.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Target quality' })).toBeVisible();
  await expect(page).not.toHaveURL(/[?&]q=/);

  await field.fill(nats!);
  await field.press('Enter');
  await app.waitForResults();
  await expect(page.getByTestId('chart.frontier.target')).toBeVisible();
  await expect(page.getByTestId('readout.target')).toContainText('Cheapest budgets reaching the target');
  await expect(page).toHaveURL(new RegExp(`[?&]q=${nats!.replace('.', '\\.')}`));

  await page.reload();
  await app.waitForResults();
  await expect(field).toHaveValue(nats!);
  await expect(page.getByTestId('chart.frontier.target')).toBeVisible();
  await expect(page.getByTestId('readout.target')).toContainText('Cheapest budgets reaching the target');

  await page.getByTestId('controls.target-quality.clear').click();
  await app.waitForResults();
  await expect(page.getByTestId('chart.frontier.target')).toHaveCount(0);
  await expect(page).not.toHaveURL(/[?&]q=/);
});

test('a link with a fit and its bootstrap band summary redraws the band where the fit is not stored; a bad band is reported and dropped', async ({
  page,
}) => {
  // A Chinchilla fit and 200 resamples around it, as the "Your data" panel would hold them; the link is written by the
  // app's own encoder (the test does not hand-write the band's numbers).
  const c = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
  const rng = createRng(7);
  const draws = Array.from({ length: 200 }, () => ({
    E: c.E * Math.exp(0.01 * rng.normal()),
    A: c.A * Math.exp(0.1 * rng.normal()),
    B: c.B * Math.exp(0.1 * rng.normal()),
    alpha: c.alpha * Math.exp(0.02 * rng.normal()),
    beta: c.beta * Math.exp(0.02 * rng.normal()),
  }));
  const user = buildUserSet({
    family: 'chinchilla',
    constants: c,
    range: { params: [1e7, 1e9], tokens: [1e8, 1e11] },
    fittedRuns: 15,
    draws,
  });
  const u = encodeUserSet(user);
  expect(u).toMatch(/~~b200_/);
  const app = new ExplorerPage(page);
  await app.open(`?v=1&m=chinchilla&c=${user.set.id}&u=${u}`);
  await expect(app.notice('url')).toHaveCount(0);
  await expect(page.getByTestId('controls.constants')).toHaveValue(user.set.id);
  const band = page.getByTestId('chart.isoflop.band');
  await expect(band).toHaveCount(1);
  expect((await band.getAttribute('d'))!.length).toBeGreaterThan(50);
  await expect(page.getByTestId('chart.isoflop')).toContainText("redrawn from the link's summary");
  // The band follows the budget: move C_train and it is still drawn.
  await app.field('Training budget (FLOPs)').fill('1e22');
  await app.field('Training budget (FLOPs)').press('Enter');
  await app.waitForResults();
  await expect(band).toHaveCount(1);
  // The link is written back with the same band section.
  expect(new URL(page.url()).searchParams.get('u')).toBe(u);

  await app.open(`?v=1&m=chinchilla&c=${user.set.id}&u=${u.replace('~b200_', '~b5_')}`);
  await expect(app.notice('url')).toContainText('bootstrap band: resamples must be a whole number');
  await expect(page.getByTestId('controls.constants')).toHaveValue(user.set.id);
  await expect(band).toHaveCount(0);
});
