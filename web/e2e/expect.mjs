// The one assertion the end-to-end tests need.
export function expect(condition, message) {
  if (!condition) throw new Error(`expected: ${message}`);
}
