import type { Page } from 'playwright-core';

/** What went wrong on a page while it was watched. */
export interface PageProblems {
  /** `console.error` messages and uncaught exceptions, in order. */
  errors: string[];
  /** Requests that failed or answered 400 or more, as `STATUS url`. */
  failedRequests: string[];
}

/**
 * Starts recording console errors, uncaught page errors and failed requests on `page`; read the
 * returned object after navigating. Nothing is thrown: tests assert the lists are empty.
 */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], failedRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (req) => problems.failedRequests.push(`FAILED ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.status()} ${res.url()}`);
  });
  return problems;
}
