/** Pure helpers for the access lists: what an entry may look like, and how it is normalised. */
import type { AccessListsBody } from '../../shared/admin-api';
import { ACCESS_ENTRY } from '../../shared/access-entry';

export type ListName = keyof AccessListsBody;
export const LIST_NAMES: ListName[] = ['allow', 'deny'];

/** Addresses compare case-insensitively, so they are stored lower-case. */
export function normaliseEntry(value: string): string {
  return value.trim().toLowerCase();
}

export function isAccessEntry(value: string): boolean {
  // The server's own pattern: refuse early only what it refuses.
  return ACCESS_ENTRY.test(value);
}

export function withEntry(lists: AccessListsBody, list: ListName, entry: string): AccessListsBody {
  return { ...lists, [list]: [...lists[list], entry] };
}

export function withoutEntry(lists: AccessListsBody, list: ListName, entry: string): AccessListsBody {
  return { ...lists, [list]: lists[list].filter((existing) => existing !== entry) };
}
