import { Entity, Property, Unique } from '@mikro-orm/core';
import { WorkspaceEntity } from '../../db/base.entity';

/** Who the receipts are made out to. */
@Entity({ tableName: 'billing_profile' })
@Unique({ properties: ['workspace'] })
export class BillingProfile extends WorkspaceEntity {
  @Property({ length: 200 })
  legalName!: string;

  /** 16 digits (the NPWP format since 2024). */
  @Property({ length: 16, nullable: true })
  npwp?: string | null;

  @Property({ length: 500 })
  address!: string;

  @Property({ length: 254 })
  invoiceEmail!: string;
}
