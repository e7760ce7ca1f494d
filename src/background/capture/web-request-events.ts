/**
 * webRequest's events -> the capture pipeline's (core/capture/events.ts). They are nearly the same
 * data: a request's body is turned into the core's RequestBody, and a top-frame request is a
 * navigation (its own listener sends it here, listen.ts).
 */
import type { CapturePipeline } from '../../core/capture/pipeline';
import { hidden, HIDE_PINGS } from '../listen/hide-pings';
import type { RequestHandlers } from '../listen/listener-group';
import type { WhenStarted } from '../when-started';
import { requestBodyOf } from './request-body';

export function pipelineHandlers(withPipeline: WhenStarted<CapturePipeline>): RequestHandlers {
  const handlers = toPipeline(withPipeline);
  if (!HIDE_PINGS) return handlers;
  return {
    beforeRequest: (details) => hidden(details, true) || handlers.beforeRequest(details),
    headersReceived: (details) => hidden(details, false) || handlers.headersReceived(details),
    completed: (details) => hidden(details, false) || handlers.completed(details),
    errorOccurred: (details) => hidden(details, false) || handlers.errorOccurred(details),
  };
}

function toPipeline(withPipeline: WhenStarted<CapturePipeline>): RequestHandlers {
  return {
    beforeRequest(details) {
      if (details.type === 'main_frame') {
        withPipeline((pipeline) => pipeline.navigationStarted(details.tabId, details.url, details.timeStamp));
        return;
      }
      withPipeline((pipeline) => pipeline.requestStarted({ ...details, body: requestBodyOf(details) }));
    },
    headersReceived: (details) => withPipeline((pipeline) => pipeline.responseStarted(details)),
    completed: (details) => withPipeline((pipeline) => pipeline.requestCompleted(details)),
    errorOccurred: (details) => withPipeline((pipeline) => pipeline.requestFailed(details)),
  };
}
