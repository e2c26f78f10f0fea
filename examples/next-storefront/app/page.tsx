import Link from 'next/link';

export default function HomePage() {
  return (
    <>
      <h1>Welcome</h1>
      <p>
        A storefront signing in with Strapi passwordless login: no password, a one-time code or
        link by email.
      </p>
      <p>
        <Link href="/sign-in">Sign in</Link> or go to <Link href="/account">your account</Link>.
      </p>
    </>
  );
}
