/**
 * Searches in threads of their own, so that a server uses every core: the
 * thread that answers HTTP renders pages while search threads count, rank and
 * cut snippets. Each thread reads the database on its own read-only
 * connection (search.worker.ts); a search goes to the thread with the fewest
 * searches in hand. A thread that dies hands its searches, and every later
 * one, to the searcher of this thread (`fallback`).
 */
import { Worker } from 'node:worker_threads';
import type { SearchAnswer, Searcher, SearchRequest } from './document.search.ts';
import type { SearchMessage, SearchReply, SearchThreadData } from './search.worker.ts';

interface Thread {
  worker: Worker;
  /** Searches sent and not yet answered. */
  inHand: number;
  alive: boolean;
}

interface Pending {
  request: SearchRequest;
  thread: Thread;
  resolve: (answer: SearchAnswer) => void;
  reject: (error: Error) => void;
}

export class SearchPool implements Searcher {
  private readonly threads: Thread[];
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  /** Settles when every thread has built its indexes (or stopped). */
  readonly ready: Promise<void>;

  constructor(file: string, size: number, private readonly fallback: Searcher) {
    const started: Array<Promise<void>> = [];
    this.threads = Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./search.worker.boot.mjs', import.meta.url), { workerData: { file } satisfies SearchThreadData });
      const thread: Thread = { worker, inHand: 0, alive: true };
      started.push(new Promise((resolve) => {
        worker.once('exit', () => resolve());
        worker.on('message', (reply: SearchReply) => (reply === 'ready' ? resolve() : this.answered(reply)));
      }));
      worker.on('error', (error) => this.lost(thread, error.message));
      worker.on('exit', (code) => this.lost(thread, `exit code ${code}`));
      return thread;
    });
    // Started, an idle pool does not keep the process running (while starting, it does: something awaits it).
    this.ready = Promise.all(started).then(() => {
      for (const thread of this.threads) thread.worker.unref();
    });
  }

  search(request: SearchRequest): Promise<SearchAnswer> {
    let thread: Thread | undefined;
    for (const candidate of this.threads) if (candidate.alive && (!thread || candidate.inHand < thread.inHand)) thread = candidate;
    if (!thread) return this.fallback.search(request);
    const id = this.next++;
    const chosen = thread;
    chosen.inHand++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { request, thread: chosen, resolve, reject });
      chosen.worker.postMessage({ id, request } satisfies SearchMessage);
    });
  }

  async close(): Promise<void> {
    const threads = this.threads.filter((thread) => thread.alive);
    for (const thread of threads) thread.alive = false;
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
    for (const waiting of this.pending.values()) waiting.reject(new Error('the archive was closed before the search finished'));
    this.pending.clear();
  }

  private answered(reply: Exclude<SearchReply, 'ready'>): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    waiting.thread.inHand--;
    if ('answer' in reply) waiting.resolve(reply.answer);
    else waiting.reject(new Error(`search failed: ${reply.error}`));
  }

  /** A thread that failed or stopped on its own: what it held is searched here instead. */
  private lost(thread: Thread, why: string): void {
    if (!thread.alive) return;
    thread.alive = false;
    process.stderr.write(`A search thread stopped (${why}); its searches continue in the main thread.\n`);
    for (const [id, waiting] of this.pending) {
      if (waiting.thread !== thread) continue;
      this.pending.delete(id);
      this.fallback.search(waiting.request).then(waiting.resolve, waiting.reject);
    }
  }
}
