import { expect } from 'vitest';

/**
 * Asserts that a list is not empty and that every item satisfies `predicate`, naming the items that do not.
 * (`expect(list.every(p)).toBe(true)` passes on an empty list, so a query that lost its rows looked green.)
 */
export function expectEvery<T>(list: readonly T[], predicate: (item: T) => boolean, message?: string): void {
  expect(list.length, message ?? 'the list to check is empty').toBeGreaterThan(0);
  expect(list.filter((item) => !predicate(item)), message).toEqual([]);
}
