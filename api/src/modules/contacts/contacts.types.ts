import {
  ArrayMaxSize,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  BulkAction,
  ContactOrder,
  ContactSource,
  DuplicatePolicy,
  ImportStatus,
  JobStatus,
  ReviewDecision,
  SuppressionKind,
  SuppressionState,
} from './contact-types';
import { PageInfo } from '../../graphql/connections';

@ObjectType({ description: 'A free attribute of a contact (a template variable later).' })
export class ContactAttribute {
  @Field() key!: string;
  @Field() value!: string;
}

@InputType()
export class ContactAttributeInput {
  @Field({ description: 'A letter, then letters, digits or underscores (up to 40).' })
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,39}$/)
  key!: string;

  @Field() @MaxLength(500) value!: string;
}

@ObjectType({ description: 'Who recorded a contact’s consent, when, and under which statement.' })
export class ContactConsent {
  @Field() source!: string;
  @Field() at!: Date;
  @Field(() => String, { nullable: true }) statement!: string | null;
  @Field(() => ID, { nullable: true, description: 'The import that recorded it.' }) importId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The member who confirmed it.' }) userId!: string | null;
}

@ObjectType({ description: 'One entry of a contact’s consent and suppression history.' })
export class ContactEventView {
  @Field(() => ID) id!: string;
  @Field({
    description: 'CONSENT, OPTED_OUT, OPTED_IN, MARKETING_OPT_OUT, MARKETING_OPT_IN, KEYWORD_REVIEW or REVIEWED.',
  })
  kind!: string;
  @Field({ description: 'MANUAL, KEYWORD, BUTTON, USER_PREFERENCES, META_131050, IMPORT...' }) source!: string;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { nullable: true, description: 'The keyword found, for a reply kept for review.' })
  keyword!: string | null;
  @Field(() => String, { nullable: true, description: 'The consent statement, for a CONSENT entry.' })
  statement!: string | null;
  @Field(() => ReviewDecision, { nullable: true, description: 'What the person decided, for a REVIEWED entry.' })
  decision!: ReviewDecision | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class Contact {
  @Field(() => ID) id!: string;
  @Field({ description: 'E.164, e.g. +6281234567890.' }) phone!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => [ContactAttribute]) attributes!: ContactAttribute[];
  @Field(() => ContactSource) source!: ContactSource;
  @Field(() => String, { nullable: true, description: 'The WhatsApp id Meta reports.' }) waId!: string | null;
  @Field(() => String, { nullable: true, description: 'The business-scoped user id Meta reports (since 2026).' })
  waUserId!: string | null;
  @Field(() => ContactConsent, { nullable: true }) consent!: ContactConsent | null;
  @Field({ description: 'Excluded from every send.' }) optedOut!: boolean;
  @Field(() => Date, { nullable: true }) optedOutAt!: Date | null;
  @Field(() => String, { nullable: true }) optedOutSource!: string | null;
  @Field({ description: 'Excluded from marketing templates.' }) marketingOptOut!: boolean;
  @Field(() => Date, { nullable: true }) marketingOptOutAt!: Date | null;
  @Field(() => String, { nullable: true }) marketingOptOutSource!: string | null;
  @Field(() => Date, {
    nullable: true,
    description:
      'Since when a reply with an opt-out keyword inside a sentence waits for review (resolveContactReview).',
  })
  reviewPendingAt!: Date | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class ContactEdge {
  @Field() cursor!: string;
  @Field(() => Contact) node!: Contact;
}

@ObjectType()
export class ContactConnection {
  @Field(() => [ContactEdge]) edges!: ContactEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Exact up to 10,000; past that an estimate (totalCountIsEstimate).' })
  totalCount!: number;
  @Field({ description: 'True when totalCount is the planner’s estimate (show it as "10.000+").' })
  totalCountIsEstimate!: boolean;
}

