/**
 * A local HTTP endpoint that speaks Amazon SES's query API (`Action=SendEmail`), so the
 * real @strapi/provider-email-amazon-ses (node-ses) delivers to it as it would to AWS.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentEmail {
  to: string[];
  from: string;
  replyTo: string[];
  subject: string;
  text: string;
  html: string;
  /** Date.now() when the endpoint accepted it. */
  receivedAt: number;
}

/** ok: 200 with a MessageId; fail: a 500 SES error; hang: never answers. */
export type SesMode = 'ok' | 'fail' | 'hang';

export interface SesServer {
  url: string;
  messages: SentEmail[];
  mode: SesMode;
  /** Requests that reached the endpoint, delivered or not. */
  attempts: number;
  to(address: string): SentEmail[];
  close(): Promise<void>;
}

const SES_XMLNS = 'http://ses.amazonaws.com/doc/2010-12-01/';

function members(params: URLSearchParams, prefix: string): string[] {
  const values: string[] = [];
  for (let i = 1; params.has(`${prefix}.member.${i}`); i += 1) values.push(params.get(`${prefix}.member.${i}`)!);
  return values;
}

export async function startSesServer({ accessKey }: { accessKey: string }): Promise<SesServer> {
  const hanging = new Set<http.ServerResponse>();
  const state = { messages: [] as SentEmail[], mode: 'ok' as SesMode, attempts: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      state.attempts += 1;
      const params = new URLSearchParams(body);
      const auth = String(req.headers.authorization ?? '');
      // The provider signs with SigV4; an unsigned request means it was not the real provider path.
      if (!auth.startsWith('AWS4-HMAC-SHA256') || !auth.includes(`Credential=${accessKey}/`)) {
        return reply(res, 403, errorXml('SignatureDoesNotMatch', 'missing or foreign signature'));
      }
      if (params.get('Action') !== 'SendEmail') return reply(res, 400, errorXml('InvalidAction', 'SendEmail only'));
      if (state.mode === 'hang') return void hanging.add(res);
      if (state.mode === 'fail') return reply(res, 500, errorXml('InternalFailure', 'SES is down'));
      state.messages.push({
        to: members(params, 'Destination.ToAddresses'),
        from: params.get('Source') ?? '',
        replyTo: members(params, 'ReplyToAddresses'),
        subject: params.get('Message.Subject.Data') ?? '',
        text: params.get('Message.Body.Text.Data') ?? '',
        html: params.get('Message.Body.Html.Data') ?? '',
        receivedAt: Date.now(),
      });
      const id = `msg-${state.messages.length}`;
      return reply(
        res,
        200,
        `<SendEmailResponse xmlns="${SES_XMLNS}"><SendEmailResult><MessageId>${id}</MessageId></SendEmailResult>` +
          `<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></SendEmailResponse>`
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get messages() {
      return state.messages;
    },
    get mode() {
      return state.mode;
    },
    set mode(mode: SesMode) {
      state.mode = mode;
    },
    get attempts() {
      return state.attempts;
    },
    to: (address) => state.messages.filter((message) => message.to.includes(address)),
    close: () =>
      new Promise<void>((resolve) => {
        hanging.forEach((res) => res.destroy());
        server.close(() => resolve());
      }),
  };
}

function reply(res: http.ServerResponse, status: number, xml: string): void {
  res.writeHead(status, { 'Content-Type': 'text/xml' });
  res.end(xml);
}

function errorXml(code: string, message: string): string {
  return `<ErrorResponse xmlns="${SES_XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>x</RequestId></ErrorResponse>`;
}
