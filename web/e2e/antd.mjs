// Ant Design's Select, as the end-to-end tests work it: open, type, pick in that select's own list.
import { until } from './expect.mjs';

/** The dropdown of the Select with data-testid `testId` (its input names its list: aria-controls): a list
 * still closing from another select may show the same option and must not take the click. */
async function ownList(page, testId) {
  const list = await page.getByTestId(testId).locator('input[role="combobox"]').first().getAttribute('aria-controls');
  return page.locator(`.ant-select-dropdown:has([id="${list}"])`);
}

/** Picks the option titled `label` and waits until the select shows it. In a tall dialog the click may land
 * while the list is moved to follow the scroll and miss the option (seen in CI: a review's vendor left
 * empty); the option is then clicked again in the list still open. */
export async function choose(page, testId, label) {
  const select = page.getByTestId(testId);
  await select.scrollIntoViewIfNeeded();
  const shown = async () => (await select.locator('.ant-select-selection-item').first().getAttribute('title', { timeout: 500 }).catch(() => null)) === label;
  for (let attempt = 1; ; attempt++) {
    const list = await ownList(page, testId);
    if (!(await list.isVisible())) {
      await select.click();
      await page.keyboard.type(label);
    }
    await list.locator(`.ant-select-item-option[title="${label}"]`).first().click();
    try {
      return await until(shown, `${testId} to show "${label}"`, 2_000);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Picks the first option that matches `text` (Enter on the list's first match). */
export async function chooseFirst(page, testId, text) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await (await ownList(page, testId)).locator('.ant-select-item-option').first().waitFor();
  await page.keyboard.press('Enter');
}
