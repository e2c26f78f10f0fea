/**
 * A local HTTP endpoint that speaks Amazon SES's query API (`Action=SendEmail`), so the
 * project's real @strapi/provider-email-amazon-ses delivers to it as it would to AWS.
 * The JavaScript twin of tests/helpers/ses-server.ts (this script runs without a
 * TypeScript build), reduced to the accepting mode.
 */
const http = require('node:http');

const SES_XMLNS = 'http://ses.amazonaws.com/doc/2010-12-01/';

/** Resolves to { url, messages, to(address), close() }. */
async function startSesEndpoint({ accessKey }) {
  const messages = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const params = new URLSearchParams(body);
      const auth = String(req.headers.authorization ?? '');
      // The provider signs with SigV4; an unsigned request did not come through the provider.
      if (!auth.startsWith('AWS4-HMAC-SHA256') || !auth.includes(`Credential=${accessKey}/`)) {
        return reply(res, 403, errorXml('SignatureDoesNotMatch', 'missing or foreign signature'));
      }
      if (params.get('Action') !== 'SendEmail') return reply(res, 400, errorXml('InvalidAction', 'SendEmail only'));
      messages.push({
        to: members(params, 'Destination.ToAddresses'),
        from: params.get('Source') ?? '',
        subject: params.get('Message.Subject.Data') ?? '',
        text: params.get('Message.Body.Text.Data') ?? '',
      });
      const id = `msg-${messages.length}`;
      return reply(
        res,
        200,
        `<SendEmailResponse xmlns="${SES_XMLNS}"><SendEmailResult><MessageId>${id}</MessageId></SendEmailResult>` +
          `<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></SendEmailResponse>`
      );
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    messages,
    to: (address) => messages.filter((message) => message.to.includes(address)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function members(params, prefix) {
  const values = [];
  for (let i = 1; params.has(`${prefix}.member.${i}`); i += 1) values.push(params.get(`${prefix}.member.${i}`));
  return values;
}

function reply(res, status, xml) {
  res.writeHead(status, { 'Content-Type': 'text/xml' });
  res.end(xml);
}

function errorXml(code, message) {
  return `<ErrorResponse xmlns="${SES_XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>x</RequestId></ErrorResponse>`;
}

module.exports = { startSesEndpoint };
