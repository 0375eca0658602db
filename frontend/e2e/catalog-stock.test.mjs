// Scenario: a zone and location exist; a person creates a product with an EAN-13 barcode in
// the product drawer (a wrong check digit is caught first), scans the barcode into the search
// box (the scanner types it and presses Enter) and the product's drawer opens, receives 12
// units at the location through the Receive dialog (scanning again in the product picker),
// sees 12 on hand on the Stock page, and switches to English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, screenshot, switchLanguage } from './app.mjs';

const run = Date.now().toString(36).toUpperCase();
const sku = `E2E-${run}`;
const nameZh = `资生堂红腰子精华 ${run}`;
const nameOrig = `SHISEIDO Ultimune ${run}`;

/** A valid EAN-13 made unique per run (GS1 check digit). */
function ean13(body12) {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return body12 + String((10 - (sum % 10)) % 10);
}
const barcode = ean13(`49${String(Date.now()).slice(-10)}`);
const wrongBarcode = barcode.slice(0, 12) + String((Number(barcode[12]) + 1) % 10);

/** Picks the option with this text in the open antd Select dropdown. */
async function pickOption(page, text) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

test('product → scan → receive → stock level, in Chinese and English', async () => {
  const app = await openApp({ path: '/products' });
  try {
    const { page } = app;

    // Places first, through the bound Go methods (the UI for them is covered below only by sight).
    const location = await page.evaluate(async (run) => {
      const c = /** @type {any} */ (window).go.app.Catalog;
      const zone = await c.SaveZone({ id: '', name: `美妆区 ${run}`, kind: '化妆品', note: '' });
      return c.SaveLocation({ id: '', zoneId: zone.id, zoneName: '', name: `A-01-${run}`, kind: 'shelf', note: '' });
    }, run);

    // Create the product in the drawer.
    await page.getByTestId('product-new').click();
    await page.getByTestId('product-form-sku').fill(sku);
    await page.getByTestId('product-form-nameZh').fill(nameZh);
    await page.getByTestId('product-form-nameOrig').fill(nameOrig);
    await page.getByTestId('product-form-barcode').fill(wrongBarcode);
    await page.getByTestId('product-form-price').fill('398.50');
    await page.getByTestId('product-save').click();
    // the client-side check names the expected check digit
    await page.getByText(`条码 ${wrongBarcode} 校验位错误，应为 ${barcode[12]}`).waitFor();
    await screenshot(page, 'product-form-error');
    await page.getByTestId('product-form-barcode').fill(barcode);
    await page.getByTestId('product-save').click();
    await page.getByText('商品已创建').waitFor();
    await page.getByTestId(`product-row-${sku}`).waitFor();

    // Scan: the scanner types the code into the search box and presses Enter.
    const search = page.getByTestId('product-search');
    await search.click();
    await search.pressSequentially(barcode, { delay: 5 });
    await search.press('Enter');
    await page.getByText(`编辑商品：${nameZh}`).waitFor();
    assert.equal(await search.inputValue(), '', 'the search box is cleared after a hit');
    assert.equal(await page.getByTestId('product-form-barcode').inputValue(), barcode);
    await screenshot(page, 'product-drawer');
    await page.keyboard.press('Escape');

    // Receive 12 at the location.
    await page.getByTestId('main-nav').getByText('库存', { exact: true }).click();
    await page.getByTestId('stock-receive').click();
    await page.getByTestId('receive-product').click();
    await page.keyboard.type(barcode, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByTestId('receive-product').getByText(`${nameZh} · ${sku}`).waitFor();
    await page.getByTestId('receive-location').click();
    await pickOption(page, location.name);
    await page.getByTestId('receive-qty').fill('12');
    await page.getByTestId('receive-batch').fill(`B-${run}`);
    // antd's own texts follow the language too (date picker placeholder)
    assert.equal(await page.locator('.ant-modal:visible .ant-picker input').getAttribute('placeholder'), '请选择日期');
    await screenshot(page, 'receive-dialog');
    await page.getByTestId('receive-submit').click();
    await page.getByText('已入库 12 件').waitFor();

    // The stock levels tab shows 12 on hand for the product at that location.
    const row = page.getByTestId(`level-row-${sku}`);
    await row.waitFor();
    const rowText = await row.innerText();
    assert.match(rowText, new RegExp(`${location.name}`));
    assert.match(rowText, /(^|\s)12(\s|$)/);
    const onHand = await page.evaluate(async (barcode) => {
      const go = /** @type {any} */ (window).go.app;
      const p = await go.Catalog.FindProductByCode(barcode);
      return p.onHand;
    }, barcode);
    assert.equal(onHand, 12);
    await screenshot(page, 'stock-zh');

    // English.
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await page.getByText('Stock levels', { exact: true }).waitFor();
    await page.getByTestId('stock-receive').getByText('Receive', { exact: true }).waitFor();
    await page.getByTestId('levels-table').getByText('On hand', { exact: true }).waitFor();
    await screenshot(page, 'stock-en');
    await page.getByTestId('main-nav').getByText('Products', { exact: true }).click();
    await page.getByTestId('product-new').getByText('New product').waitFor();
    await page.getByTestId('product-table').getByText('Available', { exact: true }).waitFor();
    await screenshot(page, 'products-en');
    const ledger = page.getByTestId('main-nav').getByText('Stock', { exact: true });
    await ledger.click();
    await page.getByText('Ledger', { exact: true }).click();
    await page.getByTestId('ledger-table').getByText('Received', { exact: true }).first().waitFor();
    await screenshot(page, 'ledger-en');

    // Leave the shared data dir in Chinese for the other tests.
    await switchLanguage(page, 'zh-CN');
    await page.getByTestId('main-nav').getByText('商品', { exact: true }).waitFor();
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
