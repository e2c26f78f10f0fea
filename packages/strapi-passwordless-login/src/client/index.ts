/**
 * `strapi-passwordless-login/client`: the storefront's side of the passwordless routes.
 * No dependencies, no Node built-ins; nothing from the server but the error-code type.
 */
export { createPasswordlessClient } from './client';
export { PasswordlessError } from './errors';
export type { PasswordlessErrorCode, ClientErrorCode } from './errors';
export type {
  PasswordlessClient,
  PasswordlessClientOptions,
  PasswordlessUser,
  SignInResult,
  RefreshResult,
  RefreshOptions,
  RequestCodeOptions,
  VerifyOptions,
  LogoutOptions,
  FetchFunction,
  FetchInit,
  FetchResponse,
  Credentials,
} from './types';
