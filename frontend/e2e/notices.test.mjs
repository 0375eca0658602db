// Scenario: a customer with an e-mail address orders a serum; the order is packed into a parcel
// (SF, a tracking number, freight) that the carrier picked up three days ago. A person sets up
// e-mail sending on the notice templates tab (a tiny SMTP server on this machine stands in for
// the mail provider), edits a template with a placeholder chip and goes back to the default,
// and sees the preview of the chosen parcel read exactly as the backend renders it. In the
// parcel's drawer the shipped notice is suggested: its message names the order and the
// tracking number; "copy for WeChat" puts it on the clipboard and in the notice history; the
// e-mail goes out through the outbox and reads "sent". The order's drawer shows both notices.
// With the mail server gone, the next e-mail waits in the outbox with its error.
// The carrier's tracking file (one arrival, one delivery, one stranger's parcel, the row of the
// label being made) is previewed and imported, which delivers the parcel, and the carrier evaluation then
// rates the service and draws it. Screens are photographed at 1400×860 in Chinese and English.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { openApp, screenshot, switchLanguage } from './app.mjs';

const run = Date.now().toString(36).toUpperCase();
const sku = `NOTE-${run}`;
const product = `神仙水 ${run}`;
const customerName = `王小姐${run}`;
const email = `wang.${run.toLowerCase()}@example.com`;
const tracking = `SF${Date.now()}`;

