import { expect, keepScreenshot, openApp, test } from './fixtures';
import { CounterPageModel } from './pages/counter-page';
import { setUpInstallation, setUpWithAdmin, TEST_PASSWORD } from '../support/setup';

const LIULIN = '371525103';

test('sign-in is keyboard-first, a wrong password says only that, sign-out is one click', async ({ page, app }) => {
  await setUpInstallation(app.core, { role: 'station', townshipCode: LIULIN, name: '王站长' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await keepScreenshot(page, 'accounts-sign-in');
  // login name, Enter, password, Enter
  await page.keyboard.type('zhanzhang');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Wrong-pass-1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sign-in-error')).toHaveText('用户名或密码不正确');
  await page.locator('#sign-in-password').fill(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await new CounterPageModel(page).expectShown();
  await expect(page.getByTestId('signed-in-user')).toHaveText(/王站长（站长）/);
  // the browser holds only an HttpOnly cookie: page scripts cannot read the session
  expect(await page.evaluate(() => document.cookie)).toBe('');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
});

test('the recovery link on the sign-in screen opens the recovery form (loaded on demand) and signs the administrator in', async ({
  page,
  app,
}) => {
  const { recoveryCode } = await setUpWithAdmin(app.core, { role: 'station', townshipCode: LIULIN, name: '王站长' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await page.getByRole('button', { name: '用恢复码重设密码' }).click();
  await expect(page.getByRole('heading', { name: '用恢复码重设密码' })).toBeVisible();
  await expect(page.locator('#recover-login')).toBeFocused();
  await page.getByRole('button', { name: '返回登录' }).click();
  await expect(page.locator('#sign-in-login')).toBeFocused();
  await page.getByRole('button', { name: '用恢复码重设密码' }).click();
  await page.locator('#recover-login').fill('zhanzhang');
  await page.locator('#recover-code').fill(recoveryCode);
  await page.locator('#field-password').fill('Huifu-mima-77');
  await page.locator('#field-confirm').fill('Huifu-mima-77');
  await keepScreenshot(page, 'accounts-recover');
  await page.getByRole('button', { name: '重设密码并登录' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText(/王站长（站长）/);
});

test('the screen locks itself when idle and unlocks to the same half-filled form', async ({ page, app }) => {
  await setUpInstallation(app.core, { role: 'station', townshipCode: LIULIN, name: '王站长' });
  await page.clock.install();
  await openApp(page, app, '#/counter');
  const counter = new CounterPageModel(page);
  await counter.expectShown();
  await counter.openRegistration();
  await counter.field('姓名').fill('张半填');
  await counter.field('手机号').fill('13812345678');
  // ten minutes without a key press or a mouse move
  await page.mouse.move(5, 5);
  await page.clock.fastForward('10:10');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.clock.resume();
  await expect(page.getByText('张半填')).toHaveCount(0);
  await keepScreenshot(page, 'accounts-locked');
  // while locked, the API refuses this browser too
  const locked = await page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="agri-token"]')?.content ?? '';
    const r = await fetch('/rpc/farmers.search', {
      method: 'POST',
      headers: { 'X-Agri-Token': token, 'Content-Type': 'application/json' },
      body: '{}',
    });
    return (await r.json()) as { ok: boolean; error?: { details?: { auth?: string } } };
  });
  expect(locked).toMatchObject({ ok: false, error: { details: { auth: 'locked' } } });
  await page.locator('#unlock-password').fill(TEST_PASSWORD);
  const unlocked = page.waitForResponse((r) => r.url().endsWith('/rpc/auth.signIn'));
  await page
    .getByTestId('lock-screen')
    .getByRole('button', { name: /解\s*锁/ })
    .click();
  const answer = (await (await unlocked).json()) as { ok: boolean; data?: { locked: boolean } };
  expect(answer).toMatchObject({ ok: true, data: { locked: false } });
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await expect(counter.field('姓名')).toHaveValue('张半填');
  await expect(counter.field('手机号')).toHaveValue('13812345678');
});

test('the 站长 adds a technician, who must change the password and cannot 核验 or manage users', async ({ page, app }) => {
  await setUpInstallation(app.core, { role: 'station', townshipCode: LIULIN, name: '王站长', solo: false });
  await openApp(page, app, '#/settings?tab=accounts');
  await page.getByRole('button', { name: '新增用户' }).click();
  await page.locator('#user-name').fill('李技术员');
  await page.locator('#user-login').fill('lijs');
  await page.locator('#user-password').fill('Chushi-2025');
  await page.locator('#user-confirm').fill('Chushi-2025');
  await page.getByRole('button', { name: '确认新增' }).click();
  const panel = page.getByTestId('users-panel');
  await expect(panel.locator('tr', { hasText: 'lijs' })).toContainText('待改密码');
  await expect(panel.locator('tr', { hasText: 'lijs' })).toContainText('技术员');
  await keepScreenshot(page, 'accounts-users');

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.locator('#sign-in-login').fill('lijs');
  await page.locator('#sign-in-password').fill('Chushi-2025');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '请设置新密码' })).toBeVisible();
  await page.locator('#field-current-password').fill('Chushi-2025');
  await page.locator('#field-password').fill('lijs');
  await page.locator('#field-confirm').fill('lijs');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('密码至少8位')).toBeVisible();
  await page.locator('#field-password').fill('Ziji-mima-88');
  await page.locator('#field-confirm').fill('Ziji-mima-88');
  await page.getByRole('button', { name: '修改密码' }).click();
  // back on the page the 站长 left (设置), now as the technician
  await expect(page.getByTestId('signed-in-user')).toHaveText(/李技术员（技术员）/);
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  await expect(page.getByTestId('users-panel')).toHaveCount(0);
  await expect(page.getByTestId('access-log')).toHaveCount(0);
  const audit = await app.core.call('audit.list', { entity: 'user', pageSize: 50 });
  expect(audit.ok && audit.data.items.map((a) => [a.method, a.operator])).toEqual(
    expect.arrayContaining([
      ['users.create', '王站长'],
      ['auth.changePassword', '李技术员'],
    ]),
  );
});
