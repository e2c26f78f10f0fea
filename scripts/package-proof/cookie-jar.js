/**
 * The cookies one browser holds for the Strapi origin, enough to replay what the server
 * set: a Set-Cookie line's first `name=value` pair (RFC 6265 5.2) and its attribute
 * names. Nothing here decides anything about security: the proof runs on one plain-http
 * origin, where Domain, Path and Secure would not change what a browser sends back. The
 * lines themselves come split by fetch's getSetCookie(), not by hand.
 */
class CookieJar {
  constructor(cookies = new Map()) {
    this.cookies = cookies;
  }

  /** Stores each cookie set; an empty value is the server clearing it (logout does). */
  take(setCookieLines) {
    for (const line of setCookieLines) {
      const [pair, ...attributes] = line.split(';');
      const equals = pair.indexOf('=');
      if (equals < 0) continue;
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      if (value === '') {
        this.cookies.delete(name);
        continue;
      }
      const flags = attributes.map((attribute) => attribute.split('=')[0].trim().toLowerCase());
      this.cookies.set(name, { value, flags });
    }
  }

  /** The Cookie request header, or undefined with no cookie. */
  header() {
    const pairs = [...this.cookies].map(([name, { value }]) => `${name}=${value}`);
    return pairs.length > 0 ? pairs.join('; ') : undefined;
  }

  get(name) {
    return this.cookies.get(name);
  }

  /** A jar holding the cookies as they are now, to replay them after the original moved on. */
  snapshot() {
    return new CookieJar(new Map(this.cookies));
  }
}

module.exports = { CookieJar };
