// Debian's chromium, headless, driven by playwright-core (no browser download).
import { chromium } from 'playwright-core';
import { CHROMIUM } from './paths.mjs';

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
