/**
 * What every browser test shares: build dist/ when it is missing or older than its sources, serve it
 * with `vite preview`, and open Debian's Chromium (headless, SwiftShader WebGL) on a fresh profile,
 * collecting console errors, uncaught exceptions and crashes. Without /usr/bin/chromium it throws:
 * the browser tests fail rather than skip.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');
const CHROMIUM = '/usr/bin/chromium';

/** Newest modification time of the files the build is made from. */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const f of readdirSync(p)) walk(join(p, f));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['web', 'src', 'sim', 'scenarios', 'docs/levers.json', 'vite.config.ts']) if (existsSync(join(ROOT, p))) walk(join(ROOT, p));
  return newest;
}

export interface App {
  page: Page;
  context: BrowserContext;
  /** The served page's address, ending in '/'. */
  base: string;
  /** Console errors, uncaught exceptions and crashes seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * `firstVisit`: leave the browser as a first-time visitor's, so the help opens over the page by itself.
 * Without it the help counts as seen (web/help.ts's key), so that tests click the page, not the help
 * floating over it.
 */
export async function openApp(opts: { deviceScaleFactor?: number; firstVisit?: boolean } = {}): Promise<App> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. The browser tests need Debian's chromium (apt-get install -y chromium; .ci/run installs it). Failing rather than skipping.`);
  }
  const index = join(DIST, 'index.html');
  // `npm test` builds dist/ first; a file run alone builds it when missing or stale.
  if (!existsSync(index) || statSync(index).mtimeMs < newestSource()) {
    await build({ root: join(ROOT, 'web'), configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  }
  const server: PreviewServer = await preview({ root: join(ROOT, 'web'), configFile: join(ROOT, 'vite.config.ts'), preview: { port: 0, open: false }, logLevel: 'warn' });
  const base = server.resolvedUrls?.local[0];
  if (!base) {
    await server.close();
    throw new Error('vite preview is not listening');
  }
  const profile = mkdtempSync(join(tmpdir(), 'govsim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 1000 },
    ...(opts.deviceScaleFactor ? { deviceScaleFactor: opts.deviceScaleFactor } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  if (!opts.firstVisit) await context.addInitScript(() => localStorage.setItem('govsim-help-seen', '1'));
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('crash', () => errors.push('the page crashed'));
  return {
    page,
    context,
    base,
    errors,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
