/**
 * What a new user of the package does once Strapi runs, over HTTP only: the first
 * admin ticks the passwordless actions for Public in Users & Permissions (the same
 * requests the admin panel sends), then a user signs in by emailed code.
 */
const crypto = require('node:crypto');

const CODE = /\b(\d{6,10})\b/;

/** `actions`: the users-permissions auth actions the README tells admins to grant Public. */
async function grantPublicActions(url, { actions }) {
  // Shut until an admin opens it (grantPublic defaults to false): the grant below is what opens it.
  await call(url, 'POST', '/api/auth/passwordless', { body: { identifier: 'nobody@example.com' }, expect: [403] });

  // Strapi 4 and 5 both answer the first admin's access token as data.token.
  const admin = await call(url, 'POST', '/admin/register-admin', {
    body: { firstname: 'Proof', lastname: 'Admin', email: 'admin@example.com', password: 'Proof-admin-1' },
    expect: [200, 201],
  });
  const token = admin.data?.token;
  if (!token) throw new Error(`POST /admin/register-admin returned no token: ${JSON.stringify(admin)}`);

  const auth = { Authorization: `Bearer ${token}` };
  const { roles } = await call(url, 'GET', '/users-permissions/roles', { headers: auth });
  const listed = roles.find((candidate) => candidate.type === 'public');
  if (!listed) throw new Error(`no public role in ${JSON.stringify(roles)}`);

  const { role } = await call(url, 'GET', `/users-permissions/roles/${listed.id}`, { headers: auth });
  const authActions = role.permissions?.['plugin::users-permissions']?.controllers?.auth ?? {};
  const missing = actions.filter((action) => !authActions[action]);
  if (missing.length > 0) {
    throw new Error(`Public role lists no users-permissions auth action ${missing.join(', ')} (has: ${Object.keys(authActions)})`);
  }
  for (const action of actions) authActions[action].enabled = true;
  await call(url, 'PUT', `/users-permissions/roles/${listed.id}`, {
    headers: auth,
    body: { name: role.name, description: role.description, type: role.type, permissions: role.permissions },
  });
}

/**
 * A fresh registered user asks for a code, which is read where the SES provider
 * delivered it. Resolves to { email, code }.
 */
async function requestCode(url, ses) {
  // Letters before the hex: an all-digit hex part ("proof-20418837@") would read as the code.
  const email = `proof${crypto.randomBytes(4).toString('hex')}@example.com`;
  await call(url, 'POST', '/api/auth/local/register', {
    body: { username: email, email, password: `Pw-${crypto.randomBytes(9).toString('base64url')}` },
  });

  const asked = await call(url, 'POST', '/api/auth/passwordless', { body: { identifier: email } });
  if (JSON.stringify(asked) !== '{"ok":true}') throw new Error(`POST /api/auth/passwordless answered ${JSON.stringify(asked)}`);

  const message = await delivered(ses, email, 15_000);
  const code = CODE.exec(message.text)?.[1];
  if (!code) throw new Error(`no code in the email: ${message.text}`);
  return { email, code };
}

/** Strapi 4 (one long-lived JWT): sign-in by code, then the token reads /api/users/me. */
async function signInByCode(url, ses) {
  const { email, code } = await requestCode(url, ses);
  const verified = await call(url, 'POST', '/api/auth/passwordless/verify', { body: { identifier: email, code } });
  if (typeof verified.jwt !== 'string' || verified.user?.email !== email) {
    throw new Error(`verify answered ${JSON.stringify(verified)}`);
  }
  const me = await call(url, 'GET', '/api/users/me', { headers: { Authorization: `Bearer ${verified.jwt}` } });
  if (me.email !== email) throw new Error(`/api/users/me answered ${JSON.stringify(me)} for ${email}`);
}

/** The email arrives after the 200 (the controller answers first): poll, bounded. */
async function delivered(ses, email, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [message] = ses.to(email);
    if (message) return message;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no email to ${email} reached the SES endpoint within ${timeoutMs / 1000}s (${ses.messages.length} in all)`);
}

/**
 * One JSON request. With `jar`, the request carries the jar's cookies and the jar
 * takes the response's Set-Cookie lines, as a browser does for the API's origin.
 */
async function call(url, method, path, { body, headers = {}, expect = [200], jar } = {}) {
  const cookie = jar?.header();
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(20_000),
  });
  jar?.take(res.headers.getSetCookie());
  const text = await res.text();
  if (!expect.includes(res.status)) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${method} ${path} answered ${res.status} with no JSON: ${text.slice(0, 200)}`);
  }
}

module.exports = { grantPublicActions, requestCode, signInByCode, call };
