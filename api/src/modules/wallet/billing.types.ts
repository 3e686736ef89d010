import { Allow, IsEmail, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { Rupiah } from '../../core/money';
import { PositiveRupiahScalar, RupiahScalar } from '../../graphql/scalars';

export enum TemplateCategoryEnum {
  MARKETING = 'MARKETING',
  UTILITY = 'UTILITY',
  AUTHENTICATION = 'AUTHENTICATION',
}
registerEnumType(TemplateCategoryEnum, { name: 'TemplateCategory' });

@ObjectType({ description: 'The price of one message of a template category.' })
export class MessagePriceView {
  @Field(() => TemplateCategoryEnum) category!: TemplateCategoryEnum;
  @Field(() => RupiahScalar) amount!: Rupiah;
  @Field(() => ID, { nullable: true, description: 'Set for one workspace; null: the installation’s price.' })
  workspaceId!: string | null;
  @Field(() => Date, { nullable: true, description: 'Null: the PRICE_PER_MESSAGE default, never set.' })
  validFrom!: Date | null;
}

@ObjectType()
export class PriceList {
  @Field(() => [MessagePriceView], { description: 'In force now, per category.' }) current!: MessagePriceView[];
  @Field(() => [MessagePriceView], { description: 'Every change, newest first (at most 100).' })
  history!: MessagePriceView[];
}

@ArgsType()
export class PricesArgs {
  @Field(() => ID, { nullable: true, description: 'A workspace’s prices (its own, else the installation’s).' })
  @IsOptional()
  @IsUUID('all')
  workspaceId?: string;
}

@InputType()
export class SetPriceInput {
  @Field(() => TemplateCategoryEnum) category!: TemplateCategoryEnum;
  @Field(() => PositiveRupiahScalar) @Allow() amount!: Rupiah;
  @Field(() => ID, { nullable: true, description: 'Only for this workspace; without it, for the installation.' })
  @IsOptional()
  @IsUUID('all')
  workspaceId?: string;
}

@ObjectType()
export class BillingProfileView {
  @Field() legalName!: string;
  @Field(() => String, { nullable: true, description: '16 digits.' }) npwp!: string | null;
  @Field() address!: string;
  @Field() invoiceEmail!: string;
  @Field() updatedAt!: Date;
}

@InputType()
export class BillingProfileInput {
  @Field() @Length(2, 200) legalName!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[\d.\s-]{15,25}$/) npwp?: string | null;
  @Field() @Length(5, 500) address!: string;
  @Field() @IsEmail() @MaxLength(254) invoiceEmail!: string;
}

@ArgsType()
export class StatementArgs {
  @Field({ description: 'YYYY-MM, as the workspace’s time zone counts months.' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  month!: string;
}

@ObjectType()
export class StatementExport {
  @Field() filename!: string;
  @Field({ description: 'CSV (RFC 4180), headers in the reader’s language, amounts in whole rupiah.' }) csv!: string;
}
