// Scenario: a product with a SKU exists. A person opens Orders → Import orders and drops in a
// Taobao order export (a GBK CSV with Chinese headers and ="…" numbers) holding 3 good orders,
// one line whose title matches no product, and one bad row (quantity "abc"). The file is
// recognised as Taobao; the columns come prefilled and are saved for the channel; the preview
// counts the orders and names the bad row by its line; the import stays disabled until "skip
// bad rows" is ticked; the unmatched title is mapped to the product with the product box. After
// the import the orders list shows the 3 orders by their Taobao numbers, and importing the same
// file again creates nothing ("already imported"). In English, a file that arrives in the
// watched folder is listed by itself and imported from the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, screenshot, switchLanguage } from './app.mjs';

const run = Date.now().toString(36).toUpperCase();
const sku = `IMP-${run}`;
const productName = `神仙水 230ml ${run}`;
const giftTitle = `限定礼盒 圣诞款 ${run}`;
// Taobao order numbers are long digit strings; these share a prefix to search them by
const base = `88${String(Date.now()).slice(-9)}`;
const orderNos = [`${base}1`, `${base}2`, `${base}3`];
const badNo = `${base}4`;
const watchedNo = `${base}5`;

const header = '订单编号,买家会员名,收货人姓名,收货地址,联系手机,宝贝标题,宝贝总数量,买家实际支付金额,订单状态,订单创建时间,商家编码';
const row = (no, buyer, name, address, phone, title, qty, paid, status, at, code) =>
  [`="${no}"`, buyer, name, address, `="${phone}"`, title, qty, paid, status, at, code].join(',');
const buyer = (s) => `tb_${s}_${run.toLowerCase()}`;

const exportCSV = [
  header,
  row(orderNos[0], buyer('alice'), '张三', '上海 上海市 浦东新区 世纪大道100号 (200120)', '13812345678', 'SK-II 神仙水 230ml 日本直邮', 2, '"1,598.00"', '交易成功', '2026-03-01 10:00:00', sku),
  row(orderNos[1], buyer('bob'), '李四', '广东省深圳市南山区科技园1号', '13912345678', giftTitle, 1, '300.00', '买家已付款', '2026-03-02 11:00:00', ''),
  row(orderNos[2], buyer('alice'), '张三', '上海 上海市 浦东新区 世纪大道100号 (200120)', '13812345678', '神仙水 小样', 1, '799.00', '等待买家付款', '2026-03-03 12:00:00', sku),
  row(badNo, buyer('carol'), '王五', '浙江省 杭州市 西湖区 文三路1号', '13712345678', '面膜', 'abc', '100', '买家已付款', '2026-03-04 09:00:00', ''),
].join('\r\n') + '\r\n';
const badLine = 5; // header on line 1, the bad row is the 4th data row

const watchedCSV = [
  header,
  row(watchedNo, buyer('dan'), '赵六', '北京 北京市 朝阳区 建国路88号', '13612345678', 'SK-II 神仙水', 1, '799.00', '买家已付款', '2026-03-05 08:00:00', sku),
].join('\r\n') + '\r\n';

/**
 * Encodes text as GBK, as Taobao's export is written. Node can decode GBK but not encode it, so
 * the table is built by decoding every two-byte code once.
 */
function gbk(text) {
  const decoder = new TextDecoder('gbk');
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code < 0x80) bytes.push(code);
    else if (table.has(ch)) bytes.push(...table.get(ch));
    else throw new Error(`${ch} has no GBK code`);
  }
  const out = Buffer.from(bytes);
  assert.equal(decoder.decode(out), text, 'GBK round trip');
  return out;
}

/** Lets steps, modals and toasts finish their animations before a screenshot. */
const settle = (page) => page.waitForTimeout(500);

/** Fails when an i18n key of the import screen is shown as text. */
async function assertTranslated(page) {
  const text = await page.locator('body').innerText();
  const raw = text.match(/\b(orderImport|importing|orders)\.[a-zA-Z_]+(\.[a-zA-Z_]+)*\b/g);
  assert.equal(raw, null, `untranslated keys on screen: ${raw}`);
}

/** Drops a file on the import screen through its file input and waits for the channel step. */
async function upload(page, file) {
  await page.getByTestId('import-dropzone').locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('import-channel-step').waitFor();
}

/** Chooses an option of the antd Select with this test id, and waits for its list to close. */
async function pick(page, testid, option) {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await page.getByTestId(testid).click();
  await open.getByTitle(option, { exact: true }).click();
  await open.waitFor({ state: 'detached' }).catch(() => open.first().waitFor({ state: 'hidden' }));
}

/** The text of a statistic of the preview. */
async function count(page, testid) {
  return (await page.getByTestId(testid).locator('.ant-statistic-content').innerText()).trim();
}

