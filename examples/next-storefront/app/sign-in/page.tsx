import { SignInForm } from './sign-in-form';

export const metadata = { title: 'Sign in · Storefront' };

/** Only local paths: a callbackUrl pointing elsewhere would make this an open redirect. */
function localPath(value: string | string[] | undefined): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/account';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl } = await searchParams;
  return <SignInForm callbackUrl={localPath(callbackUrl)} />;
}
