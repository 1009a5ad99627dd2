import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {AuthError} from '../../client/errors.js';
import {MemoryAdapter, type MemoryAdapterOptions} from '../../client/adapters/memory.js';
import type {ListOptions, Membership, OrganizationInput} from '../../client/types.js';
import {slugify} from '../../client/slug.js';
import {deepActiveElement} from '../../internal/focus.js';
import {ADA, clientFor, errorText, html, input, mount, nextEvent, settle, title, type, waitUntil} from '../../../test/helpers.js';
import '../../define/auth-create-org.js';
import type {AuthCreateOrg} from './create-org.js';
import {parseEmails, rolesOfferedBy} from './invite-step.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const BOB = {name: 'Bob Babbage', email: 'bob@example.com', password: 'difference2'};

/** The memory adapter, with the create and slug calls counted and failing on demand. */
class TestAdapter extends MemoryAdapter {
  creates: OrganizationInput[] = [];
  checks: Array<{slug: string; signal?: AbortSignal}> = [];
  failCreate: AuthError | null = null;
  failCheck: AuthError | null = null;

  override async createOrganization(input: OrganizationInput): Promise<Membership> {
    this.creates.push(input);
    if (this.failCreate) {
      await this.delay();
      throw this.failCreate;
    }
    return super.createOrganization(input);
  }

  override async isSlugAvailable(slug: string, options?: ListOptions): Promise<boolean> {
    this.checks.push({slug, signal: options?.signal});
    if (this.failCheck) throw this.failCheck;
    return super.isSlugAvailable(slug, options);
  }
}

function adapterFor(options: MemoryAdapterOptions = {}): TestAdapter {
  return new TestAdapter({
    users: [ADA, BOB],
    organizations: [{name: 'Babbage Engines', slug: 'engines', members: [{email: ADA.email, role: 'owner'}]}],
    ...options,
  });
}

async function createOrg(adapter = adapterFor(), template = html`<auth-create-org></auth-create-org>`): Promise<AuthCreateOrg> {
  await adapter.signInWithPassword({email: ADA.email, password: ADA.password});
  const el = await mount<AuthCreateOrg>(clientFor(adapter), template, 'auth-create-org');
  await waitUntil(() => el.shadowRoot!.querySelector('h1') && el.querySelector('input[name="name"]'), 'no form');
  return el;
}

const slugStatus = (el: Element) => el.querySelector('[id$="slug-status"]')!.textContent!.trim();
const button = (el: Element, label: string) =>
  [...el.querySelectorAll<HTMLButtonElement>('form button')].find((each) => each.textContent!.trim() === label)!;

async function toInviteStep(el: AuthCreateOrg, name = 'Analytical Society'): Promise<void> {
  type(input(el, 'name'), name);
  await submit(el);
  await waitUntil(() => title(el) === 'Invite members', 'not on the invite step');
}

async function submit(el: AuthCreateOrg): Promise<void> {
  el.querySelector('form')!.requestSubmit();
  await settle(el);
}

describe('slugify', () => {
  it('makes lower-case ASCII with single hyphens, no diacritics, at most 48 characters', () => {
    expect(slugify('Émile & Zoë’s  Café')).to.equal('emile-zoe-s-cafe');
    expect(slugify('  --Babbage Engines--  ')).to.equal('babbage-engines');
    expect(slugify(HOSTILE)).to.equal('img-src-x-onerror-alert-1');
    expect(slugify('日本')).to.equal('');
    const long = slugify('a'.repeat(47) + ' bcd');
    expect(long).to.equal('a'.repeat(47));
    expect(slugify('x'.repeat(60))).to.have.length(48);
  });
});

describe('parseEmails and rolesOfferedBy', () => {
  it('splits at commas, semicolons, spaces and new lines, each address once, naming the ones that are none', () => {
    expect(parseEmails(' a@example.com,b@example.com;\n\tA@example.com  nope, c@example.org\n')).to.deep.equal({
      valid: ['a@example.com', 'b@example.com', 'c@example.org'],
      invalid: ['nope'],
    });
    expect(parseEmails(' ,\n ')).to.deep.equal({valid: [], invalid: []});
  });

  it('offers owner only to owners', () => {
    expect(rolesOfferedBy('owner')).to.deep.equal(['owner', 'admin', 'member']);
    expect(rolesOfferedBy('admin')).to.deep.equal(['admin', 'member']);
  });
});

