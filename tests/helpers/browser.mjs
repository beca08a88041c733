// Helpers for the page's Chromium tests and benchmarks: Debian's Chromium launched the one way
// they all use, and text put into the editor as a user's paste.
export const CHROMIUM = '/usr/bin/chromium';

// Headless, with the background services that would make a run's network or timing noisy off.
export async function launchChromium(options = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 30_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    ...options,
  });
}

// A long text goes in as a paste: one clipboard event on the editor with the whole text
// (Chromium's typing of 2,000 lines into a contenteditable, which insertText does, takes half a
// minute here).
export async function paste(page, text) {
  await page.evaluate((t) => {
    const content = document.querySelector('.cm-content');
    content.focus();
    document.execCommand('selectAll');
    const data = new DataTransfer();
    data.setData('text/plain', t);
    content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

// A paste, and the validation it starts, shown.
export async function pasteCode(page, text, { timeout = 60_000 } = {}) {
  const before = Number(await page.getAttribute('body', 'data-validations'));
  await paste(page, text);
  await page.waitForFunction((n) => Number(document.body.dataset.validations) > n, before, { timeout });
}
