/// <reference lib="dom" />
/**
 * The settings form: columns, status words, dates and colours. It reads back only what the user
 * changed (FormChanges), so settings the form does not show are kept as they are.
 */
import type { HeaderCell } from '../../../shared/header/detect-header';
import type { SettingsInput } from '../../../shared/settings/settings';
import type { Controls } from '../controls';
import { h } from '../dom';
import type { ColumnChoice, SettingsView } from '../panel-controller';
import { columnSelectModel, dateOrderChoices, fillOf, ragNames, ragOrder, schemeChoices, statusChoicesFor, type FormChanges, type SelectOption, type StatusWord } from '../settings-form';

export interface SettingsFormView {
  nodes: Node[];
  /** What the user changed, to apply over the settings read. */
  changes(): FormChanges;
}

function selectField(controls: Controls, fid: string, label: string, choices: readonly SelectOption[], value: string, hint?: string): { field: HTMLElement; select: HTMLSelectElement } {
  const select = h('select', { class: 'pm-select', attrs: { id: fid, 'aria-describedby': hint ? `${fid}-hint` : undefined } });
  for (const c of choices) select.append(h('option', { attrs: { value: c.value } }, c.text));
  select.value = value;
  // A long choice is cut off in a 300 px pane: the tooltip shows it whole.
  const showTitle = () => {
    select.title = select.selectedOptions[0]?.textContent ?? '';
  };
  showTitle();
  select.addEventListener('change', showTitle);
  const field = controls.field({ label, control: select, hint: hint ? { id: `${fid}-hint`, text: hint } : undefined });
  return { field, select };
}

function columnFieldset(controls: Controls, id: string, columns: ColumnChoice[], headers: HeaderCell[], input: SettingsInput): { node: HTMLElement; changes: () => FormChanges['columns'] } {
  const fieldset = h('fieldset', { class: 'pm-fieldset' }, h('legend', { class: 'pm-legend' }, 'Columns'));
  fieldset.append(h('p', { class: 'pm-hint' }, 'Plan Monitor finds each column from its heading. Change one only if it picked the wrong column.'));
  const selects: { field: ColumnChoice['field']; select: HTMLSelectElement; initial: string }[] = [];
  for (const choice of columns) {
    const model = columnSelectModel(choice, headers, input.columns?.[choice.field]);
    const { field, select } = selectField(controls, `${id}-col-${choice.field}`, model.label, model.options, model.value);
    selects.push({ field: choice.field, select, initial: model.value });
    fieldset.append(field);
  }
  return {
    node: fieldset,
    changes: () => {
      const changed: FormChanges['columns'] = {};
      for (const s of selects) if (s.select.value !== s.initial) changed[s.field] = s.select.value;
      return changed;
    },
  };
}

/**
 * The words the workbook adds to its scheme: each listed with a Remove button, and a word box, a
 * Means dropdown (the statuses of the scheme chosen above) and Add word. Saving checks them.
 */
function statusWordsEditor(controls: Controls, id: string, input: SettingsInput, scheme: HTMLSelectElement): { node: HTMLElement; changes: () => StatusWord[] | undefined } {
  const initial: StatusWord[] = (input.statusWords ?? []).map((w) => ({ word: w.word, status: w.status }));
  const words = initial.map((w) => ({ ...w }));
  const list = h('ul', { class: 'pm-list pm-words', attrs: { 'aria-label': 'Words added' } });
  const empty = h('p', { class: 'pm-hint' }, 'No words added: only the scheme’s own are read.');
  const wordInput = h('input', { class: 'pm-input', attrs: { type: 'text', id: `${id}-word`, maxlength: 60, autocomplete: 'off', 'aria-describedby': `${id}-word-hint` } }) as HTMLInputElement;
  const means = h('select', { class: 'pm-select', attrs: { id: `${id}-means` } }) as HTMLSelectElement;
  const addButton = controls.button('Add word');

  const fillMeans = () => {
    const keep = means.value;
    means.replaceChildren(...statusChoicesFor(input, scheme.value).map((label) => h('option', { attrs: { value: label } }, label)));
    if (Array.from(means.options).some((o) => o.value === keep)) means.value = keep;
  };
  const draw = () => {
    list.replaceChildren(
      ...words.map((w, i) => {
        const remove = controls.button('Remove', { kind: 'subtle', label: `Remove “${w.word}”` });
        remove.addEventListener('click', () => {
          words.splice(i, 1);
          draw();
          wordInput.focus();
        });
        return h('li', { class: 'pm-word' }, h('span', null, `“${w.word}” means ${w.status}`), remove);
      }),
    );
    list.hidden = words.length === 0;
    empty.hidden = words.length > 0;
  };
  const add = () => {
    const word = wordInput.value.trim();
    if (word === '') {
      wordInput.focus();
      return;
    }
    const same = words.findIndex((w) => w.word.toLowerCase() === word.toLowerCase());
    if (same >= 0) words.splice(same, 1);
    words.push({ word, status: means.value });
    wordInput.value = '';
    draw();
    wordInput.focus();
  };
  addButton.addEventListener('click', add);
  // Enter in the word box adds the word rather than saving the whole form.
  wordInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      add();
    }
  });
  scheme.addEventListener('change', fillMeans);
  fillMeans();
  draw();

  const node = h(
    'div',
    { class: 'pm-status-words' },
    h('p', { class: 'pm-hint' }, 'Words your officers type for a status, besides the scheme’s own.'),
    list,
    empty,
    controls.field({ label: 'Another word officers type', control: wordInput, hint: { id: `${id}-word-hint`, text: 'Such as “behind schedule”. Case and punctuation do not matter.' } }),
    controls.field({ label: 'Means', control: means }),
    h('p', null, addButton),
  );
  return {
    node,
    changes: () => (JSON.stringify(words) === JSON.stringify(initial) ? undefined : words.map((w) => ({ ...w }))),
  };
}