@InputType({ description: 'Which contacts: every condition given must hold.' })
export class ContactFilter {
  @Field(() => String, {
    nullable: true,
    description: 'A name fragment (at least 3 characters) or a phone fragment (at least 4 digits; 0812 finds +62812).',
  })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => [String], { nullable: true, description: 'Contacts with all of these tags.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(60, { each: true })
  tags?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Contacts with at least one of these tags.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(60, { each: true })
  anyTags?: string[] | null;

  @Field(() => SuppressionState, { nullable: true }) @IsOptional() suppression?: SuppressionState | null;
  @Field(() => ContactSource, { nullable: true }) @IsOptional() source?: ContactSource | null;

  @Field(() => [ContactAttributeInput], { nullable: true, description: 'Attribute equality.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  attributes?: ContactAttributeInput[] | null;

  @Field(() => Date, { nullable: true }) @IsOptional() createdAfter?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() createdBefore?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: contacts with a reply flagged for review (reviewPendingAt set); false: those without.',
  })
  @IsOptional()
  needsReview?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Narrow by a saved segment’s filter too.' })
  @IsOptional()
  @IsUUID('all')
  segmentId?: string | null;
}

@ArgsType()
export class ContactsArgs {
  @Field(() => ContactFilter, { nullable: true }) @IsOptional() @ValidateNested() filter?: ContactFilter | null;
  @Field(() => Int, { defaultValue: 50 }) @Min(1) @Max(200) first!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) after?: string | null;
  @Field(() => ContactOrder, { defaultValue: ContactOrder.CREATED_DESC }) orderBy!: ContactOrder;
}

@InputType()
export class CreateContactInput {
  @Field() @MaxLength(64) phone!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) name?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(50) tags?: string[] | null;
  @Field(() => [ContactAttributeInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  attributes?: ContactAttributeInput[] | null;
  @Field(() => String, { nullable: true, description: 'The consent statement the person agreed to, if recorded now.' })
  @IsOptional()
  @MaxLength(500)
  consentStatement?: string | null;
}

@InputType()
export class UpdateContactInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;
  @Field(() => [String], { nullable: true, description: 'Replaces the tags.' })
  @IsOptional()
  @ArrayMaxSize(50)
  tags?: string[] | null;
  @Field(() => [ContactAttributeInput], { nullable: true, description: 'Replaces the attributes.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  attributes?: ContactAttributeInput[] | null;
}

@InputType({ description: 'Either ids (up to 1,000, done at once) or a filter (any size, done as a job).' })
export class ContactSelection {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  ids?: string[] | null;

  @Field(() => ContactFilter, { nullable: true }) @IsOptional() @ValidateNested() filter?: ContactFilter | null;
}

@ObjectType({ description: 'A bulk action over a filter, run as one job.' })
export class ContactBulkJobView {
  @Field(() => ID) id!: string;
  @Field(() => BulkAction) action!: BulkAction;
  @Field(() => JobStatus) status!: JobStatus;
  @Field(() => Int) totalRows!: number;
  @Field(() => Int) processedRows!: number;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType()
export class BulkResult {
  @Field(() => Int, { nullable: true, description: 'Contacts changed at once (a selection of ids).' })
  affected!: number | null;
  @Field(() => ContactBulkJobView, { nullable: true, description: 'The job doing it (a filter).' })
  job!: ContactBulkJobView | null;
}

@ArgsType()
export class BulkArgs {
  @Field(() => ContactSelection) @ValidateNested() selection!: ContactSelection;
}

@ArgsType()
export class TagArgs extends BulkArgs {
  @Field() @Length(1, 60) tag!: string;
}

@ArgsType()
export class OptOutArgs extends BulkArgs {
  @Field(() => SuppressionKind, { defaultValue: SuppressionKind.ALL }) kind!: SuppressionKind;
}

@ArgsType()
export class OptInArgs {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => SuppressionKind, { defaultValue: SuppressionKind.ALL }) kind!: SuppressionKind;
}

@ArgsType()
export class ReviewArgs {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => ReviewDecision) decision!: ReviewDecision;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID) @IsUUID('all') id!: string;
}

