import type { EntityManager } from '@mikro-orm/postgresql';
import { execute } from '../../db/sql';
import { STORE_NOTIFICATIONS_FIND_ORDERS, type OrderRow } from './payments.sql';

/** Bodies per insert at most, and inserts in flight at once (one: the bodies arriving meanwhile share the next). */
const MAX_STORE_BATCH = 500;
const MAX_STORES_IN_FLIGHT = 1;

interface Unstored {
  id: string;
  text: string;
  orderId: string | null;
  resolve: (order: OrderRow | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Stores Midtrans notification bodies as received, and finds the orders they claim, by group
 * commit: bodies arriving while earlier inserts are in flight share the next insert (one
 * statement and one commit for many requests), and each caller resumes only once its body is
 * committed, so nothing is answered before it is stored and an outage fails every caller.
 */
export class NotificationStore {
  private readonly unstored: Unstored[] = [];
  private storing = 0;

  constructor(private readonly now: () => Date) {}

  /** Resolves, once `text` is stored under `id`, with the order whose order id it claims (any workspace). */
  store(em: EntityManager, id: string, text: string, orderId: string | null): Promise<OrderRow | undefined> {
    return new Promise((resolve, reject) => {
      this.unstored.push({ id, text, orderId, resolve, reject });
      this.flush(em);
    });
  }

  private flush(em: EntityManager): void {
    if (this.storing >= MAX_STORES_IN_FLIGHT || this.unstored.length === 0) return;
    const batch = this.unstored.splice(0, MAX_STORE_BATCH);
    this.storing += 1;
    execute(em, STORE_NOTIFICATIONS_FIND_ORDERS, [
      batch.map((item) => item.id),
      batch.map((item) => item.text),
      batch.map((item) => item.orderId),
      this.now(),
    ])
      .then(
        ({ rows }) => {
          const orders = new Map(rows.map((row) => [row.order_id, row]));
          batch.forEach((item) => item.resolve(item.orderId === null ? undefined : orders.get(item.orderId)));
        },
        (error: unknown) => batch.forEach((item) => item.reject(error)),
      )
      .finally(() => {
        this.storing -= 1;
        this.flush(em);
      });
  }
}
