// The release as `npm run package` writes it (scripts/release), checked as the stores receive it.
// Runs after `npm run build`; writes only to a temporary folder.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeRelease, type ReleaseFile } from '../../scripts/release/index.ts';
import { differences, folderFiles, packageJson, zipFiles } from './release-helpers.ts';

const { version } = packageJson;
const scratch = mkdtempSync(join(tmpdir(), 'track-inspector-release-'));
let release: ReleaseFile[] = [];
const zipOf = (kind: ReleaseFile['kind']): string =>
  release.find((file) => file.kind === kind)?.path ?? `no ${kind} zip`;

beforeAll(() => {
  release = writeRelease(process.cwd(), join(scratch, 'release'));
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it("names the three files after package.json's version", () => {
  expect(release.map((file) => basename(file.path))).toEqual([
    `track-inspector-${version}-chrome.zip`,
    `track-inspector-${version}-firefox.zip`,
    `track-inspector-${version}-source.zip`,
  ]);
});

describe.each(['chrome', 'firefox'] as const)('the %s zip', (browser) => {
  it(`holds exactly dist/${browser}, byte for byte, manifest.json at its root`, () => {
    const files = zipFiles(zipOf(browser));
    expect(files.has('manifest.json')).toBe(true);
    expect(differences(files, folderFiles(`dist/${browser}`))).toEqual([]);
  });

  it("carries package.json's version in its manifest", () => {
    const manifest = JSON.parse(Buffer.from(zipFiles(zipOf(browser)).get('manifest.json') ?? []).toString('utf8')) as {
      version?: string;
    };
    expect(manifest.version).toBe(version);
  });
});

describe('the source zip', () => {
  const root = `track-inspector-${version}/`;
  const names = () => [...zipFiles(zipOf('source')).keys()];

  it('holds what a rebuild needs, under one folder named after the version', () => {
    expect(names().filter((name) => !name.startsWith(root))).toEqual([]);
    const needed = [
      'package.json',
      'package-lock.json',
      'manifest.json',
      'vite.config.ts',
      'tsconfig.json',
      'tsconfig.base.json',
      'README.md',
      'LICENSE',
    ];
    const neededToo = [
      'scripts/manifest.ts',
      'scripts/build-cli.mjs',
      'scripts/generate-validators.mjs',
      'schemas/track.json',
      'public/icons/icon-128.png',
      'src/background/index.ts',
    ];
    expect([...needed, ...neededToo].filter((name) => !names().includes(root + name))).toEqual([]);
  });

  it('leaves out build output, installed packages, generated code and the screenshots; keeps the manual', () => {
    const leftOut = ['dist/', 'node_modules/', 'src/core/generated/', 'release/'];
    expect(names().filter((name) => leftOut.some((folder) => name.startsWith(root + folder)))).toEqual([]);
    expect(names().filter((name) => name.startsWith(root + 'docs/') && name.endsWith('.png'))).toEqual([]);
    expect(names()).toContain(root + 'docs/cli.md');
  });
});

describe('reproducible zips', () => {
  const zone = process.env['TZ'];
  afterEach(() => {
    vi.useRealTimers();
    if (zone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = zone;
  });

  it('the same build gives the same zip bytes on another day, in another time zone', { timeout: 60_000 }, () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-15T13:37:11Z'));
    process.env['TZ'] = 'Pacific/Chatham';
    const again = writeRelease(process.cwd(), join(scratch, 'again'));
    const same = again.map((file, i) => [
      file.kind,
      readFileSync(file.path).equals(readFileSync(release[i]?.path ?? '')),
    ]);
    expect(same).toEqual([
      ['chrome', true],
      ['firefox', true],
      ['source', true],
    ]);
  });
});
