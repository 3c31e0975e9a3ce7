// One browser tab under measurement, with the CDP calls the benchmark needs: CPU profile, trace,
// heap after a forced GC, evaluation in the page's main world and user-timing waits.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { CpuProfile } from './cdp-profile';
import { TRACE_CATEGORIES, type TraceEvent } from './trace';

export interface HeapUsage {
  /** V8 heap in use. */
  used: number;
  /** Blink's heap in use (DOM nodes, ranges); NaN when Chromium doesn't report it. */
  embedder: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export class Tab {
  private trace: TraceEvent[] = [];

  private constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
  ) {
    cdp.on('Tracing.dataCollected', (event) => {
      for (const e of event.value) this.trace.push(e as unknown as TraceEvent);
    });
  }

  static async open(context: BrowserContext): Promise<Tab> {
    const page = await context.newPage();
    return new Tab(page, await context.newCDPSession(page));
  }

  async startProfile(intervalUs: number): Promise<void> {
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
    await this.cdp.send('Profiler.start');
  }

  async stopProfile(): Promise<CpuProfile> {
    const { profile } = await this.cdp.send('Profiler.stop');
    await this.cdp.send('Profiler.disable');
    return profile as unknown as CpuProfile;
  }

  async startTrace(): Promise<void> {
    this.trace = [];
    await this.cdp.send('Tracing.start', {
      traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
      transferMode: 'ReportEvents',
    });
  }

  async stopTrace(): Promise<TraceEvent[]> {
    const complete = new Promise<void>((done) => this.cdp.once('Tracing.tracingComplete', () => done()));
    await this.cdp.send('Tracing.end');
    await complete;
    const events = this.trace;
    this.trace = [];
    return events;
  }

  async heap(): Promise<HeapUsage> {
    // Twice: the first pass can leave garbage that only becomes collectable after it.
    await this.cdp.send('HeapProfiler.collectGarbage');
    await this.cdp.send('HeapProfiler.collectGarbage');
    const usage = (await this.cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      embedderHeapUsedSize?: number;
    };
    return { used: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? Number.NaN };
  }

  /** Evaluates in the main world through CDP, which the page's CSP does not restrict. */
  async evaluate<T>(expression: string, awaitPromise = false): Promise<T> {
    const reply = await this.cdp.send('Runtime.evaluate', { expression, awaitPromise, returnByValue: true });
    if (reply.exceptionDetails) {
      const text = reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text;
      throw new Error(`in-page evaluation failed: ${text}`);
    }
    return reply.result.value as T;
  }

  /** Number of user-timing entries with this name (the content script's marks are visible here). */
  entryCount(name: string): Promise<number> {
    return this.evaluate<number>(`performance.getEntriesByName(${JSON.stringify(name)}).length`);
  }

  async waitForEntry(name: string, timeoutMs: number, count = 1): Promise<void> {
    const end = Date.now() + timeoutMs;
    while ((await this.entryCount(name)) < count) {
      if (Date.now() > end) throw new Error(`no "${name}" user-timing mark within ${timeoutMs} ms`);
      await sleep(25);
    }
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => {});
    await this.page.close({ runBeforeUnload: false }).catch(() => {});
  }
}

export { sleep };
