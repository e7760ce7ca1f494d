/**
 * The options page driven as a user would: open it in a tab, choose a plan file, tick a box, Save.
 * Runs in whichever browser hosts the panel (the page is an ordinary extension page in both).
 */
import type { PageLike } from './browser';
import type { PanelBrowser, PanelHandle } from './panel';

export interface OptionsPage {
  /** Chooses a plan file in the Tracking plan section; resolves with what the section then says. */
  loadPlan(fileName: string, text: string): Promise<{ active: string; problems: string; status: string }>;
  removePlan(): Promise<string>;
  /** Ticks or clears Strict mode and saves. */
  setStrict(on: boolean): Promise<string>;
  /** Chooses the privacy guard's mode, writes its allow rules (one a line) and saves; resolves with the status. */
  setPrivacy(mode: 'warn' | 'error' | 'off', allow: readonly string[]): Promise<string>;
  close(): Promise<void>;
}

export async function openOptions(browser: PanelBrowser, panel: PanelHandle): Promise<OptionsPage> {
  // The panel is an extension page: its origin is the extension's (chrome-extension://id, moz-extension://uuid).
  const origin = await panel.evaluate(() => location.origin, undefined);
  const page: PageLike = await browser.openExtensionPage(`${origin}/src/options/options.html`);
  // Under tsx (the benchmarks), esbuild's keepNames wraps the functions below in a `__name` helper the page lacks.
  await (page as unknown as { evaluate(source: string): Promise<unknown> }).evaluate(
    'globalThis.__name ??= (fn) => fn',
  );
  await page.evaluate(async () => {
    for (let i = 0; i < 100 && !document.querySelector('#plan-file'); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
  }, undefined);
  return {
    loadPlan: (fileName, text) =>
      page.evaluate(
        async ({ fileName, text }) => {
          const input = document.querySelector('#plan-file') as HTMLInputElement;
          const read = () => ({
            active: document.querySelector('.plan-active')?.textContent ?? '',
            problems: document.querySelector('.plan-problems')?.textContent ?? '',
            status: document.querySelector('.plan [role="status"]')?.textContent ?? '',
          });
          const before = JSON.stringify(read());
          const files = new DataTransfer();
          files.items.add(new File([text], fileName, { type: 'application/json' }));
          input.files = files.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
          // Settled: the section changed, and says either that the file loaded or why not.
          const settled = () => JSON.stringify(read()) !== before && (read().status !== '' || read().problems !== '');
          for (let i = 0; i < 100 && !settled(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
          return read();
        },
        { fileName, text },
      ),
    removePlan: () =>
      page.evaluate(async () => {
        (document.querySelector('button.remove-plan') as HTMLButtonElement).click();
        for (
          let i = 0;
          i < 100 && !document.querySelector('.plan [role="status"]')?.textContent?.startsWith('Removed');
          i++
        ) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return document.querySelector('.plan [role="status"]')?.textContent ?? '';
      }, undefined),
    setStrict: (on) =>
      page.evaluate(async (on) => {
        const box = document.querySelector('#strict') as HTMLInputElement;
        if (box.checked !== on) box.click();
        const status = () => document.querySelector('form [role="status"]');
        // The edit has cleared the last "Saved": let Preact render it.
        await new Promise((resolve) => setTimeout(resolve, 50));
        (document.querySelector('button[type="submit"]') as HTMLButtonElement).click();
        for (let i = 0; i < 100 && !status()?.textContent; i++)
          await new Promise((resolve) => setTimeout(resolve, 100));
        return status()?.textContent ?? '';
      }, on),
    setPrivacy: (mode, allow) =>
      page.evaluate(
        async ({ mode, allow }) => {
          const select = document.querySelector('#pii-mode') as HTMLSelectElement;
          select.value = mode;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          const box = document.querySelector('#pii-allow') as HTMLTextAreaElement;
          box.value = allow.join('\n');
          box.dispatchEvent(new Event('input', { bubbles: true }));
          const status = () => document.querySelector('form [role="status"]');
          // The edits have cleared the last "Saved": let Preact render them.
          await new Promise((resolve) => setTimeout(resolve, 50));
          (document.querySelector('button[type="submit"]') as HTMLButtonElement).click();
          for (let i = 0; i < 100 && !status()?.textContent; i++)
            await new Promise((resolve) => setTimeout(resolve, 100));
          return status()?.textContent ?? '';
        },
        { mode, allow },
      ),
    close: () => page.close(),
  };
}
