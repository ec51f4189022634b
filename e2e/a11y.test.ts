// Accessibility: axe-core finds no serious or critical violation on any page type, in the
// light and the dark color scheme; the skip link is the first stop for keyboard users.
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeInBrowser, launchBrowser } from './browser.ts';

const site = inject('rootSite');
const PAGES = ['', 'days/', 'days/2025-01-01/', 'weeks/', 'weeks/2025-W01/', 'months/', 'months/2025-01/', 'papers/repeat-listed-benchmark/', 'papers/unknown-metadata-paper/', 'topics/', 'topics/efficiency/', 'feeds/', 'data/', 'stats/', 'search/?q=transformer', '404.html'];

describeInBrowser('accessibility', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`no serious or critical axe violations (${colorScheme})`, { timeout: 240_000 }, async () => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      const found: string[] = [];
      for (const path of PAGES) {
        await page.goto(new URL(path, site.url).href);
        if (path.startsWith('search/')) await page.locator('#results > li').first().waitFor();
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations) {
          if (v.impact === 'serious' || v.impact === 'critical') {
            found.push(`/${path} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          }
        }
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }

  it('Tab first reaches a visible skip link that moves focus to the content', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('papers/fish-and-chips/', site.url).href);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip');
    await expect(skip.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.close();
  });
});