describe('<auth-create-org>', () => {
  it('renders nothing while signed out, and the busy indicator while the session loads', async () => {
    const adapter = adapterFor();
    const client = clientFor(adapter);
    const el = await mount<AuthCreateOrg>(client, html`<auth-create-org></auth-create-org>`, 'auth-create-org');
    expect(el.shadowRoot!.querySelector('h1')).to.equal(null);
    expect(el.querySelector('input')).to.equal(null);
    await expect(el).to.be.accessible();

    const slow = adapterFor({latency: 10_000});
    const loading = await (async () => {
      const {fixture} = await import('@open-wc/testing');
      const provider = await fixture(html`<auth-provider .client=${clientFor(slow)}><auth-create-org></auth-create-org></auth-provider>`);
      const shown = provider.querySelector<AuthCreateOrg>('auth-create-org')!;
      await shown.updateComplete;
      return shown;
    })();
    expect(loading.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Loading');
    await expect(loading).to.be.accessible();
  });

  it('derives the slug from the name as it is typed, until the slug is edited by hand', async () => {
    const el = await createOrg();
    expect(title(el)).to.equal('Create organization');
    type(input(el, 'name'), 'Analytical Société');
    await el.updateComplete;
    expect(input(el, 'slug').value).to.equal('analytical-societe');
    type(input(el, 'slug'), 'my-own');
    await el.updateComplete;
    type(input(el, 'name'), 'Analytical Société Royale');
    await el.updateComplete;
    expect(input(el, 'slug').value).to.equal('my-own');
    // Emptied, it follows the name again.
    type(input(el, 'slug'), '');
    type(input(el, 'name'), 'Royal Society');
    await el.updateComplete;
    expect(input(el, 'slug').value).to.equal('royal-society');
    // The rule is shown and the slug input is described by it and by the availability.
    const described = input(el, 'slug').getAttribute('aria-describedby')!.split(' ');
    expect(document.getElementById(described[0])!.textContent).to.contain('Lower-case letters, digits and single hyphens');
    expect(document.getElementById(described[1])!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
  });

  it('says whether the slug is available or taken as it is typed, asking once typing pauses and dropping older questions', async () => {
    const adapter = adapterFor();
    const el = await createOrg(adapter);
    type(input(el, 'slug'), 'eng');
    type(input(el, 'slug'), 'engines');
    await waitUntil(() => slugStatus(el).includes('taken'), 'not said taken');
    expect(slugStatus(el)).to.equal('“engines” is already taken.');
    expect(adapter.checks.map((check) => check.slug)).to.deep.equal(['engines']);
    await expect(el).to.be.accessible();
    type(input(el, 'slug'), 'engines-two');
    await waitUntil(() => slugStatus(el).includes('available'), 'not said available');
    expect(slugStatus(el)).to.equal('“engines-two” is available.');
    await expect(el).to.be.accessible();
  });

  it('aborts the check under way when the slug changes', async () => {
    const adapter = adapterFor({latency: 400});
    const el = await createOrg(adapter);
    type(input(el, 'slug'), 'first-try');
    await waitUntil(() => adapter.checks.length === 1, 'no check');
    type(input(el, 'slug'), 'second-try');
    expect(adapter.checks[0].signal!.aborted).to.equal(true);
    await waitUntil(() => slugStatus(el).includes('available'), 'not said available', {timeout: 4000});
    expect(slugStatus(el)).to.contain('second-try');
  });

  it('a failing check says so and blocks nothing: the API checks on submit, slug_taken shows at the slug', async () => {
    const adapter = adapterFor();
    adapter.failCheck = new AuthError('network');
    const el = await createOrg(adapter);
    type(input(el, 'name'), 'Engines');
    await waitUntil(() => slugStatus(el).includes("couldn't check"), 'no failed check');
    await expect(el).to.be.accessible();
    await submit(el);
    expect(adapter.creates).to.have.length(1);
    const slug = input(el, 'slug');
    expect(slug.getAttribute('aria-invalid')).to.equal('true');
    expect(errorText(el)).to.contain('This URL is taken');
    expect(input(el, 'name').value).to.equal('Engines');
    await waitUntil(() => deepActiveElement() === slug, 'the slug is not focused');
    await expect(el).to.be.accessible();
    // Changing the slug clears its error; the next submit creates it.
    type(slug, 'engines-2');
    await el.updateComplete;
    expect(errorText(el)).to.equal('');
    await submit(el);
    await waitUntil(() => title(el) === 'Invite members', 'not created');
  });

  it('checks the fields locally: a name is required, and a slug in the wrong format is named — after a blur of a changed field or a submit', async () => {
    const adapter = adapterFor();
    const el = await createOrg(adapter);
    const slug = input(el, 'slug');
    type(slug, 'Not Valid');
    await el.updateComplete;
    expect(errorText(el)).to.equal('');
    slug.blur();
    await el.updateComplete;
    expect(errorText(el)).to.contain('Use lower-case letters, digits and hyphens.');
    await submit(el);
    expect(errorText(el)).to.contain('Enter a name for the organization.');
    expect(adapter.creates).to.have.length(0);
    expect(deepActiveElement()).to.equal(input(el, 'name'));
    await expect(el).to.be.accessible();
  });

  it('creates the organization by keyboard alone, fires auth-org-created and goes on to the invite step', async () => {
    const adapter = adapterFor();
    const el = await createOrg(adapter);
    el.focusFirstField();
    expect(deepActiveElement()).to.equal(input(el, 'name'));
    await sendKeys({type: 'Difference Engine'});
    await sendKeys({press: 'Tab'});
    expect(deepActiveElement()).to.equal(input(el, 'slug'));
    expect(input(el, 'slug').value).to.equal('difference-engine');
    const created = nextEvent(el, 'auth-org-created');
    await sendKeys({press: 'Enter'});
    const {membership} = await created;
    expect(membership.organization).to.include({name: 'Difference Engine', slug: 'difference-engine'});
    expect(membership.role).to.equal('owner');
    await waitUntil(() => title(el) === 'Invite members', 'not on the invite step');
    // Focus went on to the new step's first field.
    await waitUntil(() => deepActiveElement() === el.querySelector('textarea[name="emails"]'), 'focus did not follow');
    expect((await adapter.listOrganizations()).map((org) => org.slug)).to.include('difference-engine');
    await expect(el).to.be.accessible();
  });

  it('keeps what was typed when the network is down, and shows why as an alert', async () => {
    for (const [error, text] of [
      [new AuthError('network'), "We can't reach the server"],
      [new AuthError('server', 'boom', {status: 500}), 'Something went wrong on our side'],
      [new AuthError('rate_limited', 'slow down', {status: 429, retryAfter: 30}), 'Try again in 30 seconds'],
      [new AuthError('malformed_response'), "couldn't read"],
    ] as const) {
      const adapter = adapterFor();
      adapter.failCreate = error;
      const el = await createOrg(adapter);
      type(input(el, 'name'), 'Analytical Society');
      type(input(el, 'slug'), 'analytical');
      await submit(el);
      expect(el.querySelector('.ae-alert[role="alert"]')!.textContent).to.contain(text);
      expect(input(el, 'name').value).to.equal('Analytical Society');
      expect(input(el, 'slug').value).to.equal('analytical');
      expect(title(el)).to.equal('Create organization');
      await expect(el).to.be.accessible();
    }
  });

  it('sends one request for a double submit, and shows it is busy meanwhile', async () => {
    const adapter = adapterFor({latency: 200});
    const el = await createOrg(adapter);
    type(input(el, 'name'), 'Analytical Society');
    el.querySelector('form')!.requestSubmit();
    el.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    const submitButton = el.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(submitButton.getAttribute('aria-disabled')).to.equal('true');
    expect(submitButton.textContent).to.contain('Creating');
    submitButton.click();
    await settle(el);
    expect(adapter.creates).to.have.length(1);
  });

  it('shows a hostile name as text', async () => {
    const el = await createOrg();
    await toInviteStep(el, HOSTILE);
    expect(el.shadowRoot!.querySelector('.subtitle')!.textContent).to.contain(HOSTILE);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('invites several addresses at once: invalid ones are named first, then the refused one is listed with why and the invited one confirmed', async () => {
    const adapter = adapterFor();
    const el = await createOrg(adapter);
    await toInviteStep(el);
    const emails = el.querySelector<HTMLTextAreaElement>('textarea[name="emails"]')!;
    const roles = [...el.querySelectorAll<HTMLOptionElement>('select[name="role"] option')].map((option) => option.textContent!.trim());
    expect(roles).to.deep.equal(['Owner', 'Admin', 'Member']);
    type(emails as unknown as HTMLInputElement, 'bob@example.com, not-an-email');
    await submit(el);
    expect(errorText(el)).to.contain('Check these addresses: not-an-email');
    expect(adapter.latestInvitationUrl(BOB.email)).to.equal(null);
    await expect(el).to.be.accessible();

    type(emails as unknown as HTMLInputElement, `bob@example.com\n${ADA.email}`);
    await submit(el);
    expect(adapter.latestInvitationUrl(BOB.email)).to.be.a('string');
    expect(el.querySelector('[role="status"].ae-notice')!.textContent).to.contain('Invited: bob@example.com');
    expect(el.querySelector('.ae-invite-failed')!.textContent).to.contain(ADA.email).and.contain('This person is already a member.');
    expect(emails.value).to.equal(ADA.email);
    expect(title(el)).to.equal('Invite members');
    await expect(el).to.be.accessible();

    const complete = nextEvent(el, 'auth-org-setup-complete');
    button(el, 'Continue').click();
    expect((await complete).invited.map((each) => each.email)).to.deep.equal([BOB.email]);
    await el.updateComplete;
    expect(title(el)).to.equal('Organization created');
    await expect(el).to.be.accessible();
  });

  it('a refused invite call shows its error and keeps the addresses', async () => {
    const adapter = adapterFor();
    const el = await createOrg(adapter);
    await toInviteStep(el);
    adapter.inviteMembers = () => Promise.reject(new AuthError('network'));
    const emails = el.querySelector<HTMLTextAreaElement>('textarea[name="emails"]')!;
    type(emails as unknown as HTMLInputElement, BOB.email);
    await submit(el);
    expect(errorText(el)).to.contain("We can't reach the server");
    expect(emails.value).to.equal(BOB.email);
    await expect(el).to.be.accessible();
  });

  it('Skip ends the invite step: the done state', async () => {
    const el = await createOrg();
    await toInviteStep(el);
    button(el, 'Skip for now').click();
    await el.updateComplete;
    expect(title(el)).to.equal('Organization created');
    expect(el.shadowRoot!.querySelector('.subtitle')!.textContent).to.equal('Analytical Society is ready.');
    expect(el.querySelector('input, textarea')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('skip-invitation-screen goes from creation straight to done', async () => {
    const el = await createOrg(adapterFor(), html`<auth-create-org skip-invitation-screen></auth-create-org>`);
    type(input(el, 'name'), 'Analytical Society');
    await submit(el);
    await waitUntil(() => title(el) === 'Organization created', 'not done');
  });

  it('follows after-create-org-url with :slug and :id filled in, URL-encoded', async () => {
    const el = await createOrg(adapterFor(), html`<auth-create-org after-create-org-url="#orgs/:slug/:id" skip-invitation-screen></auth-create-org>`);
    const created = nextEvent(el, 'auth-org-created');
    type(input(el, 'name'), 'Analytical Society');
    await submit(el);
    const {membership} = await created;
    await waitUntil(() => location.hash.startsWith('#orgs/'), 'did not navigate');
    expect(location.hash).to.equal(`#orgs/analytical-society/${encodeURIComponent(membership.organization.id)}`);
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('refuses an off-site after-create-org-url and shows the done state instead', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const el = await createOrg(adapterFor(), html`<auth-create-org after-create-org-url="https://evil.example/:slug"></auth-create-org>`);
      await toInviteStep(el);
      button(el, 'Skip for now').click();
      await el.updateComplete;
      expect(title(el)).to.equal('Organization created');
      expect(warnings.join()).to.contain('refused redirect');
    } finally {
      console.warn = warn;
    }
  });

  it('sends the logo picked as a square data URL', async () => {
    const adapter = adapterFor();
    const el = await createOrg(adapter);
    const canvas = new OffscreenCanvas(600, 300);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#7c3aed';
    context.fillRect(0, 0, 600, 300);
    const file = new File([await canvas.convertToBlob({type: 'image/png'})], 'logo.png', {type: 'image/png'});
    const picker = el.querySelector<HTMLInputElement>('input[type="file"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(file);
    picker.files = transfer.files;
    picker.dispatchEvent(new Event('change', {bubbles: true}));
    await waitUntil(() => el.querySelector('[part~="organization-logo-preview"] img'), 'no preview');
    type(input(el, 'name'), 'Analytical Society');
    await submit(el);
    const logo = adapter.creates[0].logoUrl!;
    expect(logo).to.match(/^data:image\/(png|webp);base64,/);
    const image = await createImageBitmap(await (await fetch(logo)).blob());
    expect([image.width, image.height]).to.deep.equal([256, 256]);
  });
});
