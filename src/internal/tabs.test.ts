import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {LitElement} from 'lit';
import {tabList, tabPanel, tabStyles} from './tabs.js';

class TabsHost extends LitElement {
  static override styles = [tabStyles];
  selected = 'one';
  override render() {
    const view = {
      id: 't',
      label: 'Things',
      tabs: [
        {key: 'one', label: 'One'},
        {key: 'two', label: 'Two'},
        {key: 'three', label: 'Three'},
      ],
      selected: this.selected,
      onSelect: (key: string) => {
        this.selected = key;
        this.requestUpdate();
      },
      appearance: {},
    };
    return html`${tabList(view)}${tabPanel(view, html`<p>${this.selected}</p>`)}`;
  }
}
customElements.define('tabs-test-host', TabsHost);

const tabs = (el: TabsHost) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
const settle = async (el: TabsHost) => {
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve));
};

describe('tabs', () => {
  it('is a tablist whose selected tab alone is in the Tab order, its panel labelled by it', async () => {
    const el = await fixture<TabsHost>(html`<tabs-test-host></tabs-test-host>`);
    expect(el.shadowRoot!.querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal('Things');
    expect(tabs(el).map((tab) => tab.tabIndex)).to.deep.equal([0, -1, -1]);
    const panel = el.shadowRoot!.querySelector('[role="tabpanel"]')!;
    expect(panel.getAttribute('aria-labelledby')).to.equal(tabs(el)[0]!.id);
    expect(tabs(el)[0]!.getAttribute('aria-controls')).to.equal(panel.id);
    await expect(el).to.be.accessible();
  });

  it('moves with the arrows (wrapping), Home and End, selecting as it goes', async () => {
    const el = await fixture<TabsHost>(html`<tabs-test-host></tabs-test-host>`);
    tabs(el)[0]!.focus();
    await sendKeys({press: 'ArrowLeft'});
    await settle(el);
    expect(el.selected).to.equal('three');
    expect(el.shadowRoot!.activeElement).to.equal(tabs(el)[2]);
    await sendKeys({press: 'Home'});
    await settle(el);
    expect(el.selected).to.equal('one');
    await sendKeys({press: 'ArrowRight'});
    await settle(el);
    expect(el.selected).to.equal('two');
    expect(tabs(el)[1]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({press: 'End'});
    await settle(el);
    expect(el.selected).to.equal('three');
  });

  it('reverses the arrows right to left', async () => {
    const el = await fixture<TabsHost>(html`<tabs-test-host dir="rtl"></tabs-test-host>`);
    tabs(el)[0]!.focus();
    await sendKeys({press: 'ArrowLeft'});
    await settle(el);
    expect(el.selected).to.equal('two');
  });
});
