// Scenario: a person imports a product list from the products screen. A file with bad rows
// (a Chinese-header CSV from a shop: a wrong barcode check digit, a price that is not a
// number, a SKU that repeats) imports nothing and a dialog lists each bad row with its line
// and column. Once fixed, the same file imports every row, and the products are in the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, screenshot } from './app.mjs';

const run = Date.now().toString(36).toUpperCase();
const header = '货号,中文名,品牌,条码,售价,重量';
const good = [
  `PF-${run}-1,雪花秀润燥精华 ${run},Sulwhasoo,4901301231239,890.00,120`,
  `PF-${run}-2,兰芝睡眠面膜 ${run},Laneige,,229,80`,
  `PF-${run}-3,悦诗风吟绿茶籽精华 ${run},Innisfree,,199.5,95`,
];
const bad = [
  good[0].replace('4901301231239', '4901301231234'), // line 2: wrong check digit
  good[1].replace(',229,', ',二百二十九,'), // line 3: not an amount
  good[2],
  good[2].replace('悦诗风吟', '重复的'), // line 5: the SKU of line 4 again
];
const csv = (rows) => Buffer.from([header, ...rows].join('\r\n') + '\r\n', 'utf8');

test('a product list with bad rows imports nothing and says where; fixed, it imports', async () => {
  const app = await openApp({ path: '/products' });
  try {
    const { page } = app;
    const input = page.getByTestId('products-import').locator('xpath=ancestor::span[contains(@class,"ant-upload")]').locator('input[type=file]');

    await input.setInputFiles({ name: 'shop-products.csv', mimeType: 'text/csv', buffer: csv(bad) });
    const refused = page.getByRole('dialog').filter({ hasText: '什么都没有导入' });
    await refused.waitFor();
    await page.getByTestId('import-problem-2').getByRole('cell', { name: '条码', exact: true }).waitFor();
    await page.getByTestId('import-problem-3').getByRole('cell', { name: '售价', exact: true }).waitFor();
    await page.getByTestId('import-problem-5').getByRole('cell', { name: 'SKU', exact: true }).waitFor();
    await screenshot(page, 'product-import-refused');
    await refused.getByRole('button', { name: /^关\s*闭$/ }).click();
    await page.getByTestId('product-search').fill(`PF-${run}`);
    await page.getByText('没有符合条件的商品').waitFor();
    assert.equal(await page.getByTestId(`product-row-PF-${run}-1`).count(), 0, 'a refused file wrote a product');

    await input.setInputFiles({ name: 'shop-products.csv', mimeType: 'text/csv', buffer: csv(good) });
    await page.getByText('导入完成：新增 3，更新 0，未变 0').waitFor();
    for (const n of [1, 2, 3]) await page.getByTestId(`product-row-PF-${run}-${n}`).waitFor();
    await page.getByTestId(`product-row-PF-${run}-2`).getByText('229.00', { exact: false }).waitFor();
    await screenshot(page, 'product-import-done');

    // the same file again changes nothing
    await input.setInputFiles({ name: 'shop-products.csv', mimeType: 'text/csv', buffer: csv(good) });
    await page.getByText('导入完成：新增 0，更新 0，未变 3').waitFor();
  } finally {
    await app.close();
  }
});
