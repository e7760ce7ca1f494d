/**
 * track-inspector/playwright: the inspector's capture and checks inside Playwright tests
 * (docs/playwright.md). `test` and `expect` replace @playwright/test's own; captureTracking()
 * works on any BrowserContext without the test runner.
 */
export { test, expect, type TrackingFixtures } from './fixture';
export { captureTracking, TrackingCapture } from './capture-tracking';
export type { MatcherOptions } from './matchers';
export { TrackInspectorOptionsError, type TrackInspectorOptions } from './options';
export type { TrackedMessage, TrackedProblem } from './tracked-message';