/** A minimal SMTP server on 127.0.0.1 that accepts every message and keeps it. */
async function fakeSMTP() {
  /** @type {string[]} */
  const mails = [];
  const server = createServer((sock) => {
    sock.setEncoding('utf8');
    let buf = '';
    let inData = false;
    let msg = '';
    sock.write('220 fake ESMTP\r\n');
    sock.on('data', (chunk) => {
      buf += chunk;
      for (let i = buf.indexOf('\r\n'); i >= 0; i = buf.indexOf('\r\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            mails.push(msg);
            msg = '';
            sock.write('250 OK queued\r\n');
          } else msg += `${line}\n`;
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO') sock.write('250-fake\r\n250 8BITMIME\r\n');
        else if (cmd === 'DATA') {
          inData = true;
          sock.write('354 end with .\r\n');
        } else if (cmd === 'QUIT') {
          sock.write('221 bye\r\n');
          sock.end();
        } else sock.write('250 OK\r\n');
      }
    });
    sock.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return { port, mails, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** "2026-03-01 14:30" in China time, as carriers' files write it. */
function cst(ms) {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** @type {Awaited<ReturnType<typeof openApp>>} */
let app;
/** @type {Awaited<ReturnType<typeof fakeSMTP>>} */
let smtp;
/** @type {{ orderId: string, orderNumber: string, parcelId: string, parcelNumber: string }} */
let setup;

before(async () => {
  smtp = await fakeSMTP();
  app = await openApp({ path: '/shipping/parcels' });
  const { page, context } = app;
  await page.setViewportSize({ width: 1400, height: 860 });
  const origin = new URL(page.url()).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });

  // ---- Boring setup through the bound Go methods ----
  setup = await page.evaluate(
    async ({ run, sku, product, customerName, email, tracking, pickedUp }) => {
      const go = /** @type {any} */ (window).go.app;
      const zone = await go.Catalog.SaveZone({ id: '', name: `通知仓 ${run}`, kind: '', note: '' });
      const loc = await go.Catalog.SaveLocation({ id: '', zoneId: zone.id, zoneName: '', name: `N-01-${run}`, kind: 'shelf', note: '' });
      const p = await go.Catalog.CreateProduct({ sku, nameZh: product, nameOrig: 'SK-II', brand: 'SK-II', barcode: '', categoryId: '',
        cost: 60000, costCurrency: 'CNY', price: 120000, priceCurrency: 'CNY', weightG: 400, photo: '', notes: '', shelfLife: false,
        reorderPoint: 0, reorderQty: 0 });
      await go.Stock.Receive({ productId: p.id, locationId: loc.id, qty: 5, batchCode: '', expiry: '', unitCost: 0, costCurrency: '',
        ref: '', note: '', at: '' });
      const c = await go.Customers.CreateCustomer({ name: customerName, wechat: '', xiaohongshu: '', taobao: '', phone: '', email,
        idNumber: '', idPhoto: '', tags: [], notes: '' });
      const o = await go.Orders.CreateOrder({ channel: 'wechat', channelOrderNo: '', customerId: c.id, shipName: customerName,
        shipPhone: '13800000000', shipProvince: '广东省', shipCity: '深圳市', shipDistrict: '南山区', shipStreet: '科技园路1号',
        shipPostcode: '', currency: 'CNY', discount: 0, shippingFee: 0, dueDate: '', priority: '', zoneId: '', note: '', orderedAt: '',
        lines: [{ id: '', productId: p.id, title: '', qty: 1, unitPrice: 120000, preorder: false, locationId: '' }] });
      await go.Orders.Transition({ orderId: o.order.id, to: 'confirmed', note: '', at: '' });
      const draft = await go.Shipping.DraftParcel([o.order.id]);
      const parcel = await go.Shipping.SaveParcel({ ...draft.parcel, trackingNo: tracking, freight: 4500, freightCurrency: 'CNY' });
      await go.Shipping.AddEvent({ parcelId: parcel.id, kind: 'picked_up', at: pickedUp, place: '深圳', note: '' });
      return { orderId: o.order.id, orderNumber: o.order.number, parcelId: parcel.id, parcelNumber: parcel.number };
    },
    { run, sku, product, customerName, email, tracking, pickedUp: new Date(Date.now() - 3 * 86_400_000).toISOString() },
  );
});

after(async () => {
  await app?.close();
  await smtp?.close();
});

/** Opens the parcel's drawer from the parcels tab and scrolls to its notices. */
async function openParcel(page) {
  await page.goto(`${new URL(page.url()).origin}/#/shipping/parcels`);
  await closeDrawers(page);
  await page.getByTestId('parcel-filter-all').click(); // the tab opens on parcels waiting for a label
  await page.getByTestId('parcel-search').fill(tracking);
  await page.getByTestId(`parcel-row-${setup.parcelNumber}`).click();
  const drawer = page.getByTestId('parcel-drawer');
  await drawer.getByTestId('parcel-number').filter({ hasText: setup.parcelNumber }).waitFor();
  const notices = drawer.getByTestId('parcel-notices');
  await notices.scrollIntoViewIfNeeded();
  return { drawer, notices };
}

/** Closes an open drawer (the parcels tab keeps its drawer while the route changes). */
async function closeDrawers(page) {
  for (let i = 0; i < 3 && (await page.locator('.ant-drawer-open').count()) > 0; i++) {
    await page.locator('.ant-drawer-open .ant-drawer-close').last().click();
    await page.waitForTimeout(400);
  }
  try {
    await page.waitForFunction(() => document.querySelectorAll('.ant-drawer-open').length === 0, undefined, { timeout: 5000 });
  } catch (err) {
    await screenshot(page, 'notices-debug-drawers');
    throw err;
  }
}

async function noMessages(page) {
  await page.waitForFunction(() => document.querySelectorAll('.ant-message-notice').length === 0, undefined, { timeout: 10_000 });
}

test('notice templates: SMTP settings, a placeholder chip, back to default, the preview as the backend renders', async () => {
  const { page } = app;
  await page.goto(`${new URL(page.url()).origin}/#/shipping/notices`);
  const editor = page.getByTestId('template-editor');
  await editor.getByTestId('tpl-custom').filter({ hasText: '默认模板' }).waitFor();

  // e-mail sending through the local server
  const form = page.getByTestId('smtp-form');
  await form.getByTestId('smtp-host').fill('127.0.0.1');
  await page.getByTestId('smtp-tls').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '不加密' }).click();
  await form.getByTestId('smtp-port').fill(String(smtp.port));
  await form.getByTestId('smtp-from').fill('bad address');
  await page.getByTestId('smtp-save').click();
  await form.getByText('发件人必须是邮箱地址').waitFor();
  await form.getByTestId('smtp-from').fill('小美代购 <shop@example.com>');
  await page.getByTestId('smtp-save').click();
  await page.getByText('邮件设置已保存').waitFor();

  // a chip goes in where the cursor is; save makes it the team's; reset goes back
  const subject = editor.getByTestId('tpl-subject');
  await subject.click();
  await subject.press('End');
  await subject.pressSequentially(' · ');
  await editor.getByTestId('tpl-ph-tracking').click();
  assert.equal(await subject.inputValue(), '您的订单 {order} 已发货 · {tracking}');
  await editor.getByTestId('tpl-save').click();
  await editor.getByTestId('tpl-custom').filter({ hasText: '已自定义' }).waitFor();
  await editor.getByTestId('tpl-reset').click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '恢复默认' }).click();
  await editor.getByTestId('tpl-custom').filter({ hasText: '默认模板' }).waitFor();
  assert.equal(await subject.inputValue(), '您的订单 {order} 已发货');

  // the preview, filled in the browser, reads as the backend renders the saved template
  const preview = page.getByTestId('tpl-preview');
  await preview.getByTestId('tpl-preview-parcel').click();
  await page.keyboard.type(setup.parcelNumber);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: setup.parcelNumber }).click();
  const rendered = await page.evaluate(
    ({ parcelId }) => /** @type {any} */ (window).go.app.Shipping.RenderNotice(parcelId, '', 'shipped', 'zh-CN'),
    { parcelId: setup.parcelId },
  );
  await preview.getByTestId('tpl-preview-body').filter({ hasText: setup.orderNumber }).waitFor();
  assert.equal(await preview.getByTestId('tpl-preview-body').innerText(), rendered.body);
  assert.equal(await preview.getByTestId('tpl-preview-subject').innerText(), rendered.subject);
  await noMessages(page);
  await screenshot(page, 'notices-templates-zh');
});

