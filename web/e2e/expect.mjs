// What the end-to-end tests assert and wait with.
export function expect(condition, message) {
  if (!condition) throw new Error(`expected: ${message}`);
}

/** Waits until `check()` answers true; otherwise fails after `timeout` ms, showing what it last answered. */
export async function until(check, what, timeout = 15_000) {
  const started = Date.now();
  let last;
  while (Date.now() - started < timeout) {
    last = await check();
    if (last === true) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}