test('import a Taobao export: bad row, unmatched title, import, find the orders, import again', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'daigou-import-'));
  const app = await openApp({ path: '/orders' });
  try {
    const { page } = app;
    const file = join(dir, `ExportOrderList-${run}.csv`);
    await writeFile(file, gbk(exportCSV));

    const productId = await page.evaluate(
      async ({ sku, productName }) => {
        const go = /** @type {any} */ (window).go.app;
        const p = await go.Catalog.CreateProduct({ sku, nameZh: productName, nameOrig: 'SK-II Facial Treatment Essence', brand: 'SK-II',
          categoryId: '', barcode: '', cost: 0, costCurrency: 'CNY', price: 79900, priceCurrency: 'CNY', weightG: 0, photo: '', notes: '',
          shelfLife: false, reorderPoint: 0, reorderQty: 0 });
        return p.id;
      },
      { sku, productName },
    );

    // ---- From the orders page to the import screen; the file goes in through the file input ----
    await page.getByTestId('orders-page').waitFor();
    await page.getByTestId('order-import').click();
    await page.getByTestId('order-import-page').waitFor();
    await page.getByText('把渠道导出的订单文件拖到这里，或点击选择文件').waitFor();
    await page.getByTestId('import-folder-current').getByText('未设置监视文件夹').waitFor();
    await screenshot(page, 'order-import-file-zh');
    await upload(page, file);
    await page.getByTestId('import-detected').getByText('已识别为淘宝订单导出，渠道已选好。').waitFor();
    assert.equal(await page.getByTestId('import-channel').locator('.ant-radio-button-wrapper-checked').innerText(), '淘宝');
    await page.getByTestId('import-file-name').getByText(`ExportOrderList-${run}.csv`).waitFor();
    await settle(page);
    await screenshot(page, 'order-import-channel-zh');

    // ---- Columns: the Taobao preset, saved for the channel ----
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-columns-step').waitFor();
    await page.getByText('已按淘宝预设填好，可以修改。').waitFor();
    await page.getByTestId('import-map-order_no').getByText('订单编号', { exact: true }).waitFor();
    await page.getByTestId('import-map-title').getByText('宝贝标题', { exact: true }).waitFor();
    await page.getByTestId('import-map-sku').getByText('商家编码', { exact: true }).waitFor();
    await page.getByTestId('import-save-mapping').check();
    await assertTranslated(page);
    await screenshot(page, 'order-import-columns-zh');
    await page.getByTestId('import-next').click();
    await page.getByText('已保存“淘宝”的列对应').waitFor();
    const saved = await page.evaluate(() => /** @type {any} */ (window).go.app.OrderImport.Mappings());
    assert.deepEqual(saved.map((m) => [m.channel, m.mapping.order_no, m.mapping.sku]), [['taobao', '订单编号', '商家编码']]);

    // ---- Preview: counts, the bad row by its line, the unmatched title ----
    await page.getByTestId('import-preview-step').waitFor();
    assert.equal(await count(page, 'import-count-orders'), '3');
    assert.equal(await count(page, 'import-count-lines'), '3');
    assert.equal(await count(page, 'import-count-skipped'), '0');
    assert.equal(await count(page, 'import-count-customers'), '2');
    assert.equal(await count(page, 'import-count-bad'), '1');
    await page.getByTestId('import-problems').getByText('文件中有 1 处问题').waitFor();
    const problem = page.getByTestId(`import-problem-${badLine}`);
    await problem.getByText('数量', { exact: true }).waitFor();
    // the problem in the user's language (the backend's English message is only a fallback)
    await problem.getByText('“abc”不是数量（应为大于 0 的整数）', { exact: true }).waitFor();
    assert.equal(await problem.getByText('is not a quantity').count(), 0, 'the bad row is shown in English');
    assert.equal(await page.getByTestId('import-run').isDisabled(), true, 'a file with bad rows does not import unless they are skipped');
    await page.getByText('文件有问题：请勾选“跳过有问题的行”，或改好文件后重新选择').waitFor();
    const sample = page.getByTestId('import-sample');
    for (const no of orderNos) await sample.getByText(no, { exact: true }).waitFor();
    assert.equal(await sample.getByText(badNo).count(), 0, 'the bad order is not among the orders to create');
    await sample.getByText('¥1,598.00').waitFor();

    const unmatched = page.getByTestId('import-unmatched-0');
    await unmatched.getByText(giftTitle, { exact: true }).waitFor();
    await unmatched.getByText('第 3 行 · 共 1 行').waitFor();
    await page.getByTestId('import-product-0').click();
    await page.keyboard.type(sku, { delay: 10 });
    await page.locator('.ant-select-dropdown:visible').getByText(`${productName} · ${sku}`).click();
    await page.getByTestId('import-mapped-0').getByText(`${productName} · ${sku}`).waitFor();

    await page.getByTestId('import-skip-bad').check();
    assert.equal(await page.getByTestId('import-run').isEnabled(), true);
    await page.getByTestId('import-run').getByText('导入 3 个订单').waitFor();
    await assertTranslated(page);
    await settle(page);
    await screenshot(page, 'order-import-preview-zh');

    // ---- Import ----
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-result-title').getByText('导入完成：新建 3 个订单').waitFor();
    const result = {};
    for (const k of ['created', 'lines', 'skipped', 'skippedBad', 'newCustomers', 'unmatched']) {
      result[k] = (await page.getByTestId(`import-result-${k}`).innerText()).trim();
    }
    assert.deepEqual(result, { created: '3', lines: '3', skipped: '0', skippedBad: '1', newCustomers: '2', unmatched: '0' });
    await settle(page);
    await screenshot(page, 'order-import-result-zh');

    // ---- The orders list: the 3 orders by their Taobao numbers ----
    await page.getByTestId('import-view-orders').click();
    await page.getByTestId('orders-page').waitFor();
    await page.getByRole('tab', { name: '全部订单', selected: true }).waitFor();
    await page.getByTestId('order-channel-filter').getByText('淘宝').waitFor();
    await page.getByTestId('order-search').fill(base);
    await page.getByTestId('order-total').getByText(/^共 3 个订单/).waitFor();
    const table = page.getByTestId('order-table');
    for (const no of orderNos) await table.getByText(no).waitFor();
    await table.locator('[data-status="completed"]').first().waitFor();
    await settle(page);
    await screenshot(page, 'order-import-orders-zh');
    const imported = await page.evaluate(async (base) => {
      const go = /** @type {any} */ (window).go.app;
      const list = await go.Orders.FindOrders({ statuses: [], channel: 'taobao', priority: '', customerId: '', query: base, open: false,
        from: '', to: '', sort: 'ordered', desc: false, offset: 0, limit: 10 });
      const out = {};
      for (const o of list.items) {
        const d = await go.Orders.GetOrder(o.id);
        out[o.channelOrderNo] = { status: o.status, products: d.lines.map((l) => l.productId) };
      }
      return out;
    }, base);
    assert.deepEqual(Object.keys(imported).sort(), orderNos);
    assert.equal(imported[orderNos[0]].status, 'completed');
    assert.deepEqual(imported[orderNos[1]].products, [productId], 'the unmatched title was imported as the product chosen for it');

    // ---- The same file again: nothing new ----
    await page.getByTestId('order-import').click();
    await upload(page, file);
    await page.getByTestId('import-next').click();
    await page.getByText('已使用为“淘宝”保存的列对应，可以修改。').waitFor();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-all-done').getByText('这个文件的 3 个订单都已导入过，再导入不会改变任何数据。').waitFor();
    assert.equal(await count(page, 'import-count-orders'), '0');
    assert.equal(await count(page, 'import-count-skipped'), '3');
    await page.getByTestId('import-skip-bad').check();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-result-title').getByText('没有新订单：3 个订单已导入过').waitFor();
    assert.equal((await page.getByTestId('import-result-created').innerText()).trim(), '0');
    await settle(page);
    await screenshot(page, 'order-import-again-zh');

    // ---- English; a file arriving in the watched folder is listed and imported from there ----
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await page.getByTestId('import-another').click();
    await page.getByText('Drop a channel\'s order export here, or click to choose a file').waitFor();
    const watched = join(dir, 'watched');
    await mkdir(watched);
    await page.getByTestId('import-folder-path').fill(watched);
    await page.getByTestId('import-folder-save').click();
    await page.getByTestId('import-folder-current').getByText(`Watching: ${watched}`).waitFor();
    await page.getByTestId('import-pending').getByText('No files waiting in the folder').waitFor();
    await writeFile(join(watched, `Taobao-${run}.csv`), gbk(watchedCSV));
    const pendingRow = page.getByTestId('import-pending').locator('tr', { hasText: `Taobao-${run}.csv` });
    await pendingRow.getByText('Taobao order export').waitFor({ timeout: 20_000 }); // fsnotify → import:pending
    await assertTranslated(page);
    await settle(page);
    await screenshot(page, 'order-import-file-en');
    await page.getByTestId(`import-pending-Taobao-${run}.csv`).click();
    await page.getByTestId('import-detected').getByText('Recognised as a Taobao order export; the channel is chosen.').waitFor();
    await settle(page);
    await screenshot(page, 'order-import-channel-en');
    await page.getByTestId('import-next').click();
    await page.getByText('Using the mapping saved for Taobao; change what you need.').waitFor();
    await assertTranslated(page);
    await screenshot(page, 'order-import-columns-en');
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-preview-step').waitFor();
    assert.equal(await count(page, 'import-count-orders'), '1');
    await page.getByTestId('import-sample').getByText(watchedNo, { exact: true }).waitFor();
    await assertTranslated(page);
    await settle(page);
    await screenshot(page, 'order-import-preview-en');
    await page.getByTestId('import-run').getByText('Import 1 order(s)').click();
    await page.getByTestId('import-result-title').getByText('Imported: 1 order(s) created').waitFor();
    await settle(page);
    await screenshot(page, 'order-import-result-en');
    // imported: it leaves the pending list
    await page.getByTestId('import-another').click();
    await page.getByTestId('import-pending').getByText('No files waiting in the folder').waitFor();
    await page.getByTestId('import-folder-clear').click();
    await page.getByTestId('import-folder-current').getByText('No folder is watched').waitFor();

    // A file that is not an export is refused with a translated error.
    const notes = join(dir, 'notes.txt');
    await writeFile(notes, 'hello');
    await page.getByTestId('import-dropzone').locator('input[type=file]').setInputFiles(notes);
    await page.getByTestId('import-error').getByText(/Unsupported file type: notes\.txt/).waitFor();

    // Leave the shared data dir in Chinese for the other tests.
    await switchLanguage(page, 'zh-CN');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
});

