import {
  findTemplateProblems,
  renderTemplate,
  type TemplateValues,
} from '../../packages/strapi-passwordless-login/src/shared/template';

const values: TemplateValues = {
  CODE: '004217',
  URL: 'https://shop.test/l?token=a&b',
  'USER.username': '<b>bob</b>',
  'USER.email': 'bob@shop.test',
  EXPIRES_IN_MINUTES: '10',
  APP_NAME: 'Shop',
};

describe('renderTemplate', () => {
  it('substitutes every placeholder, with or without spaces', () => {
    expect(renderTemplate('<%=CODE%> <%= USER.email %> <%=  EXPIRES_IN_MINUTES  %>', values, { html: false })).toBe(
      '004217 bob@shop.test 10'
    );
  });

  it('escapes values in the HTML part only', () => {
    expect(renderTemplate('<p><%= USER.username %></p>', values, { html: true })).toBe('<p>&lt;b&gt;bob&lt;/b&gt;</p>');
    expect(renderTemplate('<%= USER.username %>', values, { html: false })).toBe('<b>bob</b>');
  });
});

describe('findTemplateProblems', () => {
  it.each([
    ['Code: <%= CODE %>', []],
    ['<%= USER.password %>', ['unknown placeholder "USER.password"']],
    // lodash would run this; we refuse it at boot.
    ['<% process.exit(1) %>', ['only <%= NAME %> placeholders are allowed']],
    ['<%- CODE %>', ['only <%= NAME %> placeholders are allowed']],
    ['<%= constructor.constructor("x")() %>', ['only <%= NAME %> placeholders are allowed']],
  ])('%j → %j', (template, problems) => {
    expect(findTemplateProblems(template)).toEqual(problems);
  });
});
