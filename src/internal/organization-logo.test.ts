import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {LitElement} from 'lit';
import {defaultLocalizer} from '../i18n/localizer.js';
import {adoptLightStyles} from './light-styles.js';
import {isLogoDataUrl, OrganizationLogo, organizationLogoStyles} from './organization-logo.js';

/** A host with a light-DOM form, as `<auth-create-org>` and the organization profile have. */
class LogoHost extends LitElement {
  changes: Array<string | null> = [];
  readonly logo = new OrganizationLogo(this, (value) => this.changes.push(value));

  protected override createRenderRoot(): HTMLElement {
    adoptLightStyles(document, organizationLogoStyles);
    return this;
  }

  override render() {
    const localizer = defaultLocalizer();
    return html`<form data-auth-form="logo-test">
      ${this.logo.render({
        id: 'logo',
        t: (key, options) => localizer.t(key, options),
        errorMessage: (error) => (error ? localizer.t(`errors.${error.code}`) : null),
        appearance: {},
      })}
    </form>`;
  }
}
customElements.define('logo-test-host', LogoHost);

async function picture(width: number, height: number, type = 'image/png'): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#0f766e';
  context.fillRect(0, 0, width, height);
  return new File([await canvas.convertToBlob({type})], 'logo', {type});
}

async function pick(host: LogoHost, file: File): Promise<void> {
  const input = host.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', {bubbles: true}));
  await waitUntil(() => !host.logo.busy, 'still reading');
  await host.updateComplete;
}

const buttons = (host: LogoHost) => [...host.querySelectorAll('button')].map((button) => button.textContent!.trim());

describe('OrganizationLogo (the logo picker)', () => {
  before(() => defaultLocalizer().require(['organizationLogo']));

  it('offers an upload, described by the rules, labelled as an optional logo', async () => {
    const host = await fixture<LogoHost>(html`<logo-test-host></logo-test-host>`);
    expect(buttons(host)).to.deep.equal(['Upload logo']);
    const group = host.querySelector('[role="group"]')!;
    expect(document.getElementById(group.getAttribute('aria-labelledby')!)!.textContent).to.equal('Logo');
    const upload = host.querySelector('button')!;
    expect(document.getElementById(upload.getAttribute('aria-describedby')!)!.textContent).to.contain('256 pixels');
    expect(host.querySelector<HTMLInputElement>('input[type="file"]')!.accept).to.contain('image/png');
    await expect(host).to.be.accessible();
  });

  it('makes a large picture a square of 256 pixels, cut from its middle, previewed; then removes it', async () => {
    const host = await fixture<LogoHost>(html`<logo-test-host></logo-test-host>`);
    await pick(host, await picture(900, 400, 'image/jpeg'));
    const value = host.logo.value!;
    expect(isLogoDataUrl(value)).to.equal(true);
    const image = await createImageBitmap(await (await fetch(value)).blob());
    expect([image.width, image.height]).to.deep.equal([256, 256]);
    expect(host.querySelector('img')!.getAttribute('src')).to.equal(value);
    expect(host.querySelector('img')!.alt).to.equal('Logo preview');
    expect(host.changes).to.deep.equal([value]);
    expect(buttons(host)).to.deep.equal(['Change logo', 'Remove logo']);
    await expect(host).to.be.accessible();
    [...host.querySelectorAll('button')][1].click();
    await host.updateComplete;
    expect(host.logo.value).to.equal(null);
    expect(host.querySelector('img')).to.equal(null);
    expect(host.changes).to.deep.equal([value, null]);
  });

  it('keeps a small picture at its own size, square', async () => {
    const host = await fixture<LogoHost>(html`<logo-test-host></logo-test-host>`);
    await pick(host, await picture(40, 64));
    const image = await createImageBitmap(await (await fetch(host.logo.value!)).blob());
    expect([image.width, image.height]).to.deep.equal([40, 40]);
  });

  it('refuses a file that is not an image, saying why, and keeps the logo it had', async () => {
    const host = await fixture<LogoHost>(html`<logo-test-host></logo-test-host>`);
    await pick(host, await picture(100, 100));
    const before = host.logo.value;
    await pick(host, new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'logo.png', {type: 'image/png'}));
    expect(host.logo.value).to.equal(before);
    const error = host.querySelector('[role="alert"]')!;
    expect(error.textContent).to.contain("isn't an image we can use");
    expect(host.querySelector('button')!.getAttribute('aria-describedby')).to.contain(error.id);
    await expect(host).to.be.accessible();
  });

  it('takes only PNG, JPEG or WebP data URLs as a value', async () => {
    const host = await fixture<LogoHost>(html`<logo-test-host></logo-test-host>`);
    for (const unsafe of ['javascript:alert(1)', 'data:image/svg+xml;base64,PHN2Zz4=', 'https://evil.example/logo.png', 'data:text/html;base64,PGI+', 'data:image/png;base64,AAA"onerror="x']) {
      host.logo.value = unsafe;
      expect(host.logo.value, unsafe).to.equal(null);
    }
    host.logo.value = 'data:image/webp;base64,UklGRg==';
    expect(host.logo.value).to.equal('data:image/webp;base64,UklGRg==');
    await host.updateComplete;
    expect(host.querySelector('img')!.getAttribute('src')).to.equal('data:image/webp;base64,UklGRg==');
  });
});
