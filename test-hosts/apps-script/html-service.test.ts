// HtmlService: HTML files for sidebars and dialogs (html-service.ts).
import { describe, expect, it } from 'vitest';
import { fake } from './test-fixture';

describe('Ui, HtmlService', () => {
  it('serves HTML files to sidebars and dialogs', () => {
    const { f, app } = fake({ files: { Sidebar: '<div data-start="panel"></div>' } });
    const html = f.globals.HtmlService.createHtmlOutputFromFile('Sidebar');
    app.getUi().showSidebar(f.globals.HtmlService.createHtmlOutput(html.getContent()).setTitle('Plan Monitor'));
    app.getUi().showModalDialog(f.globals.HtmlService.createHtmlOutput('<p>hi</p>').setWidth(400).setHeight(300), 'Settings');
    expect(f.ui.sidebars).toEqual([{ title: 'Plan Monitor', html: '<div data-start="panel"></div>' }]);
    expect(f.ui.dialogs).toEqual([{ title: 'Settings', html: '<p>hi</p>', width: 400, height: 300, modal: true }]);
    expect(() => f.globals.HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });
});
