/**
 * The payload as sent, as a collapsible tree. Fields with errors are highlighted in place, and a
 * required field that is missing is shown where it should be; a field the privacy guard flagged is marked with the
 * kind found. Values are text, never markup.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { escapePointer } from '../../core/explain';
import { FieldActions, type FieldActionsHandle, useFieldActions } from './FieldActions';
import { privacyMarkTitle, type PrivacyKinds } from './privacy-marks';

interface TreeProps {
  readonly value: unknown;
  /** JSON Pointers of fields with errors, and with warnings. */
  readonly errorPaths: ReadonlySet<string>;
  readonly warningPaths: ReadonlySet<string>;
  /** The fields the privacy guard flagged, with the kinds found in each. */
  readonly privacyKinds: PrivacyKinds;
  /** A path to open and scroll to (a problem the user clicked), with a counter to re-trigger. */
  readonly reveal: { readonly path: string; readonly nonce: number } | null;
  /** Filter by this value: the timeline keeps messages whose field at the path holds it. */
  readonly onFilter: (path: string, term: string) => void;
}

export function JsonTree(props: TreeProps) {
  const actions = useFieldActions(props.onFilter);
  return (
    <div class="json-tree" role="tree">
      <JsonNode {...props} actions={actions} name={null} path="" depth={0} keys={[]} inArray={[]} />
    </div>
  );
}

interface NodeProps extends TreeProps {
  readonly name: string | null;
  readonly path: string;
  readonly depth: number;
  readonly missing?: boolean;
  /** The keys from the root to here, and whether each indexes an array: the path the filter reads is built from them. */
  readonly keys: readonly string[];
  readonly inArray: readonly boolean[];
  readonly actions: FieldActionsHandle;
}

function isAncestor(path: string, of: string): boolean {
  return of.startsWith(path + '/') || (path === '' && of !== '');
}

function JsonNode(props: NodeProps) {
  const { name, value, path, depth, errorPaths, warningPaths, privacyKinds, reveal, missing, keys, inArray, actions } =
    props;
  const containsProblem = [...errorPaths, ...warningPaths].some((p) => isAncestor(path, p));
  const [open, setOpen] = useState(depth < 2 || containsProblem);
  const line = useRef<HTMLDivElement>(null);
  const revealed = reveal?.path === path;

  // `reveal` is a new object on every click of a path, so this runs once per click.
  useEffect(() => {
    if (reveal && isAncestor(path, reveal.path)) setOpen(true);
    if (revealed) line.current?.scrollIntoView({ block: 'center' });
  }, [reveal, path, revealed]);

  const mark = errorPaths.has(path) ? ' has-error' : warningPaths.has(path) ? ' has-warning' : '';
  const label = name === null ? null : <span class="key">{name}</span>;
  const personal = privacyKinds.get(path);
  const lineClass = `line${mark}${personal ? ' has-privacy' : ''}${revealed ? ' revealed' : ''}`;
  const indent = { paddingLeft: depth * 14 };

  if (missing) {
    return (
      <div class={lineClass} ref={line} style={indent} role="treeitem">
        {label}
        <span class="punct">: </span>
        <span class="missing">(missing)</span>
        <FieldActions keys={keys} inArray={inArray} value={undefined} actions={actions} />
      </div>
    );
  }
  if (value === null || typeof value !== 'object') {
    const title = personal ? privacyMarkTitle(personal) : undefined;
    return (
      <div class={lineClass} ref={line} style={indent} role="treeitem" title={title}>
        {label}
        {label && <span class="punct">: </span>}
        <Scalar value={value} />
        {personal && <span class="privacy-mark">{personal.join(', ')}</span>}
        {name !== null && <FieldActions keys={keys} inArray={inArray} value={value} actions={actions} />}
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const children: [string, unknown][] = isArray ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const missingChildren = [...errorPaths].filter(
    (p) =>
      p.startsWith(path + '/') &&
      !p.slice(path.length + 1).includes('/') &&
      !children.some(([k]) => `${path}/${escapePointer(k)}` === p),
  );
  const summary = isArray ? `[${children.length}]` : `{${children.length}}`;
  return (
    <div role="treeitem" aria-expanded={open}>
      <div class={lineClass} ref={line} style={indent} onClick={() => setOpen(!open)}>
        <span class="toggle">{open ? '▾' : '▸'}</span>
        {label}
        {label && <span class="punct">: </span>}
        <span class="summary">{summary}</span>
        {name !== null && <FieldActions keys={keys} inArray={inArray} value={value} actions={actions} />}
      </div>
      {open && (
        <div role="group">
          {children.map(([key, child]) => (
            <JsonNode
              {...props}
              key={key}
              name={key}
              value={child}
              path={`${path}/${escapePointer(key)}`}
              depth={depth + 1}
              keys={[...keys, key]}
              inArray={[...inArray, isArray]}
            />
          ))}
          {missingChildren.map((p) => {
            const missingKey = p
              .slice(path.length + 1)
              .replace(/~1/g, '/')
              .replace(/~0/g, '~');
            return (
              <JsonNode
                {...props}
                key={p}
                name={missingKey}
                value={undefined}
                missing
                path={p}
                depth={depth + 1}
                keys={[...keys, missingKey]}
                inArray={[...inArray, isArray]}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span class="string">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span class="number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span class="boolean">{String(value)}</span>;
  return <span class="null">null</span>;
}