@ArgsType()
export class HistoryArgs {
  @Field(() => ID) @IsUUID('all') contactId!: string;
  @Field(() => Int, { defaultValue: 50 }) @Min(1) @Max(200) first!: number;
}

@ObjectType({ description: 'A named filter; campaigns use it as an audience.' })
export class SegmentView {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { description: 'The filter as JSON (the fields of ContactFilter).' }) filterJson!: string;
  @Field() updatedAt!: Date;
}

@InputType()
export class SaveSegmentInput {
  @Field(() => ID, { nullable: true, description: 'Omit to create a new segment.' })
  @IsOptional()
  @IsUUID('all')
  id?: string | null;
  @Field() @Length(1, 80) name!: string;
  @Field(() => ContactFilter) @ValidateNested() filter!: ContactFilter;
}

@InputType()
export class AttributeColumnInput {
  @Field(() => Int) @Min(0) @Max(199) column!: number;
  @Field() @Matches(/^[A-Za-z][A-Za-z0-9_]{0,39}$/) key!: string;
}

@InputType({ description: 'Which column (0-based, as the upload listed them) holds what.' })
export class ColumnMappingInput {
  @Field(() => Int) @Min(0) @Max(199) phone!: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(199) name?: number | null;
  @Field(() => Int, { nullable: true, description: 'Tags separated by |, , or ;.' })
  @IsOptional()
  @Min(0)
  @Max(199)
  tags?: number | null;
  @Field(() => [AttributeColumnInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  attributes?: AttributeColumnInput[] | null;
}

@InputType()
export class StartContactImportInput {
  @Field(() => ID, { description: 'The id the upload route answered with.' }) @IsUUID('all') importId!: string;
  @Field(() => ColumnMappingInput) @ValidateNested() mapping!: ColumnMappingInput;
  @Field(() => DuplicatePolicy, { defaultValue: DuplicatePolicy.SKIP }) duplicates!: DuplicatePolicy;
  @Field(() => String, {
    nullable: true,
    description: 'Given to every imported row (an uploaded list as an audience).',
  })
  @IsOptional()
  @MaxLength(60)
  tag?: string | null;
  @Field({ description: 'The consent statement the importer confirms these people agreed to.' })
  @Length(10, 500)
  consentStatement!: string;
  @Field({ defaultValue: false, description: 'Import the valid rows even when some are rejected.' })
  keepValidRows!: boolean;
}

@ObjectType()
export class ContactImportView {
  @Field(() => ID) id!: string;
  @Field(() => ImportStatus) status!: ImportStatus;
  @Field() fileName!: string;
  @Field(() => Int) fileBytes!: number;
  @Field(() => [String], { description: 'The file’s columns (header names, or #1, #2...).' }) columns!: string[];
  @Field(() => Int, { description: 'Rows in the file (an upper bound until the import has read them all).' })
  totalRows!: number;
  @Field(() => Int) processedRows!: number;
  @Field(() => Int) createdRows!: number;
  @Field(() => Int) updatedRows!: number;
  @Field(() => Int, { description: 'Duplicates inside the file, and numbers already in the book under SKIP.' })
  skippedRows!: number;
  @Field(() => Int) rejectedRows!: number;
  @Field(() => String, { nullable: true, description: 'Download of the rejected rows (CSV), when there are any.' })
  reportUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it failed, in the reader’s language.' })
  failure!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType()
export class ContactExportView {
  @Field({ description: 'GET it with the same credentials within the hour (CSV, streamed).' }) url!: string;
  @Field() expiresAt!: Date;
}

@ArgsType()
export class ExportArgs {
  @Field(() => ContactFilter, { nullable: true }) @IsOptional() @ValidateNested() filter?: ContactFilter | null;
}

@ArgsType()
export class KeywordsArgs {
  @Field(() => [String])
  @ArrayMaxSize(50)
  @Length(1, 40, { each: true })
  keywords!: string[];
}
