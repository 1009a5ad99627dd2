/**
 * Backup codes, shown once (after setting up two-step verification, or regenerating them): the
 * list, and ways to keep it — copy, download as a text file, print just the codes — then Done.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {part} from '../../appearance/part.js';
import {sectionAlert, sectionButton, type ProfileContext} from './profile-page.js';

/** The file and the printout: a title, whose account, then one code a line. */
export function backupCodesText(title: string, account: string, codes: readonly string[]): string {
  return [title, account, '', ...codes, ''].join('\n');
}

/** Saves the codes as a .txt file (a Blob behind a `download` link). */
export function downloadCodes(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], {type: 'text/plain;charset=utf-8'}));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its bytes once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url));
}

/**
 * Prints only the codes: a hidden frame holds them (built node by node, no HTML string: the page's
 * Trusted Types and CSP hold), prints, and goes once printing is over.
 */
export function printCodes(title: string, account: string, codes: readonly string[], lang: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;inset-inline-start:-10000px;width:1px;height:1px;border:0';
  document.body.append(frame);
  const win = frame.contentWindow;
  const doc = frame.contentDocument;
  if (!win || !doc) return frame.remove();
  doc.documentElement.lang = lang;
  doc.title = title;
  const heading = doc.createElement('h1');
  heading.textContent = title;
  const who = doc.createElement('p');
  who.textContent = account;
  const list = doc.createElement('ol');
  list.dir = 'ltr';
  for (const code of codes) list.append(Object.assign(doc.createElement('li'), {textContent: code}));
  doc.body.append(heading, who, list);
  try {
    const sheet = new (win as unknown as typeof globalThis).CSSStyleSheet();
    sheet.replaceSync('body{font:14px/1.6 system-ui,sans-serif;margin:2rem}h1{font-size:1.25rem}ol{font:16px/2 ui-monospace,Menlo,Consolas,monospace}');
    doc.adoptedStyleSheets = [sheet];
  } catch {
    // Unstyled codes print all the same.
  }
  win.addEventListener('afterprint', () => frame.remove(), {once: true});
  win.focus();
  win.print();
  // Where print() returns before printing ends without an afterprint event, the frame still goes.
  setTimeout(() => frame.isConnected && frame.remove(), 60_000);
}

export interface BackupCodesView {
  codes: readonly string[];
  /** Replacing earlier codes (they stopped working), not the first set. */
  regenerated: boolean;
  /** What just happened ("Two-step verification is on"), above the codes. */
  notice: string | null;
  /** The last copy failed (the clipboard was refused): say how to do it by hand. */
  copyFailed: boolean;
  copied: boolean;
  onCopy: () => void;
  onDownload: () => void;
  onPrint: () => void;
  onDone: () => void;
}

/** The codes panel, in the section (shadow DOM): its heading takes focus when it appears. */
export function backupCodesPanel(context: ProfileContext, view: BackupCodesView): TemplateResult {
  const {t, appearance} = context;
  const k = (key: string) => t(`profile.security.twoFactor.codes.${key}`);
  return html`${sectionAlert(view.notice, context, 'success')}
    <div class="step" ${part('profile-step', appearance)}>
      <h4 class="step-title" id="backup-codes-title" tabindex="-1">${k('title')}</h4>
      <p class="step-hint" id="backup-codes-hint">${k(view.regenerated ? 'regeneratedHint' : 'hint')}</p>
      <ul class="backup-codes" dir="ltr" aria-labelledby="backup-codes-title" aria-describedby="backup-codes-hint">
        ${view.codes.map((code) => html`<li><code>${code}</code></li>`)}
      </ul>
      ${view.copyFailed ? sectionAlert(k('copyFailed'), context) : nothing}
      <div class="actions">
        ${sectionButton(k(view.copied ? 'copied' : 'copy'), view.onCopy, {context})}
        ${sectionButton(k('download'), view.onDownload, {context})}
        ${sectionButton(k('print'), view.onPrint, {context})}
      </div>
      <div class="actions step-end">${sectionButton(k('done'), view.onDone, {context, variant: 'primary'})}</div>
    </div>`;
}
