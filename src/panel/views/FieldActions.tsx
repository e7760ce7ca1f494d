/**
 * A JSON tree line's own actions, shown while the pointer or the keyboard is on the line: Copy path (as the filter
 * reads it), Copy value, and Filter by this value. Their labels are drawn by CSS (`data-label`), so a line's text is
 * still exactly the field as sent.
 */
import { useState } from 'preact/hooks';
import { copyText } from '../copy';
import { copiedValue, fieldPath, fieldTerm } from '../store/field-path';

export interface FieldActionsHandle {
  /** Which button copied last (`path` or `value` and the field's path): it says "copied" until another copy. */
  readonly copied: string;
  copy(id: string, text: string): void;
  filter(path: string, term: string): void;
}

/** One per tree: a message's detail pane starts with nothing copied (the pane is keyed by its row). */
export function useFieldActions(onFilter: (path: string, term: string) => void): FieldActionsHandle {
  const [copied, setCopied] = useState('');
  return {
    copied,
    copy: (id, text) => void copyText(text).then(() => setCopied(id)),
    filter: onFilter,
  };
}

interface Props {
  readonly keys: readonly string[];
  readonly inArray: readonly boolean[];
  /** The field's value; undefined for a required field that is missing (it has a path, not a value). */
  readonly value: unknown;
  readonly actions: FieldActionsHandle;
}

export function FieldActions({ keys, inArray, value, actions }: Props) {
  const path = fieldPath(keys, inArray);
  const term = value === undefined ? null : fieldTerm(path, value);
  const button = (what: string, label: string, title: string, run: () => void) => (
    <button
      type="button"
      class="field-action"
      data-label={actions.copied === `${what} ${path}` ? 'copied' : label}
      title={title}
      aria-label={title}
      onClick={(event) => {
        event.stopPropagation(); // the line's own click opens or closes an object
        run();
      }}
    />
  );
  return (
    <span class="field-actions">
      {button('path', 'path', `Copy path ${path}`, () => actions.copy(`path ${path}`, path))}
      {value !== undefined &&
        button('value', 'value', `Copy value of ${path}`, () => actions.copy(`value ${path}`, copiedValue(value)))}
      {term !== null && button('filter', 'filter', `Filter by ${term}`, () => actions.filter(path, term))}
    </span>
  );
}
