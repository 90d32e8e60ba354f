/** Page object of the explorer: controls by their accessible names, results, notices, URL. */
import { expect, type Locator, type Page } from '@playwright/test';

export const SLIDER_NAMES = [
  'Parameters (N)',
  'Training tokens (D)',
  'Samples per question (k)',
  'Training budget (FLOPs)',
  'Inference budget (FLOPs per token)',
  'Tokens served',
] as const;
export type SliderName = (typeof SLIDER_NAMES)[number];

export class ExplorerPage {
  constructor(readonly page: Page) {}

  /** Opens the app with a query string ('' or '?v=1&…') and waits for the first drawn result. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`./${query}`);
    await this.waitForResults();
  }

  slider(name: SliderName): Locator {
    return this.page.getByRole('slider', { name, exact: true });
  }

  field(name: SliderName): Locator {
    return this.page.getByRole('textbox', { name: `${name} value`, exact: true });
  }

  get results(): Locator {
    return this.page.getByTestId('results');
  }

  notice(source: 'url' | 'engine' | 'link'): Locator {
    return this.page.getByTestId(`notice.${source}`);
  }

  /** Waits until the drawn result answers the current scenario. */
  async waitForResults(): Promise<void> {
    await expect(this.results).toHaveAttribute('data-result-revision', /^\d+$/);
    await expect
      .poll(async () => {
        const r = await this.results.getAttribute('data-result-revision');
        const s = await this.results.getAttribute('data-scenario-revision');
        return r !== null && r === s;
      })
      .toBe(true);
  }

  /** The text of every readout, by test id (readout.*), once the result is current. */
  async readouts(): Promise<Record<string, string>> {
    await this.waitForResults();
    const items = this.page.locator('[data-testid^="readout."]');
    const out: Record<string, string> = {};
    for (const el of await items.all()) {
      const id = (await el.getAttribute('data-testid')) as string;
      out[id] = (await el.innerText()).trim();
    }
    return out;
  }

  /** The current query parameters. */
  query(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }

  /**
   * Opens the model lab's section as a person would, clicking again when a click was lost: on a loaded machine the
   * charts settle their measured widths after the first result, so the page below them can move between Playwright's
   * hit test and the click (failure snapshots showed the <details> still closed after the click).
   */
  async openLab(): Promise<void> {
    const section = this.page.getByTestId('lab');
    await expect(async () => {
      if (!(await section.evaluate((d) => (d as HTMLDetailsElement).open)))
        await this.page.getByTestId('lab.toggle').click();
      await expect(section).toHaveAttribute('open', '', { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
  }

  /** Drags a slider's thumb horizontally by `dx` pixels from its current position. */
  async drag(name: SliderName, dx: number): Promise<void> {
    const slider = this.slider(name);
    // As a person does: bring the slider into view first (the controls column scrolls on its own when taller than
    // the window, and the strategy controls pushed N below the fold at 1280×800).
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    if (!box) throw new Error(`slider ${name} is not visible`);
    const min = Number(await slider.getAttribute('min'));
    const max = Number(await slider.getAttribute('max'));
    const value = Number(await slider.inputValue());
    const x = box.x + ((value - min) / (max - min)) * box.width;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y, { steps: 8 });
    await this.page.mouse.up();
  }
}
