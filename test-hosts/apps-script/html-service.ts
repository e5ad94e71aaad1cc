// HtmlService and HtmlOutput: the HTML that sidebars and dialogs show.
//
// Models: createHtmlOutput(html) and createHtmlOutputFromFile(name), from the set-up's `files`
// ("Sidebar" or "Sidebar.html"); a missing file throws "No HTML file named X was found."; the
// content, title, width and height getters and setters; appendUntrusted escapes its text.
// Kinder than the real host: setXFrameOptionsMode, setSandboxMode, addMetaTag and setFaviconUrl take
// anything and have no effect; no HTML is rendered or run. createHtmlOutput from a blob or template
// is not implemented and says so.

import type { Fake } from './engine';
import { makeEnum } from './enums';
import { FakeObject } from './service-proxy';
import { AppsScriptException, FakeNotImplemented } from './values';

const XFrameOptionsMode = makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT'] as const);
const SandboxMode = makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE'] as const);

export class RawHtmlOutput extends FakeObject {
  readonly kind = 'HtmlOutput';
  _title = '';
  _width: number | null = null;
  _height: number | null = null;
  constructor(public _content: string) {
    super();
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): RawHtmlOutput {
    this._content = String(content);
    return this;
  }
  append(html: string): RawHtmlOutput {
    this._content += String(html);
    return this;
  }
  appendUntrusted(text: string): RawHtmlOutput {
    this._content += String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    return this;
  }
  clear(): RawHtmlOutput {
    this._content = '';
    return this;
  }
  setTitle(title: string): RawHtmlOutput {
    this._title = String(title);
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setWidth(width: number): RawHtmlOutput {
    this._width = width;
    return this;
  }
  getWidth(): number | null {
    return this._width;
  }
  setHeight(height: number): RawHtmlOutput {
    this._height = height;
    return this;
  }
  getHeight(): number | null {
    return this._height;
  }
  setXFrameOptionsMode(): RawHtmlOutput {
    return this;
  }
  setSandboxMode(): RawHtmlOutput {
    return this;
  }
  addMetaTag(): RawHtmlOutput {
    return this;
  }
  setFaviconUrl(): RawHtmlOutput {
    return this;
  }
}

export class RawHtmlService extends FakeObject {
  readonly kind = 'HtmlService';
  readonly XFrameOptionsMode = XFrameOptionsMode;
  readonly SandboxMode = SandboxMode;
  constructor(private readonly _f: Fake) {
    super();
  }
  createHtmlOutput(html?: unknown): RawHtmlOutput {
    if (html !== undefined && typeof html !== 'string') throw new FakeNotImplemented('HtmlService.createHtmlOutput from a blob or template');
    return new RawHtmlOutput(html ?? '');
  }
  createHtmlOutputFromFile(filename: string): RawHtmlOutput {
    const name = String(filename);
    const content = this._f.files[name] ?? this._f.files[`${name}.html`] ?? (name.endsWith('.html') ? this._f.files[name.slice(0, -5)] : undefined);
    if (content === undefined) throw new AppsScriptException(`No HTML file named ${name} was found.`);
    return new RawHtmlOutput(content);
  }
}