test('copy the shipped notice', async () => {
  const { page } = app;
  const { notices } = await openParcel(page);
  // picked up, in transit: the shipped notice is suggested and chosen
  await notices.getByTestId('notice-stage').locator('.ant-segmented-item-selected').getByTestId('notice-stage-shipped').waitFor();
  await notices.getByTestId('notice-stage-shipped').click();
  const body = notices.getByTestId('notice-body');
  await page.waitForFunction(
    ({ order, tracking }) => {
      const v = /** @type {HTMLTextAreaElement | null} */ (document.querySelector('[data-testid="notice-body"]'))?.value ?? '';
      return v.includes(order) && v.includes(tracking);
    },
    { order: setup.orderNumber, tracking },
  );
  const text = await body.inputValue();
  assert.match(text, new RegExp(customerName));
  assert.equal(await notices.getByTestId('notice-recipient').inputValue(), email);

  await notices.getByTestId('notice-copy').click();
  await page.getByText('已复制，去微信粘贴发给客户吧').waitFor();
  const row = notices.getByTestId('notice-row-shipped-copy');
  await row.getByTestId('notice-state-copied').waitFor();
  assert.equal(await notices.getByTestId('notice-row-shipped-copy').count(), 1);
  // the clipboard holds the message (Chromium with the clipboard permissions granted)
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clip, text);
  await noMessages(page);
  await screenshot(page, 'notices-parcel-copied-zh');
});

test('send the shipped notice by e-mail: queued, then sent', async () => {
  const { page } = app;
  const { notices } = await openParcel(page);
  await notices.getByTestId('notice-lang-en').click();
  await page.waitForFunction(
    () => (/** @type {HTMLTextAreaElement | null} */ (document.querySelector('[data-testid="notice-body"]'))?.value ?? '').startsWith('Hi '),
  );
  await notices.getByTestId('notice-send').click();
  await page.getByText(`邮件已放入发件箱，正在发往 ${email}`).waitFor();
  await notices.getByTestId('notice-row-shipped-email').getByTestId('notice-state-sent').waitFor({ timeout: 20_000 });
  assert.equal(smtp.mails.length, 1);
  const mail = smtp.mails[0];
  assert.match(mail, new RegExp(`To: <${email}>`));
  const [, b64] = mail.split('\n\n');
  const decoded = Buffer.from(b64.replace(/\s+/g, ''), 'base64').toString('utf8');
  assert.match(decoded, new RegExp(setup.orderNumber));
  assert.match(decoded, new RegExp(tracking));
  await noMessages(page);
  await screenshot(page, 'notices-parcel-sent-zh');

  // the order's drawer lists both notices
  await page.getByTestId('parcel-order-link').first().click();
  const orderDrawer = page.getByTestId('order-drawer');
  await orderDrawer.getByTestId('order-number').filter({ hasText: setup.orderNumber }).waitFor();
  const history = orderDrawer.getByTestId('order-notice-history');
  await history.scrollIntoViewIfNeeded();
  await history.getByTestId('notice-row-shipped-copy').waitFor();
  await history.getByTestId('notice-row-shipped-email').getByTestId('notice-state-sent').waitFor();
  await screenshot(page, 'notices-order-history-zh');
  await page.keyboard.press('Escape');
});

