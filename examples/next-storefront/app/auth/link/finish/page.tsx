import { FinishLinkSignIn } from './finish-link-sign-in';

export const metadata = { title: 'Sign in · Storefront', referrer: 'no-referrer' as const };

export default function FinishLinkPage() {
  return <FinishLinkSignIn />;
}
