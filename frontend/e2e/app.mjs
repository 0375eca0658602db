// Shared helpers for the end-to-end tests. build/e2e.sh starts the real app (`go tool wails dev`
// on a fresh data dir) and runs these tests with E2E_URL set; each test opens the UI in a fresh
// headless Chromium profile.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const baseURL = process.env.E2E_URL ?? 'http://localhost:34115';
export const outDir = process.env.E2E_OUT ?? join(tmpdir(), 'daigoudesk-e2e');
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Opens the app in a fresh Chromium profile and waits until the Go bindings answer.
 * @param {{ path?: string, locale?: string }} [opts] path is the hash route, e.g. '/settings'
 */
export async function openApp({ path = '/', locale = 'zh-CN' } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'daigoudesk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1280, height: 800 },
    locale,
  });
  /** @type {string[]} */
  const pageErrors = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(`${baseURL}/#${path}`);
  await waitForBackend(page);
  return {
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The dev server bridges bindings over a websocket that the page opens itself: wait until
 * window.go exists and a trivial call (Settings.GetSettings) resolves before driving the UI.
 * @param {import('playwright-core').Page} page
 */
export async function waitForBackend(page, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'not tried';
  while (Date.now() < deadline) {
    try {
      last = await page.evaluate(async () => {
        const go = /** @type {any} */ (window).go;
        if (!go?.app?.Settings?.GetSettings) return 'window.go.app.Settings not there yet';
        const timeout = new Promise((resolve) => setTimeout(() => resolve('GetSettings timed out'), 3000));
        return Promise.race([go.app.Settings.GetSettings().then(() => 'ok'), timeout]);
      });
      if (last === 'ok') return;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`backend not ready after ${timeoutMs} ms: ${last}`);
}

/** Saves a full-page screenshot under E2E_OUT and returns its path. */
export async function screenshot(page, name) {
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Switches the UI to `language` ('zh-CN' or 'en') with the header switch and waits until the
 * setting is saved (the e2e tests share one data dir: each leaves it in Chinese).
 */
export async function switchLanguage(page, language) {
  const label = language === 'en' ? 'English' : '简体中文';
  await page.getByTestId('language-switch').getByText(label, { exact: true }).click();
  await page.waitForFunction(
    async (want) => (await /** @type {any} */ (window).go.app.Settings.GetSettings()).language === want,
    language,
    { timeout: 10_000, polling: 250 },
  );
}

/**
 * Runs the command line of the app the harness built (the same binary, with a command
 * argument) on another data folder — a second laptop — and returns its standard output.
 * Without the harness's binary it falls back to `go run .` in the repository.
 * @param {string} dataDir the other laptop's data folder
 * @param {string[]} args the command, e.g. ['sync', '--once']
 * @param {Record<string, string>} [env] extra environment, e.g. DAIGOU_SYNC_PASSPHRASE
 */
export function runCLI(dataDir, args, env = {}) {
  const built = process.env.E2E_DATA_DIR ? join(dirname(process.env.E2E_DATA_DIR), 'daigoudesk-dev') : '';
  const [cmd, pre] = built && existsSync(built) ? [built, []] : ['go', ['run', '.']];
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return new Promise((resolve, reject) => {
    execFile(cmd, [...pre, '--data-dir', dataDir, ...args], { cwd: root, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      if (err) reject(new Error(`daigoudesk ${args.join(' ')}: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}
