import {expect, fixture, html} from '@open-wc/testing';
import {LitElement} from 'lit';
import {PageRouter, pathOfHash, type Routing} from './page-navigation.js';

/** A host with pages `one`, `two`, `three`, routed by the router under test. */
class RouterHost extends LitElement {
  routing: Routing = 'hash';
  readonly router = new PageRouter(this, {routing: () => this.routing, pages: () => ['one', 'two', 'three']});
  override render() {
    return html`${this.router.current}`;
  }
}
customElements.define('test-router-host', RouterHost);

const changes = (host: HTMLElement) => {
  const paths: string[] = [];
  host.addEventListener('auth-page-change', (event) => paths.push(event.path));
  return paths;
};

describe('PageRouter', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('reads the page from the hash, the first page for an unknown or missing one', async () => {
    history.replaceState(null, '', '#/two');
    const host = await fixture<RouterHost>(html`<test-router-host></test-router-host>`);
    expect(host.router.current).to.equal('two');
    history.replaceState(null, '', '#/nowhere');
    expect(host.router.current).to.equal('one');
    expect(pathOfHash('')).to.equal(null);
  });

  it('tells of a change of hash even when the host updated between the new hash and its hashchange', async () => {
    const host = await fixture<RouterHost>(html`<test-router-host></test-router-host>`);
    const heard = changes(host);
    host.router.go('three');
    // An update that runs before the hashchange already renders the new page.
    host.requestUpdate();
    await host.updateComplete;
    await new Promise((resolve) => addEventListener('hashchange', resolve, {once: true}));
    expect(heard).to.deep.equal(['three']);
    expect(host.shadowRoot!.textContent).to.equal('three');
  });

  it('in virtual mode keeps the page to itself and tells of each change once', async () => {
    const host = await fixture<RouterHost>(html`<test-router-host .routing=${'virtual'}></test-router-host>`);
    const heard = changes(host);
    host.router.go('two');
    host.router.go('two');
    host.router.go('one');
    expect(heard).to.deep.equal(['two', 'one']);
    expect(location.hash).to.equal('');
    expect(host.router.href('two')).to.equal(undefined);
  });
});
