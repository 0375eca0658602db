// Scenario: two products with weights and stock, a customer with an ID number, and two confirmed
// orders to the same recipient in Shanghai (set up through the bound Go methods). On 物流 → 待打包
// the packer ticks the first order, adds the same recipient's other order in one click and packs
// both into one parcel: the pack form lists the goods of both, the carrier options side by side
// with the suggested one chosen; a heavier weight prices them again (the freight follows), another
// option is picked and "采用建议" goes back to the suggestion. Saved, the orders leave the pack
// list and are packed. On 包裹 the parcel waits for its label; printing it writes a PDF (its path
// is shown) and the parcel leaves "待打面单". In the parcel's drawer the packer records picked up →
// in transit → customs → out for delivery → delivered: the parcel is delivered, both orders are
// delivered, and the order's drawer lists the parcel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { openApp, screenshot, switchLanguage } from './app.mjs';

const run = Date.now().toString(36).toUpperCase();
const skuA = `SHP-A-${run}`;
const skuB = `SHP-B-${run}`;
const recipient = `陈静${run}`;
const tracking = `SF${String(Date.now()).slice(-10)}`;

/** Picks the option with this text in the open antd Select dropdown. */
async function pickOption(page, text) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/** The text box of a field: the input itself, or the one inside an antd control. */
function input(scope, testid) {
  return scope.locator(`input[data-testid="${testid}"], [data-testid="${testid}"] input`).first();
}

