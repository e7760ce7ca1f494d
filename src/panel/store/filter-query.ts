/**
 * The filter box's text: free words searched in names and payloads, and `type:track name:"Order Completed"`, which
 * keep one event exactly (as the Network panel's `method:POST`). A click on a Summary line writes these, so the box
 * shows what the timeline is filtered by and Esc clears it.
 */

export interface FilterQuery {
  /** The free words, lower-cased: searched in the name and the payload's text. */
  readonly words: string;
  readonly type?: string;
  /** The row's name exactly as shown (case and all: "Signed up" is not "Signed Up"). */
  readonly name?: string;
}

/** `type:` or `name:` and its value: a JSON string (a name with spaces or quotes) or a word. */
const TOKEN = /(^|\s)(type|name):("(?:[^"\\]|\\.)*"|\S+)/gi;

export function parseFilter(text: string): FilterQuery {
  let type: string | undefined;
  let name: string | undefined;
  const words = text.replace(TOKEN, (_match, _space: string, key: string, value: string) => {
    if (key.toLowerCase() === 'type') type = unquote(value).toLowerCase();
    else name = unquote(value);
    return '';
  });
  return {
    words: words.trim().toLowerCase(),
    ...(type !== undefined && { type }),
    ...(name !== undefined && { name }),
  };
}

/** The filter text that keeps only `type` messages named `name`, and the free words `text` had. */
export function eventFilter(text: string, type: string, name: string): string {
  const words = text.replace(TOKEN, '').trim();
  return `${words ? `${words} ` : ''}type:${type} name:${JSON.stringify(name)}`;
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    return JSON.parse(value) as string;
  } catch {
    return value.slice(1).replace(/"$/, ''); // a quote typed and not closed, or a bad escape: the text as typed
  }
}
