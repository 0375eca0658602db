// Scenario: two laptops of one team and a shared folder. A second laptop (the command line on
// its own data folder) imports a product and syncs into the folder. On this laptop the sync
// screen first explains what the folder is for; the person enters the folder's path, presses
// Sync now, and sees the other laptop listed; the product is on the products screen without a
// reload, and a product the other laptop syncs while the screen is open appears by itself. A
// product made here reaches the other laptop (its `stock` lists it) after Sync now here and a
// pass there. A damaged file dropped into the other laptop's log folder is listed as a problem
// file. In English too. Then joining a folder the team encrypted: without the passphrase the
// screen says what to do, with it the folder is joined, and the passphrase is changed; finally
// syncing is stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, runCLI, screenshot, switchLanguage } from './app.mjs';

const run = Date.now().toString(36).toUpperCase();
const fromLaptop = { sku: `SYNC-${run}-L2`, name: `雪花秀 润燥精华 ${run}` };
const liveFromLaptop = { sku: `SYNC-${run}-LIVE`, name: `兰芝 睡眠面膜 ${run}` };
const fromApp = { sku: `SYNC-${run}-APP`, name: `资生堂 防晒乳 ${run}` };
const passphrase = `团队口令 ${run}`;
const deviceName = `东京店的笔记本 ${run}`;

/** Lets toasts go and tables settle before a screenshot. */
async function settle(page) {
  await page.waitForFunction(() => document.querySelectorAll('.ant-message-notice').length === 0, undefined, { timeout: 10_000 });
  await page.waitForTimeout(300);
}

/** Fails when an i18n key of the sync screen is shown as text. */
async function assertTranslated(page) {
  const text = await page.locator('body').innerText();
  const raw = text.match(/\bsync\.(empty|folder|device|devices|state|problems|passphrase|error|flags|clocks)\.[a-zA-Z]+\b/g);
  assert.equal(raw, null, `untranslated keys on screen: ${raw}`);
}

async function productsFile(dir, name, p) {
  const file = join(dir, name);
  await writeFile(file, `sku,name_zh,price,price_currency\n${p.sku},${p.name},580,CNY\n`);
  return file;
}

