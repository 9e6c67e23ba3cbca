import type { Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import {
  activeEntity,
  completeApplication,
  expect,
  json,
  publishedCall,
  signInWith,
  test,
} from './support/grants';

/**
 * The NGO portal on a 390 px phone (an iPhone 12–15 in portrait): no page scrolls sideways, wide tables scroll
 * inside their own frame, and every page stays accessible. The application form is the long one: every section is
 * checked, with budget lines, co-funders and sectors filled in.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/**
 * How far the page scrolls sideways (0 when it fits the screen), with the widest elements that stick out (outside
 * any frame that scrolls on its own) so that a failure says what to fix.
 */
async function sidewaysOverflow(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const overflow = root.scrollWidth - root.clientWidth;
    if (overflow <= 0) return '0';
    const scrollsItself = (el: Element | null): boolean => {
      if (el && getComputedStyle(el).position === 'absolute') return false; // escapes unpositioned frames
      for (let e = el?.parentElement; e; e = e.parentElement) {
        const x = getComputedStyle(e).overflowX;
        if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return e !== document.body;
      }
      return false;
    };
    const offenders = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !scrollsItself(el))
      .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
      .slice(0, 6)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().left)}–${Math.round(el.getBoundingClientRect().right)} px)`,
      );
    return `${overflow} px too wide: ${offenders.join(', ')}`;
  });
}

test('the NGO portal fits a 390 px phone: home, calls, a call, the application form and its sections', async ({
  page,
  api,
}) => {
  const officer = await api.as('officer');
  const call = await publishedCall(officer);
  const entity = await activeEntity(api);
  const ngo = await api.signedIn(entity);
  const draft = await json<{ id: string; version: number }>(
    await ngo.post(`/api/v1/calls/${call.id}/applications`, { data: {} }),
    201,
  );
  const content = completeApplication('Aigua per a Ziguinchor al mòbil');
  await json(
    await ngo.patch(`/api/v1/applications/${draft.id}`, { data: { version: draft.version, ...content } }),
  );

  await signInWith(page, entity);
  expect(await sidewaysOverflow(page), 'home').toBe('0');

  await page.goto('/open-calls');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await sidewaysOverflow(page), 'open calls').toBe('0');
  await expectAccessible(page);

  await page.goto(`/open-calls/${call.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await sidewaysOverflow(page), 'one call').toBe('0');

  await page.goto(`/applications/${draft.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const sections = page.locator('section.portal-form-section');
  await expect(sections.first()).toBeVisible();
  for (const section of await sections.all()) {
    await section.scrollIntoViewIfNeeded();
    expect(await sidewaysOverflow(page), `application form at ${await section.getAttribute('id')}`).toBe('0');
  }
  await expectAccessible(page);

  await page.goto('/my-applications');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await sidewaysOverflow(page), 'my applications').toBe('0');
  await expectAccessible(page);
});
