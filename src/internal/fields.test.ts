import {expect, fixture, html} from '@open-wc/testing';
import {textField} from './fields.js';

describe('textField', () => {
  it('puts `after` content under the input, above its error, where describedBy can name it', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      ${textField({
        id: 'slug',
        name: 'slug',
        label: 'URL',
        autocomplete: 'off',
        describedBy: 'slug-hint',
        error: 'Taken',
        after: html`<p id="slug-hint">Lower-case letters</p>`,
        appearance: {},
      })}
    </form>`);
    const field = form.querySelector('.ae-field')!;
    const order = [...field.children].map((node) => node.localName + (node.id ? `#${node.id}` : ''));
    expect(order).to.deep.equal(['div', 'input#slug', 'p#slug-hint', 'p#slug-error']);
    expect(form.querySelector('input')!.getAttribute('aria-describedby')).to.equal('slug-error slug-hint');
  });
});