test('shipping: pack two orders into one parcel, print its label, track it to delivered', async () => {
  const app = await openApp({ path: '/shipping' });
  try {
    const { page } = app;
    await page.setViewportSize({ width: 1400, height: 860 });

    // ---- Setup through the bound Go methods ----
    const setup = await page.evaluate(
      async ({ run, skuA, skuB, recipient }) => {
        const go = /** @type {any} */ (window).go.app;
        const zone = await go.Catalog.SaveZone({ id: '', name: `发货仓 ${run}`, kind: '', note: '' });
        const loc = await go.Catalog.SaveLocation({ id: '', zoneId: zone.id, zoneName: '', name: `S-01-${run}`, kind: 'shelf', note: '' });
        const base = { brand: '', categoryId: '', cost: 0, costCurrency: 'CNY', priceCurrency: 'CNY', photo: '', notes: '',
          shelfLife: false, reorderPoint: 0, reorderQty: 0, barcode: '' };
        const a = await go.Catalog.CreateProduct({ ...base, sku: skuA, nameZh: `雪花秀润燥精华 ${run}`, nameOrig: 'Sulwhasoo', price: 39850, weightG: 300 });
        const b = await go.Catalog.CreateProduct({ ...base, sku: skuB, nameZh: `安耐晒防晒乳 ${run}`, nameOrig: 'ANESSA', price: 12800, weightG: 250 });
        for (const p of [a, b]) {
          await go.Stock.Receive({ productId: p.id, locationId: loc.id, qty: 10, batchCode: '', expiry: '', unitCost: 0, costCurrency: '',
            ref: '', note: '', at: '' });
        }
        const c = await go.Customers.CreateCustomer({ name: `陈静${run}`, wechat: '', xiaohongshu: '', taobao: '', phone: '13912345678',
          email: '', idNumber: '11010519491231002X', idPhoto: '', tags: [], notes: '' });
        const order = async (lines) => {
          const o = await go.Orders.CreateOrder({ channel: 'wechat', channelOrderNo: '', customerId: c.id, shipName: recipient,
            shipPhone: '13912345678', shipProvince: '上海', shipCity: '上海', shipDistrict: '浦东新区', shipStreet: '世纪大道 100 号',
            shipPostcode: '200120', currency: 'CNY', discount: 0, shippingFee: 0, dueDate: '', priority: '', zoneId: '', note: '',
            orderedAt: '', lines: lines.map((l) => ({ id: '', title: '', preorder: false, locationId: '', ...l })) });
          await go.Orders.Transition({ orderId: o.order.id, to: 'confirmed', note: '', at: '' });
          return { id: o.order.id, number: o.order.number };
        };
        const o1 = await order([{ productId: a.id, qty: 1, unitPrice: 39850 }]);
        const o2 = await order([{ productId: b.id, qty: 2, unitPrice: 12800 }]);
        return { o1, o2 };
      },
      { run, skuA, skuB, recipient },
    );
    const { o1, o2 } = setup;
    const orderStatus = (id) =>
      page.evaluate(async (id) => (await /** @type {any} */ (window).go.app.Orders.GetOrder(id)).order.status, id);

    // ---- The order's drawer offers to pack it, in the same pack form ----
    await page.evaluate(() => {
      window.location.hash = '#/orders';
    });
    await page.getByText('全部订单', { exact: true }).click();
    await page.getByTestId('order-search').fill(o1.number);
    await page.getByTestId('order-table').getByTestId(`order-row-${o1.number}`).click();
    const od1 = page.getByTestId('order-drawer');
    await od1.getByTestId('order-number').getByText(o1.number).waitFor();
    await od1.getByTestId('order-pack').getByText('打包（1 件）').waitFor();
    await od1.getByTestId('order-pack').click();
    const packOne = page.getByTestId('pack-drawer');
    await packOne.getByText(`打包 ${o1.number}`).waitFor();
    await packOne.getByTestId(`pack-line-${skuA}`).waitFor();
    await packOne.locator('.ant-drawer-close').click();
    await packOne.waitFor({ state: 'hidden' });
    await od1.locator('.ant-drawer-close').click();
    await od1.waitFor({ state: 'hidden' });
    await page.evaluate(() => {
      window.location.hash = '#/shipping/pack';
    });

    // ---- The carriers with their services and rate tables, and the rules (for a look) ----
    await page.getByTestId('shipping-tab-carriers').click();
    await page.getByTestId('carrier-row-顺丰速运').waitFor();
    await page.getByTestId('service-row-顺丰特惠').waitFor();
    await screenshot(page, 'shipping-carriers-zh');
    await page.getByTestId('service-row-顺丰特惠').getByTestId('service-edit').click();
    await page.getByTestId('service-drawer').getByTestId('rate-row-0').waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'shipping-service-zh');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await page.getByTestId('service-drawer').waitFor({ state: 'hidden' });
    await page.getByTestId('shipping-tab-rules').click();
    await page.getByTestId('rules-form').waitFor();
    await screenshot(page, 'shipping-rules-zh');
    await page.getByTestId('shipping-tab-pack').click();

    // ---- To pack: the first order, then the same recipient's other one ----
    await page.getByTestId('topack-table').waitFor();
    const row1 = page.getByTestId(`topack-row-${o1.number}`);
    const row2 = page.getByTestId(`topack-row-${o2.number}`);
    await row1.getByTestId('topack-left').getByText('1', { exact: true }).waitFor();
    await row2.getByTestId('topack-left').getByText('2', { exact: true }).waitFor();
    await row1.getByText(o1.number).click();
    await page.getByTestId('topack-same-recipient').click();
    await page.getByTestId('topack-pack').getByText('打包（2 单）').waitFor();
    await screenshot(page, 'shipping-topack-zh');
    await page.getByTestId('topack-pack').click();

    // ---- The pack form: both orders' goods, the options side by side, the suggestion chosen ----
    const drawer = page.getByTestId('pack-drawer');
    const form = drawer.getByTestId('pack-form');
    await form.waitFor();
    await drawer.getByText(`打包 ${o1.number}、${o2.number}`).waitFor();
    await form.getByTestId(`pack-line-${skuA}`).waitFor();
    await form.getByTestId(`pack-line-${skuB}`).waitFor();
    assert.equal(await input(form, 'pack-weight').inputValue(), '800', 'the goods weigh 300 g + 2 × 250 g');
    assert.equal(await input(form, 'pack-ship-name').inputValue(), recipient);
    assert.equal(await input(form, 'pack-id-number').inputValue(), '11010519491231002X');
    const options = form.getByTestId('pack-options');
    const suggested = options.locator('tr[data-suggested="true"]');
    await suggested.waitFor();
    assert.ok((await options.locator('tr[data-testid^="option-"]').count()) >= 2, 'several options side by side');
    assert.equal(await suggested.locator('.ant-radio-wrapper-checked').count(), 1, 'the suggestion is chosen');
    await form.getByTestId('pack-suggestion-followed').waitFor();
    const fee800 = await suggested.getByTestId('option-fee').innerText();
    const freight800 = await input(form, 'pack-freight').inputValue();
    assert.ok(Number(freight800) > 0, `freight filled in from the suggestion: ${freight800}`);

    // a heavier box is priced again; the freight follows the suggestion's new price
    await input(form, 'pack-weight').fill('2600');
    await input(form, 'pack-length').fill('30');
    await input(form, 'pack-width').fill('20');
    await input(form, 'pack-height').fill('15');
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="pack-options"] tr[data-suggested="true"] [data-testid="option-fee"]')?.textContent !== before,
      fee800,
    );
    await page.waitForFunction(
      (before) => {
        const el = document.querySelector('input[data-testid="pack-freight"], [data-testid="pack-freight"] input');
        return !!el && /** @type {HTMLInputElement} */ (el).value !== before;
      },
      freight800,
    );

    // pick another service, then go back to the suggestion
    const other = options.locator('tr[data-testid^="option-"]:not([data-suggested])').first();
    await other.click();
    await form.getByTestId('pack-accept').waitFor();
    assert.equal(await suggested.locator('.ant-radio-wrapper-checked').count(), 0);
    await screenshot(page, 'shipping-pack-other-zh');
    await form.getByTestId('pack-accept').click();
    await form.getByTestId('pack-suggestion-followed').waitFor();
    assert.equal(await suggested.locator('.ant-radio-wrapper-checked').count(), 1, 'the suggestion is chosen again');
    const chosenService = (await suggested.getAttribute('data-testid')).replace('option-', '');
    await input(form, 'pack-tracking').fill(tracking);
    await screenshot(page, 'shipping-pack-zh');

    // the backend's check lands on the field it names, and nothing is saved
    await input(form, 'pack-id-number').fill('110105194912310023');
    await page.getByTestId('pack-save').click();
    await form.getByText('身份证号校验位不对，请检查是否输错').waitFor();
    await row1.waitFor(); // still to pack
    await input(form, 'pack-id-number').fill('11010519491231002X');
    await page.getByTestId('pack-save').click();
    await page.locator('.ant-message').getByText(/已打包：PCL-/).waitFor();
    await drawer.waitFor({ state: 'hidden' });
    await row1.waitFor({ state: 'detached' });
    await row2.waitFor({ state: 'detached' });
    assert.equal(await orderStatus(o1.id), 'packed');
    assert.equal(await orderStatus(o2.id), 'packed');

    const parcel = await page.evaluate(async (orderId) => {
      const go = /** @type {any} */ (window).go.app;
      const [row] = await go.Shipping.Parcels({ status: '', search: '', orderId, ids: [], limit: 0 });
      return go.Shipping.GetParcel(row.id);
    }, o1.id);
    assert.equal(parcel.serviceId, chosenService, 'saved with the suggested service');
    assert.deepEqual(parcel.orders.map((o) => o.number).sort(), [o1.number, o2.number].sort());
    assert.deepEqual([parcel.weightG, parcel.lengthMM, parcel.widthMM, parcel.heightMM], [2600, 300, 200, 150]);
    assert.equal(parcel.trackingNo, tracking);

    // ---- Parcels: waiting for its label; print it ----
    await page.getByTestId('shipping-tab-parcels').click();
    const prow = page.getByTestId(`parcel-row-${parcel.number}`);
    await prow.waitFor();
    await prow.getByTestId('parcel-status').getByText('已打包').waitFor();
    await prow.getByTestId('parcel-tracking').getByText(tracking).waitFor();
    await prow.locator('.ant-checkbox-input').check();
    await page.getByTestId('print-label-size').click();
    await pickOption(page, '76 × 130 mm');
    await page.getByTestId('print-labels').getByText('打印面单（1）').waitFor();
    await page.getByTestId('print-labels').click();
    const done = page.getByTestId('print-done');
    await done.waitFor({ timeout: 30_000 });
    const path = (await done.getByTestId('print-path').innerText()).trim();
    assert.match(path, /labels-.*\.pdf$/);
    assert.ok(existsSync(path), `the label PDF was written: ${path}`);
    await prow.waitFor({ state: 'detached' }); // no longer waiting for its label
    await screenshot(page, 'shipping-printed-zh');
    await done.getByTestId('print-open').click(); // opening again is harmless (DAIGOU_NO_OPEN)

    await page.getByTestId('parcel-filter-all').click();
    await prow.waitFor();

    // ---- The parcel: record its journey ----
    await prow.getByText(parcel.number).click();
    const pd = page.getByTestId('parcel-drawer');
    await pd.getByTestId('parcel-number').getByText(parcel.number).waitFor();
    await pd.getByTestId('parcel-seq').getByText('第 1/1 件').waitFor();
    assert.notEqual((await pd.getByTestId('parcel-labelled').innerText()).trim(), '—', 'the label print is recorded');
    await pd.getByTestId('parcel-no-events').waitFor();
    await page.waitForTimeout(400); // the opening animation, for a clean screenshot
    await screenshot(page, 'shipping-parcel-zh');
    await pd.getByTestId('parcel-unpack').waitFor(); // unpacking is possible until it ships
    const steps = [
      ['picked_up', '已揽收', '东京'],
      ['in_transit', '运输中', ''],
      ['customs', '清关', '上海浦东国际机场海关'],
      ['out_for_delivery', '派送中', '上海浦东新区'],
      ['delivered', '已签收', ''],
    ];
    for (const [kind, label, place] of steps) {
      const ef = pd.getByTestId('event-form');
      await ef.getByTestId('event-kind').getByText(label, { exact: true }).waitFor(); // the next step is offered
      if (place) await ef.getByTestId('event-place').fill(place);
      await ef.getByTestId('event-add').click();
      await pd.getByTestId('parcel-timeline').getByTestId(`event-${kind}`).waitFor();
      if (kind === 'picked_up') {
        await pd.getByTestId('parcel-unpack').waitFor({ state: 'detached' }); // shipped: no unpacking
        await screenshot(page, 'shipping-parcel-shipped-zh');
      }
    }
    await pd.locator('.ant-drawer-title [data-testid="parcel-status"][data-status="delivered"]').waitFor();
    assert.notEqual((await pd.getByTestId('parcel-delivered-at').innerText()).trim(), '—');
    for (const o of [o1, o2]) {
      await pd.getByTestId(`parcel-order-${o.number}`).locator('[data-testid="order-status"][data-status="delivered"]').waitFor();
    }
    assert.equal(await orderStatus(o1.id), 'delivered');
    assert.equal(await orderStatus(o2.id), 'delivered');
    await pd.getByTestId('parcel-timeline').getByText('上海浦东国际机场海关').waitFor();
    await screenshot(page, 'shipping-parcel-delivered-zh');

    // ---- The order's drawer lists the parcel ----
    await pd.getByTestId(`parcel-order-${o1.number}`).getByTestId('parcel-order-link').click();
    const od = page.getByTestId('order-drawer');
    await od.getByTestId('order-number').getByText(o1.number).waitFor();
    await od.locator('.ant-drawer-title [data-testid="order-status"][data-status="delivered"]').waitFor();
    const op = od.getByTestId(`order-parcel-${parcel.number}`);
    await op.locator('[data-testid="parcel-status"][data-status="delivered"]').waitFor();
    await op.getByText(tracking).waitFor();
    assert.equal(await od.getByTestId('order-pack').count(), 0, 'nothing left to pack');
    await screenshot(page, 'shipping-order-zh');

    // ---- The parcels and the parcel in English, for a look ----
    await page.keyboard.press('Escape');
    await od.waitFor({ state: 'hidden' });
    await switchLanguage(page, 'en');
    await page.evaluate(() => {
      window.location.hash = '#/shipping/parcels';
    });
    await page.getByTestId('parcel-filter-all').click();
    await prow.getByText('Delivered', { exact: true }).waitFor();
    await screenshot(page, 'shipping-parcels-en');
    await prow.getByText(parcel.number).click();
    await pd.getByTestId('parcel-number').getByText(parcel.number).waitFor();
    await pd.getByTestId('parcel-timeline').getByText('Out for delivery').waitFor();
    await screenshot(page, 'shipping-parcel-en');
    await page.keyboard.press('Escape');
    await pd.waitFor({ state: 'hidden' });
    await switchLanguage(page, 'zh-CN');

    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
