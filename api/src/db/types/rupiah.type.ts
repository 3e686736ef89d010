import { Type, type EntityProperty, type Platform } from '@mikro-orm/core';
import { rupiah, type Rupiah } from '../../core/money';

/**
 * A money column: `bigint` of whole rupiah in PostgreSQL, `Rupiah` (a branded bigint) in
 * code. Never a float, and never a numeric string in business code: node-postgres returns
 * bigint columns as strings, and this type turns them into `Rupiah` at the boundary.
 *
 * `@Property({ type: RupiahType })`.
 */
export class RupiahType extends Type<Rupiah, string> {
  override convertToDatabaseValue(value: Rupiah | bigint | null | undefined): string {
    if (value === null || value === undefined) return value as unknown as string;
    if (typeof value !== 'bigint') throw new TypeError(`a Rupiah column takes a bigint, got ${typeof value}`);
    return value.toString();
  }

  override convertToJSValue(value: string | number | bigint | null | undefined): Rupiah {
    if (value === null || value === undefined) return value as unknown as Rupiah;
    return rupiah(typeof value === 'bigint' ? value : String(value));
  }

  override toJSON(value: Rupiah): string {
    return value?.toString();
  }

  override getColumnType(prop: EntityProperty, platform: Platform): string {
    return platform.getBigIntTypeDeclarationSQL(prop);
  }

  override compareAsType(): string {
    return 'bigint';
  }

  override compareValues(a: string, b: string): boolean {
    return String(a) === String(b);
  }
}
