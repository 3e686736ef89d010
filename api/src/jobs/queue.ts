import type { JobRunner } from './runner';

/**
 * How a service asks for background work (an import, a bulk change): by job name and data.
 * Services are built before the job runner (jobs call services), so the queue is handed to
 * them first and bound to the runner once it exists; an enqueue before that is a bug.
 */
export interface JobQueue {
  enqueue(name: string, data: Record<string, unknown>): Promise<void>;
}

export class DeferredJobQueue implements JobQueue {
  private runner?: JobRunner;

  bind(runner: JobRunner): void {
    this.runner = runner;
  }

  async enqueue(name: string, data: Record<string, unknown>): Promise<void> {
    if (!this.runner) throw new Error(`job ${name} enqueued before the job runner was built`);
    await this.runner.agenda.now(name, data as never);
  }
}
