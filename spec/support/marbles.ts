// Shared helpers for the marble tests: a TestScheduler that compares with Jest's deep
// equality, and small builders for request bytes and batches, so each test reads as
// "these bytes arrive at these times, these replies leave at those times".

import { TestScheduler } from 'rxjs/testing';
import { Observable, map } from 'rxjs';
import { Frame, command } from '../../src/protocol/frame';
import { encode } from '../../src/protocol/encode';

/** A TestScheduler whose assertions are Jest's `toEqual`. */
export const newTestScheduler = (): TestScheduler =>
  new TestScheduler((actual, expected) => {
    expect(actual).toEqual(expected);
  });

/** The bytes a client sends for a command, e.g. `request('SET', 'k', 'v')`. */
export const request = (...args: string[]): Buffer => encode(command(...args));

/** A batch holding one command frame, as frames() would emit it. */
export const batch = (...args: string[]): Frame[] => [command(...args)];

/** Output of session(): each write's buffers joined, shown as text. */
export const asText = (output$: Observable<readonly Buffer[]>): Observable<string> =>
  output$.pipe(map((buffers) => Buffer.concat(buffers).toString('latin1')));
