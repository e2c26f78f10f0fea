/** Pure helpers for the access lists: what an entry may look like, and how it is normalised. */
import type { AccessListsBody } from '../../shared/admin-api';

export type ListName = keyof AccessListsBody;
export const LIST_NAMES: ListName[] = ['allow', 'deny'];

// The server's own pattern (server/utils/access.ts): refuse early only what it refuses.
const ENTRY = /^(@[^@\s]+|[^@\s]+@[^@\s]+)$/;

/** Addresses compare case-insensitively, so they are stored lower-case. */
export function normaliseEntry(value: string): string {
  return value.trim().toLowerCase();
}

export function isAccessEntry(value: string): boolean {
  return ENTRY.test(value);
}

export function withEntry(lists: AccessListsBody, list: ListName, entry: string): AccessListsBody {
  return { ...lists, [list]: [...lists[list], entry] };
}

export function withoutEntry(lists: AccessListsBody, list: ListName, entry: string): AccessListsBody {
  return { ...lists, [list]: lists[list].filter((existing) => existing !== entry) };
}
