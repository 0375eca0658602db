// README screenshots with demo data (not part of the default e2e run, which starts empty):
//   build/e2e.sh frontend/e2e/readme-screenshots.mjs
// Loads the demo data set into the harness's fresh data dir with the CLI, then saves
// docs/screenshots/{products,stock,low-stock,orders,order,customers}.png, of purchasing
// {trip,trip-shop,trip-summary,suppliers}.png (the open trip's shopping list, its phone shop screen,
// a past European trip's summary, the suppliers) and of shipping {shipping,parcels,carrier-evaluation}.png
// (the pack form with the carrier options side by side, every parcel, the last 90 days' carriers). Also checks that the product table pages from
// the server as it scrolls (100 rows at a time, never the whole catalog).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, screenshot } from './app.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shots = join(root, 'docs', 'screenshots');

/** Waits until no table or page shows its loading spinner (a loading table is drawn at half opacity), then a moment more. */
async function settled(page, ms = 500) {
  await page.waitForFunction(
    () => ![...document.querySelectorAll('.ant-spin-spinning, .ant-spin-blur')].some((el) => el.getClientRects().length > 0),
    undefined,
    { polling: 100 },
  );
  await page.waitForTimeout(ms);
}

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
    await settled(page, 300);
    await page.screenshot({ path: join(shots, 'products.png') });

    await page.getByTestId('main-nav').getByText('库存', { exact: true }).click();
    await page.getByTestId('levels-total').getByText(/共 \d+ 条库存记录/).waitFor();
    await settled(page, 300);
    await page.screenshot({ path: join(shots, 'stock.png') });

    await page.getByTestId('main-nav').getByText('低库存', { exact: true }).click();
    await page.getByTestId('lowstock-table').waitFor();
    await settled(page, 300);
    await page.screenshot({ path: join(shots, 'low-stock.png') });

    await page.getByTestId('main-nav').getByText('订单', { exact: true }).click();
    await page.getByText('全部订单', { exact: true }).click();
    await page.locator('[data-testid^=order-row-]:visible').first().waitFor();
    await settled(page);
    await page.screenshot({ path: join(shots, 'orders.png') });
    await page.locator('[data-testid^=order-row-]:visible').first().click();
    await page.locator('.ant-drawer-content').first().waitFor();
    await settled(page, 800);
    await page.screenshot({ path: join(shots, 'order.png') });
    await page.keyboard.press('Escape');

    await page.getByTestId('main-nav').getByText('客户', { exact: true }).click();
    await page.locator('.ant-table-row:visible').first().waitFor();
    await settled(page);
    await page.screenshot({ path: join(shots, 'customers.png') });

    // ---- Purchasing: the open trip ahead (top of the list), its shop screen on a phone, a past trip's summary ----
    await page.getByTestId('main-nav').getByText('采购/行程', { exact: true }).click();
    await page.getByTestId('purchasing-tabs').getByText('采购行程', { exact: true }).click();
    await page.locator('[data-testid^=trip-row-]').first().waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'demo-trips');
    const openRow = page.locator('[data-testid^=trip-row-]').first();
    assert.equal(await openRow.locator('.ant-tag').first().innerText(), '进行中', 'the open trip is first');
    await openRow.getByTestId('trip-open').click();
    await page.getByTestId('trip-page').waitFor();
    await page.getByTestId('trip-tab-list').click();
    await page.locator('[data-testid^=list-group-] [data-testid^=list-row-]').first().waitFor();
    const tripId = new URL(page.url()).hash.match(/\/purchasing\/trips\/([^/?]+)/)?.[1];
    assert.ok(tripId, `trip id in ${page.url()}`);
    await settled(page);
    await page.screenshot({ path: join(shots, 'trip.png') });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('trip-open-shop').click();
    await page.getByTestId('shop-screen').waitFor();
    assert.ok(new URL(page.url()).hash.startsWith(`#/purchasing/trips/${tripId}/shop`), page.url());
    await page.locator('[data-testid^=shop-item-]').first().waitFor();
    await page.getByTestId('shop-search').blur();
    await settled(page);
    await page.screenshot({ path: join(shots, 'trip-shop.png') });
    await page.getByTestId('shop-back').click();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('trip-page').waitFor();

    // the newest closed trip to Europe whose tax refund was received: several currencies,
    // luggage and forwarder costs
    const past = await page.evaluate(async () => {
      const go = /** @type {any} */ (window).go.app;
      for (const trip of await go.Purchasing.FindTrips()) {
        if (!trip.closed || trip.country !== 'FR') continue;
        const s = await go.Purchasing.TripSummary(trip.id);
        const kinds = new Set(s.costs.map((c) => (c.kind === 'tax_refund' ? `${c.kind}:${c.status}` : c.kind)));
        if (s.spent.length > 1 && kinds.has('forwarder') && kinds.has('tax_refund:received')) return trip.name;
      }
      return '';
    });
    assert.ok(past, 'a closed European trip with a received tax refund');
    await page.getByTestId('trip-back').click();
    await page.getByTestId(`trip-row-${past}`).getByTestId('trip-open').click();
    await page.getByTestId('trip-name').getByText(past).waitFor();
    await page.getByTestId('trip-tab-summary').click();
    await page.getByTestId('summary-spent').waitFor();
    await page.getByTestId('summary-costs').locator('[data-testid=cost-row-tax_refund]').waitFor();
    // as tall as the window must be to show the extra costs and tax refunds (the history of
    // ticks below is long)
    await page.evaluate(() => window.scrollTo(0, 0));
    const costsBottom = await page.getByTestId('summary-costs').evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
    await page.setViewportSize({ width: 1440, height: Math.max(900, Math.ceil(costsBottom + 12)) });
    await settled(page);
    await page.screenshot({ path: join(shots, 'trip-summary.png') });
    await screenshot(page, 'demo-trip-summary-full');
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByTestId('purchasing-tabs').getByText('供应商', { exact: true }).click();
    await page.locator('[data-testid=supplier-table] .ant-table-row').first().waitFor();
    await settled(page);
    await page.screenshot({ path: join(shots, 'suppliers.png') });

    // ---- Shipping: the pack form for one customer's orders, the carrier options side by side; the parcels ----
    await page.getByTestId('main-nav').getByText('物流', { exact: true }).click();
    await page.getByTestId('shipping-tab-pack').click();
    const packRow = page.locator('[data-testid^=topack-row-]').first();
    await packRow.waitFor();
    await packRow.locator('.ant-table-cell').nth(1).click();
    const same = page.getByTestId('topack-same-recipient');
    if (await same.isVisible()) await same.click();
    await page.getByTestId('topack-pack').click();
    await page.getByTestId('pack-options').locator('tr[data-suggested="true"]').waitFor();
    await settled(page, 800);
    await page.screenshot({ path: join(shots, 'shipping.png') });
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await page.getByTestId('pack-drawer').waitFor({ state: 'hidden' });
    await page.getByTestId('shipping-tab-parcels').click();
    await page.getByTestId('parcel-filter-all').click();
    await page.locator('[data-testid^=parcel-row-]').first().waitFor();
    await settled(page, 600);
    await page.screenshot({ path: join(shots, 'parcels.png') });
    await page.getByTestId('shipping-tab-evaluation').click();
    await page.getByTestId('evaluation-scatter').locator('canvas').waitFor();
    await settled(page, 1200); // the chart's entry animation
    await page.screenshot({ path: join(shots, 'carrier-evaluation.png') });

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
