/** Page object of the "Your data" panel (src/byod). */
import { expect, type Locator, type Page } from '@playwright/test';

export class ByodPanel {
  constructor(readonly page: Page) {}

  /** Opens the collapsible section (if closed) and waits for its content. */
  async open(): Promise<void> {
    const section = this.page.getByTestId('byod');
    if ((await section.getAttribute('open')) === null) await this.page.getByTestId('byod.toggle').click();
    await expect(this.page.getByTestId('byod.panel')).toBeVisible();
  }

  get fileInput(): Locator {
    return this.page.getByLabel('Choose a CSV or JSON file');
  }

  async paste(text: string): Promise<void> {
    await this.page.getByLabel('Or paste runs').fill(text);
    await this.page.getByTestId('byod.read').click();
  }

  get rowErrors(): Locator {
    return this.page.getByTestId('byod.row-errors');
  }

  get importError(): Locator {
    return this.page.getByTestId('byod.import-error');
  }

  get goodRows(): Locator {
    return this.page.getByTestId('byod.good-rows');
  }

  /** Clicks Fit and waits for the constants table (the fit runs in the engine worker). */
  async fit(): Promise<void> {
    await this.page.getByTestId('byod.fit').click();
    await expect(this.page.getByTestId('byod.constants')).toBeVisible({ timeout: 60_000 });
  }

  get constantSetSelect(): Locator {
    return this.page.getByTestId('controls.constants');
  }
}