test('two laptops sync through a shared folder', async () => {
  const work = await mkdtemp(join(tmpdir(), 'daigoudesk-sync-e2e-'));
  const folder = join(work, 'Dropbox', '代购团队');
  const laptop = join(work, 'laptop2');
  await mkdir(folder, { recursive: true });
  const app = await openApp({ path: '/sync' });
  try {
    const { page } = app;

    // The other laptop: a product, then one pass into the folder.
    await runCLI(laptop, ['import', 'products', await productsFile(work, 'p1.csv', fromLaptop)]);
    await runCLI(laptop, ['sync', '--folder', folder, '--once']);
    const other = (await runCLI(laptop, ['sync', 'status'])).match(/^device\t(\S+)$/m)?.[1];
    assert.ok(other, 'the other laptop has a device id');

    // No folder yet: the screen says what the folder is for and where it may live.
    const empty = page.getByTestId('sync-empty');
    await empty.getByText('还没有选择同步文件夹').waitFor();
    await empty.getByText(/Dropbox、OneDrive、iCloud 云盘、Syncthing/).waitFor();
    await empty.getByText(/不要把本机的数据文件夹（.+）放进共享文件夹/).waitFor();
    await assertTranslated(page);
    await screenshot(page, 'sync-empty-zh');

    // Choose the folder, then Sync now.
    await page.getByTestId('sync-folder-path').fill(folder);
    await page.getByTestId('sync-folder-save').click();
    await page.getByText(`已开始同步：${folder}`).waitFor();
    assert.equal(await page.getByTestId('sync-folder-current').innerText(), folder);
    const self = await page.getByTestId('sync-device-id').innerText();

    // This laptop's name is edited in Settings, one click away.
    await page.getByTestId('sync-status').getByRole('link', { name: '在设置中修改' }).click();
    await page.getByLabel('设备名称').fill(deviceName);
    await page.getByTestId('settings-form').getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('设置已保存').waitFor();
    await page.getByTestId('main-nav').getByText('同步', { exact: true }).click();
    await page.getByTestId('sync-device-name').getByText(deviceName).waitFor();

    await page.getByTestId('sync-now').click();
    await page.getByText(/同步完成：发出 \d+ 条改动/).waitFor();

    // Both laptops are listed; this one is marked.
    await page.getByTestId(`sync-device-${other}`).waitFor();
    await page.getByTestId(`sync-device-${self}`).getByText('这台电脑').waitFor();
    await page.getByTestId(`sync-device-${self}`).getByText(deviceName).waitFor();
    assert.equal(await page.getByTestId(`sync-device-${other}`).getByText('这台电脑').count(), 0);

    // The other laptop's product is here, no reload.
    await page.getByTestId('main-nav').getByText('商品', { exact: true }).click();
    await page.getByTestId(`product-row-${fromLaptop.sku}`).getByText(fromLaptop.name).waitFor();

    // A product the other laptop syncs while this screen is open shows up by itself.
    await runCLI(laptop, ['import', 'products', await productsFile(work, 'p2.csv', liveFromLaptop)]);
    await runCLI(laptop, ['sync', '--once']);
    await page.getByTestId(`product-row-${liveFromLaptop.sku}`).waitFor({ timeout: 75_000 });

    // A product made here reaches the other laptop.
    await page.getByTestId('product-new').click();
    await page.getByTestId('product-form-sku').fill(fromApp.sku);
    await page.getByTestId('product-form-nameZh').fill(fromApp.name);
    await page.getByTestId('product-form-price').fill('199');
    await page.getByTestId('product-save').click();
    await page.getByText('商品已创建').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('main-nav').getByText('同步', { exact: true }).click();
    await page.getByTestId('sync-now').click();
    await page.getByText(/同步完成：发出 \d+ 条改动/).first().waitFor();
    await page.getByTestId('sync-unexported').getByText('0', { exact: true }).waitFor();
    await runCLI(laptop, ['sync', '--once']);
    const stock = await runCLI(laptop, ['stock']);
    assert.match(stock, new RegExp(`^${fromApp.sku}\\s+${fromApp.name}\\s`, 'm'), stock);

    // A damaged file in the other laptop's log folder is a problem file, kept and retried.
    const damaged = '0000000999-00000000deadbeef.seg';
    await writeFile(join(folder, 'DaigouDesk', 'log', other, damaged), 'half a file');
    await page.getByTestId('sync-now').click();
    const problems = page.getByTestId('sync-problems');
    await problems.getByText(`${other}/${damaged}`).waitFor();
    await page.getByText(/从不删除它们/).waitFor();
    await assertTranslated(page);
    await settle(page);
    console.log(`screenshot: ${await screenshot(page, 'sync-zh')}`);

    // English.
    await switchLanguage(page, 'en');
    await page.getByTestId('sync-now').getByText('Sync now').waitFor();
    await page.getByText('Laptops in the folder').waitFor();
    await page.getByTestId(`sync-device-${self}`).getByText('This laptop').waitFor();
    await page.getByText('Problem files').waitFor();
    await page.getByText(/never deletes them/).waitFor();
    await page.getByText('Changes waiting to be sent').waitFor();
    await assertTranslated(page);
    await settle(page);
    console.log(`screenshot: ${await screenshot(page, 'sync-en')}`);
    await switchLanguage(page, 'zh-CN');

    // Joining a folder the team encrypted: first without the passphrase.
    const encrypted = join(work, 'OneDrive', '加密团队');
    await mkdir(encrypted, { recursive: true });
    await runCLI(join(work, 'laptop3'), ['sync', '--folder', encrypted, '--once'], { DAIGOU_SYNC_PASSPHRASE: passphrase });
    await page.getByTestId('sync-folder-change').click();
    await page.getByTestId('sync-folder-path').fill(encrypted);
    await page.getByTestId('sync-folder-save').click();
    await page.getByTestId('sync-need-passphrase').getByText('这个文件夹已加密').waitFor();
    await page.getByTestId('sync-need-passphrase').getByText(/请向设置它的同事要团队口令/).waitFor();
    await assertTranslated(page);
    await settle(page);
    await screenshot(page, 'sync-need-passphrase-zh');
    await page.getByTestId('sync-passphrase').fill('not it');
    await page.getByTestId('sync-folder-save').click();
    await page.getByText('团队口令不对，请检查大小写和空格').waitFor();
    await page.getByTestId('sync-passphrase').fill(passphrase);
    await page.getByTestId('sync-folder-save').click();
    await page.getByText(`已开始同步：${encrypted}`).waitFor();
    await page.getByTestId('sync-status').getByText('已加密').waitFor();

    // Changing the team passphrase.
    await page.getByTestId('sync-passphrase-change').click();
    await page.getByTestId('sync-passphrase-new').fill(`${passphrase} 新`);
    await page.getByTestId('sync-passphrase-repeat').fill(`${passphrase} 新`);
    await page.locator('.ant-modal:visible').getByRole('button', { name: '更换口令' }).click();
    await page.getByText('口令已更换，请把新口令告诉团队').waitFor();
    await settle(page);
    await screenshot(page, 'sync-encrypted-zh');

    // Stop syncing: the screen goes back to its explanation.
    await page.getByTestId('sync-stop').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('sync-empty').waitFor();

    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
    await rm(work, { recursive: true, force: true });
  }
});

