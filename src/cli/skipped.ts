/** A piece of the input that holds no readable message, named on stderr: coverage and diff count the rest. */
import type { InputItem } from '../core/input';
import type { Io } from './cli-io';
import { printable } from '../core/text/printable';

export function skipped(io: Io, item: Extract<InputItem, { kind: 'problem' }>, file: string | null): void {
  io.stderr.write(`track-inspector: ${printable(`${file === null ? '' : `${file}: `}${item.message}`)}; skipped\n`);
}