// A WeChat order list kept by hand (UTF-8, headers of the team's own) matches no preset: the
// person picks the channel, the form refuses to go on without the order number and product
// columns, and once they are mapped the orders import.
test('a file of no known format: choose the channel and map the columns by hand', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'daigou-import-'));
  const app = await openApp({ path: '/orders/import' });
  try {
    const { page } = app;
    const nos = [`WX-${run}-1`, `WX-${run}-2`];
    const name = `雪花秀滋盈肌本 ${run}`;
    await page.evaluate(
      async ({ sku, name }) => {
        await /** @type {any} */ (window).go.app.Catalog.CreateProduct({ sku, nameZh: name, nameOrig: '', brand: '', categoryId: '',
          barcode: '', cost: 0, costCurrency: 'CNY', price: 60000, priceCurrency: 'CNY', weightG: 0, photo: '', notes: '', shelfLife: false,
          reorderPoint: 0, reorderQty: 0 });
      },
      { sku: `IMPW-${run}`, name },
    );
    const file = join(dir, `微信接单-${run}.csv`);
    await writeFile(file, [
      '单号,收件人,电话,商品,件数,金额,备注',
      `${nos[0]},周七,13512345678,${name},2,1200,要礼袋`,
      `${nos[1]},吴八,13412345678,${name},1,600,`,
    ].join('\n') + '\n');

    await page.getByTestId('order-import-page').waitFor();
    await upload(page, file);
    await page.getByText('没有识别出文件格式：请选择渠道，下一步把文件的列对应到订单字段。').waitFor();
    assert.equal(await page.getByTestId('import-next').isDisabled(), true, 'no channel chosen yet');
    await page.getByTestId('import-channel').getByText('微信', { exact: true }).click();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-columns-step').waitFor();
    await page.getByTestId('import-next').click();
    await page.getByText('请选择订单编号所在的列').waitFor();
    await page.getByText('请选择商品标题、货号或条码所在的列').waitFor();
    for (const [field, header] of [['order_no', '单号'], ['recipient', '收件人'], ['phone', '电话'], ['title', '商品'], ['qty', '件数'],
      ['paid', '金额'], ['note', '备注']]) {
      await pick(page, `import-map-${field}`, header);
    }
    await pick(page, 'import-map-sku', '商品');
    await page.getByText('列“商品”已对应到 商品标题').waitFor();
    await page.getByTestId('import-map-sku').hover();
    await page.getByTestId('import-map-sku').locator('.ant-select-clear').click();
    await page.getByText('列“商品”已对应到 商品标题').waitFor({ state: 'detached' });
    await settle(page);
    await screenshot(page, 'order-import-columns-manual-zh');
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-preview-step').waitFor();
    assert.equal(await count(page, 'import-count-orders'), '2');
    await page.getByTestId('import-sample').getByText('¥1,200.00').waitFor();
    assert.equal(await page.getByTestId('import-unmatched').count(), 0, 'the title is the product name: matched');
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-result-title').getByText('导入完成：新建 2 个订单').waitFor();
    const orders = await page.evaluate(async (q) => {
      const r = await /** @type {any} */ (window).go.app.Orders.FindOrders({ statuses: [], channel: 'wechat', priority: '', customerId: '',
        query: q, open: false, from: '', to: '', sort: 'ordered', desc: false, offset: 0, limit: 10 });
      return r.items.map((o) => o.channelOrderNo).sort();
    }, `WX-${run}-`);
    assert.deepEqual(orders, nos);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
});
