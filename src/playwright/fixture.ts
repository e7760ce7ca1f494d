/**
 * The test runner's side: `test` with a `tracking` fixture and a `trackInspector` option, and
 * `expect` with the tracking matchers. The capture starts before the test body (every page of the
 * test's context, from its first navigation) and is attached to the results as `tracking.ndjson`
 * (a file in the test's output folder) when the test fails, or always with `attach: 'always'`.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  expect as baseExpect,
  test as base,
  type Expect,
  type PlaywrightTestArgs,
  type PlaywrightTestOptions,
  type PlaywrightWorkerArgs,
  type PlaywrightWorkerOptions,
  type TestType,
} from '@playwright/test';
import { TrackingCapture } from './capture-tracking';
import { COVERAGE_ATTACHMENT, coverageAttachment } from './coverage-attachment';
import { trackingMatchers } from './matchers';
import type { TrackInspectorOptions } from './options';
import { readyOptions } from './ready-options';

export interface TrackingFixtures {
  /** The test's capture: await expect(tracking).toHaveTracked(…), tracking.messages(), tracking.clear(). */
  tracking: TrackingCapture;
  /** Options: test.use({ trackInspector: { plan, hosts, strict, unplanned, attach } }). */
  trackInspector: TrackInspectorOptions;
}

export const test: TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & TrackingFixtures,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
> = base.extend<TrackingFixtures>({
  trackInspector: [{}, { option: true }],
  tracking: async ({ context, trackInspector }, use, testInfo) => {
    const configDir = testInfo.config.configFile ? path.dirname(testInfo.config.configFile) : process.cwd();
    // A plan that cannot be used fails here, in the test's setup, with its problems one per line.
    const ready = await readyOptions(trackInspector, configDir);
    const capture = await TrackingCapture.start(context, ready);
    await use(capture);
    await capture.stop();
    if (ready.plan) {
      // For the coverage reporter (reporter.ts), whatever the test's outcome: a run's coverage is all its tests'.
      const title = testInfo.titlePath.slice(1).join(' › ');
      const body = JSON.stringify(coverageAttachment(ready.plan, capture.messages(), title));
      await testInfo.attach(COVERAGE_ATTACHMENT, { body, contentType: 'application/json' });
    }
    const failed = testInfo.status !== testInfo.expectedStatus;
    if (failed || trackInspector.attach === 'always') {
      // A file in the test's output folder, so CI can also validate every capture of a run together.
      const file = testInfo.outputPath('tracking.ndjson');
      await writeFile(file, capture.toNdjson());
      await testInfo.attach('tracking.ndjson', { path: file, contentType: 'application/x-ndjson' });
    }
  },
});

export const expect: Expect<typeof trackingMatchers> = baseExpect.extend(trackingMatchers);
