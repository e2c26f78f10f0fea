import { normalizeIdentifier } from './identifier';
import { ACCESS_ENTRY } from '../../shared/access-entry';

export interface AccessLists {
  /** Exact addresses and `@domain` entries; empty means everyone. */
  allow: string[];
  /** Exact addresses and `@domain` entries; always wins over allow. */
  deny: string[];
}

/** Entries that are neither `name@domain` nor `@domain`, for boot-time validation. */
export function invalidAccessEntries(entries: string[]): string[] {
  return entries.filter((entry) => !ACCESS_ENTRY.test(normalizeIdentifier(entry).email));
}

/**
 * Who may receive a code: compared on the normalised stored address. A domain entry
 * matches that exact domain, not its subdomains (`@example.com` does not admit
 * `a@evil.example.com`).
 */
export function createAccessPolicy({ allow, deny }: AccessLists): (email: string) => boolean {
  const normalize = (entry: string) => normalizeIdentifier(entry).email;
  const allowed = new Set(allow.map(normalize));
  const denied = new Set(deny.map(normalize));
  const listed = (set: Set<string>, email: string) => set.has(email) || set.has(email.slice(email.lastIndexOf('@')));
  return (rawEmail) => {
    const email = normalize(rawEmail);
    if (listed(denied, email)) return false;
    return allowed.size === 0 || listed(allowed, email);
  };
}
