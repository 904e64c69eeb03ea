/** What each kind's router gives the dispatcher (index.ts): the listener for a request, if any. */
import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';

/** A request as Bolt hands it to middleware: the listener arguments, plus next(). */
export type RequestArgs = AnyMiddlewareArgs & AllMiddlewareArgs;

/** Runs the request's listener; undefined when the request is not this router's kind or name. */
export type Router = (args: RequestArgs) => Promise<void> | undefined;
