// Scenario: a person creates a customer in the drawer (a mistyped resident ID number is caught
// as they type, then corrected), tags them, adds a shipping address (it becomes the default),
// finds the customer again by phone number typed with spaces, and opens their page: lifetime
// figures, address, and the (still empty) order list — in Chinese and English, with no
// untranslated key on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, screenshot, switchLanguage } from './app.mjs';

const run = Date.now().toString(36).toUpperCase();
const name = `王小美 ${run}`;
const digits = String(Date.now()).slice(-8);
const phone = `139${digits}`;
const typedPhone = `139 ${digits.slice(0, 4)} ${digits.slice(4)}`;
const validID = '11010519491231002X';
const mistypedID = '110105194912310021';

/** Lets drawers, modals and toasts finish their animations before a screenshot. */
const settle = (page) => page.waitForTimeout(600);

/** Fails when an i18n key (customers.fields.name, customer.phone.format …) is shown as text. */
async function assertTranslated(page) {
  const text = await page.locator('body').innerText();
  const raw = text.match(/\bcustomers?\.[a-zA-Z]+(\.[a-zA-Z]+)*\b/g);
  assert.equal(raw, null, `untranslated keys on screen: ${raw}`);
}

test('customer with ID number and address, found by phone', async () => {
  const app = await openApp({ path: '/customers' });
  try {
    const { page } = app;
    await page.getByTestId('customers-page').waitFor();

    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-form-name').fill(name);
    await page.getByTestId('customer-form-phone').fill(typedPhone);
    await page.getByTestId('customer-form-wechat').fill(`mei_${run}`.toLowerCase());
    await page.getByTestId('customer-form-idNumber').fill(mistypedID);
    await page.getByText('身份证号校验位不对，请检查是否输错').waitFor();
    await page.getByTestId('customer-form-idNumber').fill(validID.toLowerCase());
    await page.getByText('校验通过 · 出生日期 1949-12-31').waitFor();
    await page.getByTestId('customer-form-tags').click();
    await page.keyboard.type('VIP');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape'); // closes the tag dropdown, not the drawer
    await page.getByTestId('customer-save').click();
    await page.getByText('客户已创建').waitFor();
    // the drawer stays open on the new customer, with its figures and an empty address list
    await page.getByText(`客户：${name}`).waitFor();
    await page.getByTestId('customer-lifetime').getByText('订单数').waitFor();
    assert.equal(await page.getByTestId('customer-form-phone').inputValue(), phone, 'the phone is stored normalized');
    assert.equal(await page.getByTestId('customer-form-idNumber').inputValue(), validID);

    // an address; the first one is the default
    await page.getByTestId('address-add').click();
    await page.getByTestId('address-form-recipient').fill('王小美');
    await page.getByTestId('address-form-phone').fill(phone);
    await page.getByTestId('address-form-province').fill('上海市');
    await page.getByTestId('address-form-city').fill('上海市');
    await page.getByTestId('address-form-district').fill('浦东新区');
    await page.getByTestId('address-form-street').fill('世纪大道100号 环球金融中心58楼');
    await page.getByTestId('address-form-postcode').fill('200120');
    await page.getByTestId('address-save').click();
    await page.getByText('地址已保存').waitFor();
    const addresses = page.getByTestId('customer-addresses');
    await addresses.getByText('上海市 浦东新区 世纪大道100号 环球金融中心58楼 200120').waitFor();
    await addresses.getByText('默认', { exact: true }).waitFor();
    await page.getByTestId('address-form').waitFor({ state: 'hidden' });
    await settle(page);
    await screenshot(page, 'customer-drawer-new');
    await assertTranslated(page);
    await page.getByTestId('customer-drawer').locator('.ant-drawer-close').click();
    await page.getByTestId('customer-drawer').waitFor({ state: 'hidden' });

    // find them by phone, typed with spaces
    await page.getByTestId('customer-search').fill(typedPhone);
    await page.getByTestId('customer-total').getByText('共 1 位客户').waitFor();
    const row = page.getByTestId('customer-table').locator('.ant-table-row', { hasText: name });
    await row.waitFor();
    await row.getByText('已录入').waitFor(); // ID number on file, not shown in the list
    await settle(page);
    await screenshot(page, 'customer-list-search');
    await row.click();
    await page.getByText(`客户：${name}`).waitFor();
    await page.getByTestId('customer-orders').getByText('暂无订单').waitFor();
    await page.getByTestId('customer-addresses').getByText('默认', { exact: true }).waitFor();
    await settle(page);
    await screenshot(page, 'customer-drawer');
    await assertTranslated(page);

    // English
    await page.getByTestId('customer-drawer').locator('.ant-drawer-close').click();
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await page.getByTestId('customer-total').getByText('1 customers (1 loaded)').waitFor();
    await row.click();
    await page.getByText(`Customer: ${name}`).waitFor();
    await page.getByTestId('customer-lifetime').getByText('Total paid').waitFor();
    await settle(page);
    await screenshot(page, 'customer-drawer-en');
    await assertTranslated(page);
    await page.getByTestId('customer-drawer').locator('.ant-drawer-close').click();
    await switchLanguage(page, 'zh-CN');

    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
