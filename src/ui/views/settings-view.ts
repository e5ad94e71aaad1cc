/// <reference lib="dom" />
/**
 * The settings form: columns, status words, dates and colours. It reads back only what the user
 * changed (FormChanges), so settings the form does not show are kept as they are.
 */
import type { HeaderCell } from '../../../shared/header/detect-header';
import type { SettingsInput } from '../../../shared/settings/settings';
import { h } from '../dom';
import type { ColumnChoice, SettingsView } from '../panel-controller';
import { columnSelectModel, dateOrderChoices, fillOf, ragNames, ragOrder, schemeChoices, type FormChanges, type SelectOption } from '../settings-form';

export interface SettingsFormView {
  nodes: Node[];
  /** What the user changed, to apply over the settings read. */
  changes(): FormChanges;
}

function selectField(fid: string, label: string, choices: readonly SelectOption[], value: string, hint?: string): { field: HTMLElement; select: HTMLSelectElement } {
  const select = h('select', { class: 'pm-select', attrs: { id: fid, 'aria-describedby': hint ? `${fid}-hint` : undefined } });
  for (const c of choices) select.append(h('option', { attrs: { value: c.value } }, c.text));
  select.value = value;
  // A long choice is cut off in a 300 px pane: the tooltip shows it whole.
  const showTitle = () => {
    select.title = select.selectedOptions[0]?.textContent ?? '';
  };
  showTitle();
  select.addEventListener('change', showTitle);
  const field = h(
    'div',
    { class: 'pm-field' },
    h('label', { class: 'pm-label', attrs: { for: fid } }, label),
    select,
    hint ? h('p', { class: 'pm-hint', attrs: { id: `${fid}-hint` } }, hint) : null,
  );
  return { field, select };
}

function columnFieldset(id: string, columns: ColumnChoice[], headers: HeaderCell[], input: SettingsInput): { node: HTMLElement; changes: () => FormChanges['columns'] } {
  const fieldset = h('fieldset', { class: 'pm-fieldset' }, h('legend', { class: 'pm-legend' }, 'Columns'));
  fieldset.append(h('p', { class: 'pm-hint' }, 'Plan Monitor finds each column from its heading. Change one only if it picked the wrong column.'));
  const selects: { field: ColumnChoice['field']; select: HTMLSelectElement; initial: string }[] = [];
  for (const choice of columns) {
    const model = columnSelectModel(choice, headers, input.columns?.[choice.field]);
    const { field, select } = selectField(`${id}-col-${choice.field}`, model.label, model.options, model.value);
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

export function settingsFormView(id: string, view: SettingsView, on: { save(): void; cancel(): void }): SettingsFormView {
  const input = view.input;
  const columns = columnFieldset(id, view.columns, view.headers, input);

  const scheme = selectField(`${id}-scheme`, 'Words used for status', schemeChoices, input.scheme ?? 'cip', input.customStatuses ? 'This workbook has its own list of statuses, which is used instead of these.' : undefined);
  const dueSoonInput = h('input', { class: 'pm-input pm-number', attrs: { type: 'number', id: `${id}-due`, min: 0, max: 366, step: 1, inputmode: 'numeric', 'aria-describedby': `${id}-due-hint` } });
  const initialDue = String(input.dueSoonDays ?? 14);
  dueSoonInput.value = initialDue;
  const dateOrder = selectField(`${id}-dates`, 'Dates typed as text are read as', dateOrderChoices, input.dateOrder ?? 'day-first');

  const colourInputs = ragOrder.map((rag) => {
    const fid = `${id}-fill-${rag}`;
    const colour = h('input', { class: 'pm-colour', attrs: { type: 'color', id: fid } });
    colour.value = fillOf(input, rag);
    return { rag, colour, initial: colour.value, node: h('div', { class: 'pm-colour-field' }, colour, h('label', { attrs: { for: fid } }, `${ragNames[rag]} fill`)) };
  });

  const saveButton = h('button', { class: 'pm-button pm-primary', attrs: { type: 'submit' } }, 'Save settings');
  const cancelButton = h('button', { class: 'pm-button', attrs: { type: 'button' } }, 'Cancel');
  cancelButton.addEventListener('click', () => on.cancel());

  const form = h(
    'form',
    { class: 'pm-form', attrs: { novalidate: true } },
    columns.node,
    h('fieldset', { class: 'pm-fieldset' }, h('legend', { class: 'pm-legend' }, 'Statuses'), scheme.field),
    h(
      'fieldset',
      { class: 'pm-fieldset' },
      h('legend', { class: 'pm-legend' }, 'Dates'),
      h(
        'div',
        { class: 'pm-field' },
        h('label', { class: 'pm-label', attrs: { for: `${id}-due` } }, 'Due soon means due within (days)'),
        dueSoonInput,
        h('p', { class: 'pm-hint', attrs: { id: `${id}-due-hint` } }, 'A whole number from 0 to 366.'),
      ),
      dateOrder.field,
    ),
    h('fieldset', { class: 'pm-fieldset' }, h('legend', { class: 'pm-legend' }, 'Colours'), h('div', { class: 'pm-colours' }, ...colourInputs.map((c) => c.node))),
    h('div', { class: 'pm-form-buttons' }, saveButton, cancelButton),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    on.save();
  });

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
      return changes;
    },
  };
}
