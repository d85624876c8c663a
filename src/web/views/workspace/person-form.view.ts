/** The form that records or edits a person; their sealed name and contact are never filled in from what is stored. */
import type { Actor } from '../../../access/policy.ts';
import type { Compartment } from '../../../access/user.repository.ts';
import { SEXES, type PersonView } from '../../../workspace/person.service.ts';
import { html } from '../html.ts';
import { checkboxField, compartmentField, errorSummary, selectField, stateField, textareaField, type FormState } from './form-parts.ts';
import { csrfField, field, workspaceLayout } from './workspace.layout.ts';

export interface PersonFormData extends FormState {
  actor: Actor;
  csrf: string;
  compartments: Compartment[];
  /** Set when editing. */
  person?: PersonView;
}

export function personFormPage(data: PersonFormData): string {
  const editing = data.person;
  const { values: v, errors } = data;
  const title = editing ? `Edit ${editing.pseudonym}` : 'Record a person';
  const sealedHint = (what: string, stored: boolean | undefined) =>
    editing ? (stored ? `Leave empty to keep the ${what} stored; it is not shown here. What you type replaces it.` : `None stored. Encrypted at rest.`) : 'Encrypted at rest; opening it is written to the audit chain.';
  const body = html`<h1>${title}</h1>
${errorSummary(errors)}
<form method="post" action="${editing ? `/workspace/people/${editing.pseudonym}` : '/workspace/people'}" novalidate>
  ${csrfField(data.csrf)}
  ${editing ? html`<input type="hidden" name="version" value="${v.version ?? String(editing.version)}">`
    : compartmentField(data.compartments, data)}
  ${field({ label: 'Name (sealed)', name: 'name', value: v.name ?? '', hint: sealedHint('name', editing?.hasName), autocomplete: 'off', ...(errors.name ? { error: errors.name } : {}) })}
  ${field({ label: 'Contact (sealed)', name: 'contact', value: v.contact ?? '', hint: sealedHint('contact', editing?.hasContact), autocomplete: 'off', ...(errors.contact ? { error: errors.contact } : {}) })}
  ${selectField({ label: 'Sex', name: 'sex', choices: SEXES.map((sex) => ({ value: sex, label: sex })), value: v.sex, blank: 'Not recorded', error: errors.sex })}
  ${stateField(data, { label: 'Year of birth (optional)', name: 'birthYear', inputmode: 'numeric', hint: 'Four digits, such as 1978.' })}
  ${checkboxField({ label: 'The year of birth is approximate', name: 'birthYearApproximate', checked: Boolean(v.birthYearApproximate) })}
  ${stateField(data, { label: 'Nationality (optional)', name: 'nationality', hint: 'Two letters, such as KP.' })}
  ${textareaField({ label: 'Notes (optional)', name: 'notes', value: v.notes, rows: 5, hint: 'Not sealed: write no name or contact here.', error: errors.notes })}
  <p><button type="submit" class="primary">${editing ? 'Save changes' : 'Record person'}</button></p>
</form>`;
  return workspaceLayout({ title, body, actor: data.actor, csrf: data.csrf });
}