// Scenario: the last unit of a product is sold on two laptops while they are apart (here: an
// order confirmed in the app, and a paid Taobao order imported on the other laptop). After
// both sync, the sync screen lists the oversold sale with the product and the location; the
// person chooses "backorder" and the conflict is gone.
test('the last unit sold on two laptops is a conflict to resolve', async () => {
  const work = await mkdtemp(join(tmpdir(), 'daigoudesk-sync-conflict-'));
  const folder = join(work, 'OneDrive', '代购');
  const laptop = join(work, 'laptop3');
  await mkdir(folder, { recursive: true });
  const sku = `LAST-${run}`;
  const app = await openApp({ path: '/sync' });
  try {
    const { page } = app;
    const product = await page.evaluate(async ({ sku, folder }) => {
      const go = /** @type {any} */ (window).go.app;
      const zone = await go.Catalog.SaveZone({ name: `化妆品区 ${sku}`, kind: 'cosmetics' });
      const loc = await go.Catalog.SaveLocation({ zoneId: zone.id, name: `货架 ${sku}`, kind: 'shelf' });
      const p = await go.Catalog.CreateProduct({ sku, nameZh: `最后一瓶精华 ${sku}`, price: 59900, priceCurrency: 'CNY', costCurrency: 'JPY' });
      await go.Stock.Receive({ productId: p.id, locationId: loc.id, qty: 1 });
      await go.Sync.SetFolder(folder, '');
      await go.Sync.SyncNow();
      return p;
    }, { sku, folder });

    // The other laptop takes the folder's data, then imports a paid Taobao order for the unit.
    await runCLI(laptop, ['sync', '--folder', folder, '--once', '--name', '上海仓的电脑']);
    const taobao = join(work, 'taobao.csv');
    await writeFile(taobao, '订单编号,买家会员名,收货人姓名,收货地址,联系手机,宝贝标题,宝贝总数量,买家实际支付金额,订单状态,订单创建时间,商家编码\n' +
      `="8862${run.length}0001",tb_buyer,李四,广东省 深圳市 南山区 科技园1号,="13800138000",最后一瓶精华,1,599.00,买家已付款,2026-03-02 10:00:00,${sku}\n`);
    await runCLI(laptop, ['import', 'orders', taobao, '--channel', 'taobao']);

    // Meanwhile this laptop sells the same unit on WeChat.
    await page.evaluate(async (productId) => {
      const go = /** @type {any} */ (window).go.app;
      const c = await go.Customers.CreateCustomer({ name: '王小美', phone: '13912345678' });
      const o = await go.Orders.CreateOrder({ channel: 'wechat', customerId: c.id, currency: 'CNY', lines: [{ productId, qty: 1, unitPrice: 59900 }] });
      await go.Orders.Transition({ orderId: o.order.id, to: 'confirmed' });
    }, product.id);

    await runCLI(laptop, ['sync', '--once']);
    await page.getByTestId('sync-now').click();
    const flags = page.getByTestId('sync-flags');
    await flags.getByText(new RegExp(`超卖：${sku} 最后一瓶精华 ${sku} 在 货架 ${sku} 少 1 件`)).waitFor();
    await settle(page);
    await screenshot(page, 'sync-conflict-zh');
    // the header says so on every screen
    await page.getByTestId('sync-indicator').getByText(/已同步/).waitFor();
    assert.equal(await page.locator('.ant-badge').filter({ has: page.getByTestId('sync-indicator') }).locator('.ant-scroll-number').first().innerText(), '1');
    await runCLI(laptop, ['sync', '--once']); // takes this laptop's order, just sent
    assert.match(await runCLI(laptop, ['sync', 'status']), /^flag\toversold\t/m, 'the other laptop flags the same sale');

    await flags.getByTestId('sync-flag-choice').click();
    await page.locator('.ant-select-dropdown').getByText('改为预订，等下一批').click();
    await flags.getByTestId('sync-flag-resolve').click();
    await page.getByTestId('sync-flags-none').waitFor();
    // the other laptop sees the decision: nothing left to resolve there either
    await page.getByTestId('sync-now').click();
    await runCLI(laptop, ['sync', '--once']);
    assert.doesNotMatch(await runCLI(laptop, ['sync', 'status']), /^flag\t/m);
    await assertTranslated(page);
    assert.deepEqual(app.pageErrors, []);
    await page.evaluate(() => /** @type {any} */ (window).go.app.Sync.StopSyncing());
  } finally {
    await app.close();
    await rm(work, { recursive: true, force: true });
  }
});