test('tracking import: preview, then import delivers the parcel', async () => {
  const { page } = app;
  await page.goto(`${new URL(page.url()).origin}/#/shipping/tracking`);
  const now = Date.now();
  const csv = [
    '运单号,时间,物流信息,所在城市',
    `${tracking},${cst(now - 2 * 86_400_000)},快件到达 上海转运中心,上海`,
    `${tracking},${cst(now - 3600_000)},已签收，签收人：本人,上海`,
    `ZZ${run}999,${cst(now - 3600_000)},运输中,北京`,
    `${tracking},${cst(now - 4 * 86_400_000)},已下单，等待揽收,深圳`,
  ].join('\n');
  await page.getByTestId('track-import-dropzone').locator('input[type="file"]')
    .setInputFiles({ name: 'sf-tracking.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const preview = page.getByTestId('track-import-preview');
  await preview.waitFor();
  const count = async (key) => Number((await page.getByTestId(`track-import-${key}`).locator('.ant-statistic-content-value').innerText()).trim());
  assert.equal(await count('rows'), 4);
  assert.equal(await count('events'), 2);
  assert.equal(await count('skipped'), 2);
  assert.equal(await count('problems'), 0);
  await page.getByTestId('track-import-parcels').getByText(setup.parcelNumber).waitFor();
  await page.getByTestId('track-import-orders').getByText(setup.orderNumber).waitFor();
  await page.getByTestId('track-import-skipped').getByText('没有包裹使用这个运单号').waitFor();
  await page.getByTestId('track-import-skipped').getByText('只是下单或打印面单').waitFor();
  await screenshot(page, 'notices-trackimport-preview-zh');
  await page.getByTestId('track-import-commit').click();
  await page.getByTestId('track-import-success').waitFor();
  const parcel = await page.evaluate((id) => /** @type {any} */ (window).go.app.Shipping.GetParcel(id), setup.parcelId);
  assert.equal(parcel.status, 'delivered');
  await noMessages(page);

  // a file with a bad row is refused with its line and column
  await page.getByTestId('track-import-again').click();
  const bad = ['运单号,时间,物流信息', `${tracking},昨天下午,已签收`].join('\n');
  await page.getByTestId('track-import-dropzone').locator('input[type="file"]')
    .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
  const problem = page.getByTestId('track-import-problem');
  await problem.getByText('时间 列：“昨天下午”不是时间').waitFor();
  assert.equal(await page.getByTestId('track-import-commit').isDisabled(), true);
});

test('carrier evaluation rates the service and draws cost against speed', async () => {
  const { page } = app;
  await page.goto(`${new URL(page.url()).origin}/#/shipping/evaluation`);
  const parcel = await page.evaluate((id) => /** @type {any} */ (window).go.app.Shipping.GetParcel(id), setup.parcelId);
  const row = page.getByTestId(`evaluation-row-${parcel.serviceId}`);
  await row.waitFor();
  assert.ok(Number(await row.getByTestId('evaluation-parcels').innerText()) >= 1);
  await page.getByTestId('evaluation-scatter').locator('canvas').waitFor();
  await screenshot(page, 'notices-evaluation-zh');
});

test('an e-mail that cannot go out waits in the outbox with its error', async () => {
  const { page } = app;
  await smtp.close(); // the mail server is gone: connection refused
  const { notices } = await openParcel(page);
  await notices.getByTestId('notice-stage').locator('.ant-segmented-item-selected').getByTestId('notice-stage-delivered').waitFor();
  await page.waitForFunction(
    () => (/** @type {HTMLTextAreaElement | null} */ (document.querySelector('[data-testid="notice-body"]'))?.value ?? '').includes('签收'),
  );
  await notices.getByTestId('notice-send').click();
  await notices.getByTestId('notice-row-delivered-email').getByTestId('notice-state-failed').waitFor({ timeout: 20_000 });
  await noMessages(page);
  await page.goto(`${new URL(page.url()).origin}/#/shipping/notices`);
  const outbox = page.getByTestId('outbox-table');
  await outbox.getByText(email).waitFor();
  await outbox.getByText('refused').waitFor();
  // "send now" tries it at once, whatever its next try: the server is still gone
  await page.getByTestId('outbox-send').click();
  await page.getByText('已发送 0 封，失败 1 封').waitFor();
  await noMessages(page);
  await page.getByTestId('outbox-card').scrollIntoViewIfNeeded();
  await screenshot(page, 'notices-outbox-zh');
});

test('the screens in English', async () => {
  const { page } = app;
  const origin = new URL(page.url()).origin;
  await switchLanguage(page, 'en');
  try {
    await page.goto(`${origin}/#/shipping/notices`);
    await page.getByTestId('template-editor').getByText('Message templates').waitFor();
    await screenshot(page, 'notices-templates-en');
    const { notices } = await openParcel(page);
    await notices.getByText('Notice history').waitFor();
    await notices.getByTestId('notice-stage-delivered').waitFor();
    await screenshot(page, 'notices-parcel-en');
    await page.keyboard.press('Escape');
    await page.goto(`${origin}/#/shipping/tracking`);
    await page.getByText('Click or drop a carrier').waitFor();
    await screenshot(page, 'notices-trackimport-en');
    await page.goto(`${origin}/#/shipping/evaluation`);
    await page.getByTestId('evaluation-scatter').locator('canvas').waitFor();
    await screenshot(page, 'notices-evaluation-en');
  } finally {
    await switchLanguage(page, 'zh-CN');
  }
  assert.deepEqual(app.pageErrors, []);
});
