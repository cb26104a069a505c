import { html, nothing, render, type TemplateResult } from 'lit';
import manifest from '../custom-elements.json';

interface Named {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
  privacy?: string;
  kind?: string;
  static?: boolean;
  fieldName?: string;
  readonly?: boolean;
  parameters?: Named[];
  return?: { type?: { text: string } };
}

interface Declaration {
  name: string;
  tagName?: string;
  description?: string;
  summary?: string;
  attributes?: Named[];
  members?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  slots?: Named[];
}

const declarations = (manifest as { modules: { declarations?: Declaration[] }[] }).modules.flatMap(
  (module) => module.declarations ?? [],
);
const element = declarations.find((declaration) => declaration.tagName === 'ekyc-flow');

function table(title: string, rows: Named[] | undefined, columns: [string, (row: Named) => unknown][]): TemplateResult | typeof nothing {
  if (!rows?.length) return nothing;
  return html`<h2>${title}</h2>
    <table>
      <thead>
        <tr>${columns.map(([label]) => html`<th scope="col">${label}</th>`)}</tr>
      </thead>
      <tbody>
        ${rows.map((row) => html`<tr>${columns.map(([, cell]) => html`<td>${cell(row)}</td>`)}</tr>`)}
      </tbody>
    </table>`;
}

const code = (text: string | undefined) => (text ? html`<code>${text}</code>` : '');
/** A description from the JSDoc: its `backticked` words as code, the rest as text. */
const prose = (text: string | undefined) => (text ?? '').split('`').map((piece, index) => (index % 2 === 1 ? code(piece) : piece));
const publicMembers = (kind: string) =>
  element?.members?.filter((member) => member.kind === kind && member.privacy !== 'private' && member.privacy !== 'protected' && !member.static);

render(
  element
    ? html`<p>${prose(element.summary)}</p>
        <p>${prose(element.description)}</p>
        ${table('Attributes', element.attributes, [
          ['Attribute', (row) => code(row.name)],
          ['Property', (row) => code(row.fieldName)],
          ['Type', (row) => code(row.type?.text)],
          ['Default', (row) => code(row.default)],
          ['Description', (row) => prose(row.description)],
        ])}
        ${table('Properties', publicMembers('field'), [
          ['Property', (row) => code(row.name)],
          ['Type', (row) => code(row.type?.text)],
          ['Read-only', (row) => (row.readonly ? 'yes' : '')],
          ['Description', (row) => prose(row.description)],
        ])}
        ${table('Methods', publicMembers('method'), [
          ['Method', (row) => code(`${row.name}()`)],
          ['Returns', (row) => code(row.return?.type?.text)],
          ['Description', (row) => prose(row.description)],
        ])}
        ${table('Events', element.events, [
          ['Event', (row) => code(row.name)],
          ['Type', (row) => code(row.type?.text)],
          ['Description', (row) => prose(row.description)],
        ])}
        ${table('CSS parts', element.cssParts, [
          ['Part', (row) => code(row.name)],
          ['Description', (row) => prose(row.description)],
        ])}
        ${table('CSS custom properties', element.cssProperties, [
          ['Property', (row) => code(row.name)],
          ['Default', (row) => code(row.default)],
          ['Description', (row) => prose(row.description)],
        ])}
        ${table('Slots', element.slots, [
          ['Slot', (row) => code(row.name)],
          ['Description', (row) => prose(row.description)],
        ])}`
    : html`<p>custom-elements.json has no ekyc-flow: run <code>npm run build</code>.</p>`,
  document.querySelector('#reference') ?? document.body,
);
