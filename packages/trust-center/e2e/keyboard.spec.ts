import { expect, test } from '@playwright/test';

test('the first Tab reaches the skip link, which moves focus to the main content', async ({ page }) => {
  await page.goto('/whitepaper/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.getByRole('main')).toBeFocused();
});

test('navigation links are reachable with Tab and show where focus is', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const faq = nav.getByRole('link', { name: 'FAQ' });
  for (let i = 0; i < 10 && !(await faq.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(faq).toBeFocused();
  const outline = await faq.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/faq\/$/);
});

test('a contents link followed with the keyboard lands on its section', async ({ page }) => {
  await page.goto('/whitepaper/');
  const link = page.getByRole('navigation', { name: 'Contents' }).getByRole('link').nth(4);
  const target = (await link.getAttribute('href'))!;
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target)).toBeInViewport();
});