export function settingsFormView(id: string, controls: Controls, view: SettingsView, on: { save(): void; cancel(): void }): SettingsFormView {
  const input = view.input;
  const columns = columnFieldset(controls, id, view.columns, view.headers, input);

  const scheme = selectField(controls, `${id}-scheme`, 'Words used for status', schemeChoices, input.scheme ?? 'cip', input.customStatuses ? 'This workbook has its own list of statuses, which is used instead of these.' : undefined);
  const statusWords = statusWordsEditor(controls, id, input, scheme.select);
  const dueSoonInput = h('input', { class: 'pm-input pm-number', attrs: { type: 'number', id: `${id}-due`, min: 0, max: 366, step: 1, inputmode: 'numeric', 'aria-describedby': `${id}-due-hint` } });
  const initialDue = String(input.dueSoonDays ?? 14);
  dueSoonInput.value = initialDue;
  const dateOrder = selectField(controls, `${id}-dates`, 'Dates typed as text are read as', dateOrderChoices, input.dateOrder ?? 'day-first');

  const colourInputs = ragOrder.map((rag) => {
    const fid = `${id}-fill-${rag}`;
    const colour = h('input', { class: 'pm-colour', attrs: { type: 'color', id: fid } });
    colour.value = fillOf(input, rag);
    return { rag, colour, initial: colour.value, node: h('div', { class: 'pm-colour-field' }, colour, h('label', { attrs: { for: fid } }, `${ragNames[rag]} fill`)) };
  });

  const saveButton = controls.button('Save settings', { kind: 'primary', submit: true });
  const cancelButton = controls.button('Cancel');
  cancelButton.addEventListener('click', () => on.cancel());

  const form = h(
    'form',
    { class: 'pm-form', attrs: { novalidate: true } },
    columns.node,
    h('fieldset', { class: 'pm-fieldset' }, h('legend', { class: 'pm-legend' }, 'Statuses'), scheme.field, statusWords.node),
    h(
      'fieldset',
      { class: 'pm-fieldset' },
      h('legend', { class: 'pm-legend' }, 'Dates'),
      controls.field({ label: 'Due soon means due within (days)', control: dueSoonInput, hint: { id: `${id}-due-hint`, text: 'A whole number from 0 to 366.' } }),
      dateOrder.field,
    ),
    h('fieldset', { class: 'pm-fieldset' }, h('legend', { class: 'pm-legend' }, 'Colours'), h('div', { class: 'pm-colours' }, ...colourInputs.map((c) => c.node))),
    h('div', { class: 'pm-form-buttons' }, saveButton, cancelButton),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    on.save();
  });
  if (controls.fluent) {
    // A Fluent button is no submit button to the browser, so Enter in a text box would not submit
    // the form: do what a native form with a submit button does.
    form.addEventListener('keydown', (event) => {
      const target = event.target;
      if (event.key === 'Enter' && target instanceof HTMLInputElement && (target.type === 'text' || target.type === 'number')) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }

  return {
    nodes: [
      h('h2', { class: 'pm-h2', attrs: { id: `${id}-settings-h`, tabindex: '-1' } }, 'Settings'),
      h('p', { class: 'pm-hint' }, 'Saved in the workbook, so everyone who opens it gets the same settings. Press Escape to close without saving.'),
      form,
    ],
    changes() {
      const changes: FormChanges = { columns: columns.changes(), fills: {} };
      if (scheme.select.value !== (input.scheme ?? 'cip')) changes.scheme = scheme.select.value;
      if (dueSoonInput.value !== initialDue) changes.dueSoonDays = dueSoonInput.value;
      if (dateOrder.select.value !== (input.dateOrder ?? 'day-first')) changes.dateOrder = dateOrder.select.value;
      for (const c of colourInputs) if (c.colour.value.toLowerCase() !== c.initial) changes.fills[c.rag] = c.colour.value;
      const words = statusWords.changes();
      if (words !== undefined) changes.statusWords = words;
      return changes;
    },
  };
}
