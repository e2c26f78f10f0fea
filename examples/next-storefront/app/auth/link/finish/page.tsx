import { FinishLinkSignIn } from './finish-link-sign-in';

export const metadata = { title: 'Sign in · Storefront' };

export default function FinishLinkPage() {
  return <FinishLinkSignIn />;
}
