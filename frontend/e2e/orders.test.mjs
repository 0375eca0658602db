// Scenario: a zone, a location and two products with stock exist, and an earlier order holds 3
// units. A person takes a phone order for a NEW customer in quick order entry with the keyboard
// only (N, customer typed + Enter → "new customer", phone, WeChat, a product by typeahead with
// qty 2, a second one by scanning its barcode, discount, shipping, deposit, Ctrl+Enter); the
// order is confirmed with its deposit and the stock is reserved. They pay the balance, cancel
// the earlier order (its reservation is released), ship the new order, and return one line
// with a refund of that line; the figures follow. The screens are checked in Chinese and English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, screenshot, switchLanguage } from './app.mjs';

const run = Date.now().toString(36).toUpperCase();
const skuA = `ORD-A-${run}`;
const skuB = `ORD-B-${run}`;
const nameA = `雪花秀润燥精华 ${run}`;
const nameB = `安耐晒防晒乳 ${run}`;
const customerName = `王小美${run}`;
const phone = `139${String(Date.now()).slice(-8)}`;

function ean13(body12) {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return body12 + String((10 - (sum % 10)) % 10);
}
const barcodeB = ean13(`69${String(Date.now()).slice(-10)}`);

/** Presses Tab until the focus is inside the element with this test id (keyboard only). */
async function tabTo(page, testid, max = 20) {
  for (let i = 0; i < max; i++) {
    const inside = await page.evaluate((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return !!el && (el === document.activeElement || el.contains(document.activeElement));
    }, testid);
    if (inside) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testid}`);
}

async function closeDrawer(page) {
  await page.locator('.ant-drawer-open .ant-drawer-close').click();
  await page.locator('.ant-drawer-open').waitFor({ state: 'hidden' });
  await page.waitForTimeout(400); // the closing animation, for clean screenshots
}

async function focusedTestId(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && !el.getAttribute?.('data-testid')) el = el.parentElement;
    return el?.getAttribute('data-testid') ?? '';
  });
}

async function product(page, sku) {
  return page.evaluate(async (sku) => {
    const p = await /** @type {any} */ (window).go.app.Catalog.FindProductByCode(sku);
    return { onHand: p.onHand, reserved: p.reserved, available: p.available };
  }, sku);
}

/** Waits until the cell with this test id inside the row reads text. */
async function cellText(page, rowTestId, cellTestId, text) {
  await page.getByTestId(rowTestId).getByTestId(cellTestId).filter({ hasText: new RegExp(`^${text}$`) }).waitFor();
}

test('quick order for a new customer → deposit, reserve, pay, cancel another, ship, return with refund', async () => {
  const app = await openApp({ path: '/orders' });
  try {
    const { page } = app;
    // other scenarios (order import) share the data dir: count on from the orders already there
    const ordersBefore = await page.evaluate(async () => (await /** @type {any} */ (window).go.app.Orders.FindOrders({ statuses: [],
      channel: '', priority: '', customerId: '', query: '', open: false, from: '', to: '', sort: 'ordered', desc: true, offset: 0, limit: 1 })).total);

    // Places, products, stock and an earlier confirmed order, through the bound Go methods.
    const earlier = await page.evaluate(
      async ({ run, skuA, skuB, nameA, nameB, barcodeB }) => {
        const go = /** @type {any} */ (window).go.app;
        const zone = await go.Catalog.SaveZone({ id: '', name: `上海仓 ${run}`, kind: '', note: '' });
        const loc = await go.Catalog.SaveLocation({ id: '', zoneId: zone.id, zoneName: '', name: `O-01-${run}`, kind: 'shelf', note: '' });
        const base = { brand: '', categoryId: '', cost: 0, costCurrency: 'CNY', priceCurrency: 'CNY', weightG: 0, photo: '', notes: '',
          shelfLife: false, reorderPoint: 0, reorderQty: 0 };
        const a = await go.Catalog.CreateProduct({ ...base, sku: skuA, nameZh: nameA, nameOrig: 'Sulwhasoo', barcode: '', price: 39850, cost: 22000 });
        const b = await go.Catalog.CreateProduct({ ...base, sku: skuB, nameZh: nameB, nameOrig: 'ANESSA', barcode: barcodeB, price: 12800, cost: 6000 });
        for (const p of [a, b]) {
          await go.Stock.Receive({ productId: p.id, locationId: loc.id, qty: 10, batchCode: '', expiry: '', unitCost: 0, costCurrency: '',
            ref: '', note: '', at: '' });
        }
        const c = await go.Customers.CreateCustomer({ name: `老客户${run}`, wechat: '', xiaohongshu: '', taobao: '', phone: '', email: '',
          idNumber: '', idPhoto: '', tags: [], notes: '' });
        const o = await go.Orders.CreateOrder({ channel: 'xiaohongshu', channelOrderNo: `XHS-${run}`, customerId: c.id, shipName: '', shipPhone: '',
          shipProvince: '', shipCity: '', shipDistrict: '', shipStreet: '', shipPostcode: '', currency: 'CNY', discount: 0, shippingFee: 0,
          dueDate: '', priority: '', zoneId: '', note: '', orderedAt: '',
          lines: [{ id: '', productId: a.id, title: '', qty: 3, unitPrice: 39850, preorder: false, locationId: '' }] });
        await go.Orders.Transition({ orderId: o.order.id, to: 'confirmed', note: '', at: '' });
        return { number: o.order.number, zoneName: zone.name };
      },
      { run, skuA, skuB, nameA, nameB, barcodeB },
    );
    assert.deepEqual(await product(page, skuA), { onHand: 10, reserved: 3, available: 7 });

    // ---- Quick order entry, keyboard only ----
    await page.getByTestId('orders-page').waitFor();
    await page.getByTestId('queue-table').getByText(earlier.number).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } }); // nothing focused: N belongs to the page
    await page.keyboard.press('n');
    await page.getByTestId('quick-order-body').waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('[data-testid="quick-customer"]') !== null);

    await page.keyboard.type(customerName, { delay: 10 });
    await page.getByTestId('quick-customer-new').waitFor();
    await page.keyboard.press('Enter');
    // the typed name is kept; the phone box has the focus
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'quick-new-phone');
    assert.equal(await page.getByTestId('quick-new-name').inputValue(), customerName);
    await page.keyboard.type(phone);
    await page.keyboard.press('Tab');
    assert.equal(await focusedTestId(page), 'quick-new-wechat');
    await page.keyboard.type(`mei_${run.toLowerCase()}`);
    await page.keyboard.press('Tab');
    assert.equal(await focusedTestId(page), 'quick-channel', 'Tab goes from the customer to the channel');
    await page.keyboard.press('Tab');
    assert.equal(await focusedTestId(page), 'quick-channel-no');
    await page.keyboard.type(`WX-${run}`);
    await tabTo(page, 'quick-product');

    // product A by typeahead: Enter adds the line and puts the cursor in its quantity
    await page.keyboard.type(skuA, { delay: 10 });
    await page.locator('.ant-select-dropdown:visible').getByText(`${nameA} · ${skuA}`).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.closest('[data-testid="quick-line-qty-0"]') !== null
      || document.activeElement?.getAttribute('data-testid') === 'quick-line-qty-0');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    assert.equal(await focusedTestId(page), 'quick-product', 'Enter in the quantity goes back to the product box');

    // product B by scanning its barcode (the scanner types the digits and Enter)
    await page.keyboard.type(barcodeB, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByTestId('quick-line-1').getByText(`${nameB} · ${skuB}`).waitFor();
    await page.keyboard.press('Enter');
    assert.equal(await focusedTestId(page), 'quick-product');
    assert.equal(await page.getByTestId('quick-line-qty-0').inputValue(), '2');
    assert.equal(await page.getByTestId('quick-line-qty-1').inputValue(), '1');

    await tabTo(page, 'quick-discount');
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    assert.equal(await focusedTestId(page), 'quick-shipping');
    await page.keyboard.type('20');
    await page.keyboard.press('Tab');
    assert.equal(await focusedTestId(page), 'quick-deposit');
    await page.keyboard.type('300');
    await page.keyboard.press('Tab');
    assert.equal(await focusedTestId(page), 'quick-deposit-method');
    await page.keyboard.type('支付宝');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await focusedTestId(page), 'quick-due');
    const due = new Date(Date.now() + 86_400_000);
    const dueText = `${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, '0')}-${String(due.getDate()).padStart(2, '0')}`;
    await page.keyboard.type(dueText);
    await page.keyboard.press('Enter');
    // 2 × 398.50 + 128.00 − 10 + 20 = 935.00; 300 deposit leaves 635.00
    await page.getByTestId('quick-totals').getByText('¥935.00').waitFor();
    await page.getByTestId('quick-totals').getByText('¥635.00').waitFor();
    await screenshot(page, 'orders-quick-zh');
    await page.keyboard.press('Control+Enter');

    // The order opens: confirmed with its deposit, stock reserved.
    const drawer = page.getByTestId('order-drawer');
    await drawer.getByTestId('order-customer').getByText(customerName).waitFor();
    const number = (await drawer.getByTestId('order-number').innerText()).trim();
    assert.match(number, /^SO-[A-Z0-9]+-\d{4}$/);
    await drawer.locator('.ant-drawer-header [data-testid="order-status"][data-status="deposit"]').getByText('已付定金').waitFor();
    await drawer.getByTestId('fig-total').getByText('¥935.00').waitFor();
    await drawer.getByTestId('fig-paid').getByText('¥300.00').waitFor();
    await drawer.getByTestId('fig-balance').getByText('¥635.00').waitFor();
    await cellText(page, `order-line-${skuA}`, 'line-reserved', '2');
    await cellText(page, `order-stock-${skuA}`, 'stock-reserved', '5'); // 3 (earlier order) + 2
    await drawer.getByTestId('timeline-payment-deposit').getByText(/定金 · ¥300.00 · 支付宝/).waitFor();
    assert.deepEqual(await product(page, skuA), { onHand: 10, reserved: 5, available: 5 });
    const customer = await page.evaluate(async (name) => {
      const r = await /** @type {any} */ (window).go.app.Customers.FindCustomers({ query: name, tag: '', sort: 'name', desc: false, offset: 0, limit: 5 });
      return r.items.map((c) => ({ name: c.name, phone: c.phone, wechat: c.wechat }));
    }, customerName);
    assert.deepEqual(customer, [{ name: customerName, phone, wechat: `mei_${run.toLowerCase()}` }]);
    await screenshot(page, 'orders-detail-deposit-zh');

    // ---- Pay the balance ----
    await drawer.getByTestId('order-pay').click();
    const payModal = page.locator('.ant-modal:visible');
    await payModal.getByText('应收 ¥935.00，已付 ¥300.00，待收 ¥635.00').waitFor();
    assert.equal(await page.getByTestId('payment-amount').inputValue(), '635');
    await page.getByTestId('payment-ref').fill(`4200001${run}`);
    await screenshot(page, 'orders-payment-zh');
    await page.getByTestId('payment-save').click();
    await page.getByText('收款已记录').waitFor();
    await drawer.locator('.ant-drawer-header [data-status="paid"]').getByText('已付清').waitFor();
    await drawer.getByTestId('fig-balance').getByText('¥0.00').waitFor();
    await closeDrawer(page);

    // The work queue shows it urgent (due tomorrow, rule: within 3 days), first.
    const queueRow = page.getByTestId(`order-row-${number}`).first();
    await queueRow.getByText('加急').waitFor();
    await screenshot(page, 'orders-queue-zh');

    // ---- Cancel the earlier order: its reservation is released ----
    await page.getByRole('tab', { name: '全部订单' }).click();
    await page.getByTestId('order-table').getByText(earlier.number).waitFor();
    await page.getByTestId('order-search').fill(earlier.number);
    await page.getByTestId('order-total').getByText(/^共 1 个订单/).waitFor();
    await page.getByTestId('order-table').getByText(earlier.number).click();
    await drawer.getByTestId('order-number').getByText(earlier.number).waitFor();
    await cellText(page, `order-line-${skuA}`, 'line-reserved', '3');
    await drawer.getByTestId('order-action-cancelled').click();
    await page.getByText(`取消订单 ${earlier.number}？`).waitFor();
    await screenshot(page, 'orders-cancel-confirm-zh');
    await page.getByTestId('order-cancel-confirm').click();
    await drawer.locator('.ant-drawer-header [data-status="cancelled"]').getByText('已取消').waitFor();
    await cellText(page, `order-line-${skuA}`, 'line-reserved', '0');
    await cellText(page, `order-stock-${skuA}`, 'stock-reserved', '2');
    assert.deepEqual(await product(page, skuA), { onHand: 10, reserved: 2, available: 8 });
    await page.getByTestId('order-table').locator('[data-status="cancelled"]').first().waitFor();
    await closeDrawer(page);

    // ---- Ship the new order, then return product B with a refund of that line ----
    await page.getByTestId('order-search').fill(number);
    await page.getByTestId('order-table').getByText(number).click();
    await drawer.getByTestId('order-number').getByText(number).waitFor();
    await drawer.getByTestId('order-action-packed').click();
    await drawer.locator('.ant-drawer-header [data-status="packed"]').waitFor();
    await drawer.getByTestId('order-action-shipped').click();
    await drawer.locator('.ant-drawer-header [data-status="shipped"]').getByText('已发货').waitFor();
    assert.deepEqual(await product(page, skuA), { onHand: 8, reserved: 0, available: 8 });
    assert.deepEqual(await product(page, skuB), { onHand: 9, reserved: 0, available: 9 });

    await drawer.getByTestId('order-return').click();
    await page.getByTestId('return-qty-1').fill('1');
    await page.getByTestId('return-reason').fill('色号不合适');
    await page.getByTestId('return-refund').check();
    assert.equal(await page.getByTestId('return-refund-amount').inputValue(), '128');
    await screenshot(page, 'orders-return-zh');
    await page.getByTestId('return-save').click();
    await page.getByText('退货已记录').waitFor();
    await drawer.getByTestId('fig-returned').getByText('-¥128.00').waitFor();
    await drawer.getByTestId('fig-net').getByText('¥807.00').waitFor();
    await drawer.getByTestId('fig-refunded').getByText('¥128.00').waitFor();
    await drawer.getByTestId('fig-paid').getByText('¥807.00').waitFor();
    await drawer.getByTestId('fig-balance').getByText('¥0.00').waitFor();
    await cellText(page, `order-line-${skuB}`, 'line-returned', '1');
    await drawer.getByTestId('timeline-payment-refund').getByText(/退款 · ¥128.00/).waitFor();
    await drawer.getByTestId('timeline-return-restock').waitFor();
    assert.deepEqual(await product(page, skuB), { onHand: 10, reserved: 0, available: 10 });
    await screenshot(page, 'orders-detail-returned-zh');

    // ---- English ----
    await closeDrawer(page);
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await page.getByTestId('order-table').getByRole('columnheader', { name: 'Balance due' }).waitFor();
    await screenshot(page, 'orders-all-en');
    await page.getByTestId('order-table').getByText(number).click();
    await drawer.getByText('Balance due', { exact: true }).waitFor();
    await drawer.locator('.ant-drawer-header').getByText('Shipped', { exact: true }).waitFor();
    await drawer.getByTestId('timeline-payment-refund').getByText(/Refund · (CN)?¥128\.00/).waitFor();
    await screenshot(page, 'orders-detail-en');
    await closeDrawer(page);
    await page.getByRole('tab', { name: 'Work queue' }).click();
    await page.getByTestId('queue-table').getByRole('columnheader', { name: 'Balance due' }).waitFor();
    await screenshot(page, 'orders-queue-en');
    await page.getByRole('tab', { name: 'Rules & numbering' }).click();
    await page.getByTestId('rules-add-province').click();
    await page.getByTestId('rules-province-0').fill('上海');
    await page.getByTestId('rules-zone-0').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: earlier.zoneName }).click();
    await page.getByTestId('rules-save').click();
    await page.getByText('Rules saved').waitFor();
    const rules = await page.evaluate(() => /** @type {any} */ (window).go.app.Orders.GetRules());
    assert.equal(Object.keys(rules.provinceZones).includes('上海'), true);
    await screenshot(page, 'orders-rules-en');
    await page.getByTestId('order-new').click();
    await page.getByTestId('quick-order-body').waitFor();
    await page.getByText('Ctrl+Enter saves and confirms').waitFor();
    await screenshot(page, 'orders-quick-en');
    await page.keyboard.press('Escape');

    // Leave the shared data dir in Chinese for the other tests.
    await switchLanguage(page, 'zh-CN');
    await page.getByRole('tab', { name: '规则与编号' }).click();
    await screenshot(page, 'orders-rules-zh');
    await page.getByRole('tab', { name: '全部订单' }).click();
    await page.getByTestId('order-search').fill('');
    await page.getByTestId('order-total').getByText(new RegExp(`^共 ${ordersBefore + 2} 个订单`)).waitFor();
    await screenshot(page, 'orders-all-zh');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
