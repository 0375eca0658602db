// README screenshots with demo data (not part of the default e2e run, which starts empty):
//   build/e2e.sh frontend/e2e/readme-screenshots.mjs
// Loads the demo data set into the harness's fresh data dir with the CLI, then saves
// docs/screenshots/{products,stock,low-stock,orders,order,customers}.png. Also checks that the product table pages
// from the server as it scrolls (100 rows at a time, never the whole catalog).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, screenshot } from './app.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shots = join(root, 'docs', 'screenshots');

test('README screenshots with demo data', async () => {
  const dataDir = process.env.E2E_DATA_DIR;
  assert.ok(dataDir, 'run through build/e2e.sh (it sets E2E_DATA_DIR)');
  execFileSync('go', ['run', '.', '--data-dir', dataDir, 'demo', '--force'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  mkdirSync(shots, { recursive: true });

  const app = await openApp({ path: '/products' });
  try {
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    const total = page.getByTestId('product-total');
    await total.getByText(/共 \d+ 个商品（已加载 100 个）/).waitFor();

    // Scrolling near the end of the loaded rows fetches the next page.
    const holder = page.locator('[data-testid=product-table] .ant-table-tbody-virtual-holder');
    for (let i = 0; i < 40 && /已加载 100 个/.test(await total.innerText()); i++) {
      await holder.hover();
      await page.mouse.wheel(0, 2000);
      await page.waitForTimeout(100);
    }
    await total.getByText(/已加载 200 个/).waitFor();
    await holder.evaluate((el) => el.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'products.png') });

    await page.getByTestId('main-nav').getByText('库存', { exact: true }).click();
    await page.getByTestId('levels-total').getByText(/共 \d+ 条库存记录/).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'stock.png') });

    await page.getByTestId('main-nav').getByText('低库存', { exact: true }).click();
    await page.getByTestId('lowstock-table').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'low-stock.png') });

    await page.getByTestId('main-nav').getByText('订单', { exact: true }).click();
    await page.getByText('全部订单', { exact: true }).click();
    await page.locator('[data-testid^=order-row-]:visible').first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, 'orders.png') });
    await page.locator('[data-testid^=order-row-]:visible').first().click();
    await page.locator('.ant-drawer-content').first().waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(shots, 'order.png') });
    await page.keyboard.press('Escape');

    await page.getByTestId('main-nav').getByText('客户', { exact: true }).click();
    await page.locator('.ant-table-row:visible').first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, 'customers.png') });

    // The other stock screens, for a look (E2E_OUT only).
    await page.getByTestId('main-nav').getByText('库存', { exact: true }).click();
    await page.getByTestId('tab-ledger').click();
    await page.locator('[data-testid=ledger-table] .ant-table-row').first().waitFor();
    await screenshot(page, 'demo-ledger');
    await page.getByTestId('tab-expiring').click();
    await page.getByTestId('expiring-table').locator('.ant-tag').first().waitFor();
    await screenshot(page, 'demo-expiring');
    await page.getByTestId('tab-zones').click();
    await page.getByTestId('locations-table').getByText('货架').first().waitFor();
    await screenshot(page, 'demo-zones');
    await page.getByTestId('stock-take').click();
    await page.getByTestId('stocktake-location').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.locator('[data-testid^=stocktake-count-]').first().waitFor();
    await screenshot(page, 'demo-stocktake');
    await page.keyboard.press('Escape');
    await page.getByTestId('tab-levels').click();
    await page.locator('[data-testid=levels-table] .ant-table-row').first().getByText('调整').click();
    await page.getByTestId('adjust-reason').waitFor();
    await screenshot(page, 'demo-adjust');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
