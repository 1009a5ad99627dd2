import {Component, CUSTOM_ELEMENTS_SCHEMA, signal} from '@angular/core';
import 'auth-elements/define/auth-provider';
import 'auth-elements/define/auth-loading';
import 'auth-elements/define/auth-unavailable';
import 'auth-elements/define/auth-signed-out';
import 'auth-elements/define/auth-signed-in';
import 'auth-elements/define/auth-sign-in';
import 'auth-elements/define/auth-sign-up';
import 'auth-elements/define/auth-user-button';
import type {Appearance} from 'auth-elements';

@Component({
  selector: 'app-root',
  // auth-* tags are custom elements, not Angular components.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  // The cards link to #sign-up and #sign-in; a router would do the same.
  host: {'(window:hashchange)': 'route.set(hash())'},
  template: `
    <auth-provider api-url="/api/auth" [appearance]="appearance" (auth-session-change)="name.set($event.state.user?.name ?? '')">
      <auth-loading></auth-loading>
      <auth-unavailable></auth-unavailable>
      <auth-signed-out>
        @if (route() === '#sign-up') {
          <auth-sign-up sign-in-url="#sign-in"></auth-sign-up>
        } @else {
          <auth-sign-in sign-up-url="#sign-up"></auth-sign-in>
        }
      </auth-signed-out>
      <auth-signed-in>
        <auth-user-button></auth-user-button>
        <p>Signed in as {{ name() }}</p>
      </auth-signed-in>
    </auth-provider>
  `,
})
export class App {
  protected readonly appearance: Appearance = {variables: {colorPrimary: '#0f766e', borderRadius: '6px'}};
  protected readonly name = signal('');
  protected readonly route = signal(location.hash);
  protected readonly hash = () => location.hash;
}
