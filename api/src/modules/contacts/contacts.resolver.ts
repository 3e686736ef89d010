import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Requires, RequiresPerson } from '../../graphql/authorization';
import { WorkspaceCaller } from '../../graphql/caller';
import type { GraphQLContext } from '../../graphql/context';
import { listCost } from '../../graphql/limits';
import { Permission, type WorkspaceIdentity } from '../identity';
import { ContactBulkService } from './contact-bulk.service';
import { ContactExportService } from './contact-export.service';
import { ContactImportService } from './contact-import.service';
import { BulkAction, SuppressionKind } from './contact-types';
import { ContactsService } from './contacts.service';
import { compact, EXPORT_PATH, toBulkJob, toContact, toEvent, toFilterValue, toImport } from './contacts.mappers';
import {
  BulkArgs,
  BulkResult,
  Contact,
  ContactBulkJobView,
  ContactConnection,
  ContactEventView,
  ContactExportView,
  ContactImportView,
  ContactsArgs,
  CreateContactInput,
  ExportArgs,
  HistoryArgs,
  IdArgs,
  KeywordsArgs,
  OptInArgs,
  OptOutArgs,
  ReviewArgs,
  SaveSegmentInput,
  SegmentView,
  StartContactImportInput,
  TagArgs,
  UpdateContactInput,
} from './contacts.types';
import type { Segment } from './contact.entity';
import type { Selection } from './contact-bulk.service';

function toSegment(segment: Segment): SegmentView {
  return {
    id: segment.id,
    name: segment.name,
    filterJson: JSON.stringify(segment.filter),
    updatedAt: segment.updatedAt,
  };
}

/** The address book over GraphQL: thin, permission -> input -> service -> output. */
@Resolver()
export class ContactsResolver {
  constructor(
    private readonly book: ContactsService,
    private readonly bulk: ContactBulkService,
    private readonly imports: ContactImportService,
    private readonly exports: ContactExportService,
  ) {}

  private async selection(ctx: GraphQLContext, caller: WorkspaceIdentity, { selection }: BulkArgs): Promise<Selection> {
    return {
      ids: selection.ids,
      filter: selection.filter
        ? compact(await this.book.resolveFilter(ctx.em, caller.workspaceId, toFilterValue(selection.filter)))
        : null,
    };
  }

  private async result(
    ctx: GraphQLContext,
    caller: WorkspaceIdentity,
    action: BulkAction,
    args: BulkArgs,
    tag?: string,
  ): Promise<BulkResult> {
    const outcome = await this.bulk.apply(
      ctx.em,
      caller,
      ctx.meta,
      action,
      await this.selection(ctx, caller, args),
      tag,
    );
    return { affected: outcome.affected ?? null, job: outcome.job ? toBulkJob(outcome.job) : null };
  }

  @Requires(Permission.CONTACTS_READ)
  @Query(() => ContactConnection, {
    description: 'Contacts of the workspace: search, filters, order, cursor pages (50 by default).',
    complexity: listCost('first'),
  })
  async contacts(
    @Args() { filter, first, after, orderBy }: ContactsArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContactConnection> {
    const resolved = await this.book.resolveFilter(ctx.em, caller.workspaceId, toFilterValue(filter));
    const page = await this.book.page(ctx.em, caller.workspaceId, { filter: resolved, first, after, orderBy });
    return {
      edges: page.edges.map(({ cursor, node }) => ({ cursor, node: toContact(node) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges[page.edges.length - 1]?.cursor ?? null },
      totalCount: page.totalCount,
      totalCountIsEstimate: page.totalCountIsEstimate,
    };
  }

  @Requires(Permission.CONTACTS_READ)
  @Query(() => Contact, { description: 'One contact.' })
  async contact(@Args() { id }: IdArgs, @WorkspaceCaller() caller: WorkspaceIdentity, @Ctx() ctx: GraphQLContext) {
    return toContact(await this.book.get(ctx.em, caller.workspaceId, id));
  }

  @Requires(Permission.CONTACTS_READ)
  @Query(() => [ContactEventView], {
    description: 'A contact’s consent and suppression history, newest first.',
    complexity: listCost('first'),
  })
  async contactHistory(
    @Args() { contactId, first }: HistoryArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ) {
    await this.book.get(ctx.em, caller.workspaceId, contactId);
    return (await this.book.history(ctx.em, caller.workspaceId, contactId, first)).map(toEvent);
  }

  @Requires(Permission.CONTACTS_READ)
  @Query(() => String, {
    description: 'Everything kept about one contact, as JSON: the answer to an access request (UU PDP).',
  })
  async contactPersonalData(
    @Args() { id }: IdArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<string> {
    const { contact, history } = await this.exports.personalData(ctx.em, caller.workspaceId, id);
    return JSON.stringify({ contact: toContact(contact), history: history.map(toEvent) });
  }

  @Requires(Permission.CONTACTS_WRITE)
  @Mutation(() => Contact, { description: 'Adds a contact by hand (or from a script: source API).' })
  async createContact(
    @Arg('input') input: CreateContactInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Contact> {
    return toContact(
      await this.book.create(ctx.em, caller, ctx.meta, {
        phone: input.phone,
        name: input.name,
        tags: input.tags ?? [],
        attributes: input.attributes ?? [],
        consentStatement: input.consentStatement,
      }),
    );
  }

  @Requires(Permission.CONTACTS_WRITE)
  @Mutation(() => Contact, { description: 'Changes a contact’s phone, name, tags or attributes.' })
  async updateContact(
    @Arg('input') input: UpdateContactInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Contact> {
    return toContact(await this.book.update(ctx.em, caller, ctx.meta, input));
  }

  @Requires(Permission.CONTACTS_WRITE)
  @Mutation(() => BulkResult, {
    description: 'Erases contacts (name, attributes, phone, history); suppressed numbers stay suppressed as a hash.',
  })
  async deleteContacts(
    @Args() args: BulkArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.result(ctx, caller, BulkAction.DELETE, args);
  }

  @Requires(Permission.CONTACTS_WRITE)
  @Mutation(() => BulkResult, { description: 'Adds a tag to a selection or a whole filter.' })
  async tagContacts(@Args() args: TagArgs, @WorkspaceCaller() caller: WorkspaceIdentity, @Ctx() ctx: GraphQLContext) {
    return this.result(ctx, caller, BulkAction.TAG, args, args.tag);
  }

  @Requires(Permission.CONTACTS_WRITE)
  @Mutation(() => BulkResult, { description: 'Removes a tag from a selection or a whole filter.' })
  async untagContacts(@Args() args: TagArgs, @WorkspaceCaller() caller: WorkspaceIdentity, @Ctx() ctx: GraphQLContext) {
    return this.result(ctx, caller, BulkAction.UNTAG, args, args.tag);
  }

  @Requires(Permission.CONTACTS_WRITE)
  @Mutation(() => BulkResult, {
    description: 'Suppresses contacts: ALL (no sends at all) or MARKETING (no marketing templates).',
  })
  async optOutContacts(
    @Args() args: OptOutArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.result(
      ctx,
      caller,
      args.kind === SuppressionKind.ALL ? BulkAction.OPT_OUT : BulkAction.MARKETING_OPT_OUT,
      args,
    );
  }

  @RequiresPerson(Permission.CONTACTS_WRITE)
  @Mutation(() => Contact, {
    description: 'Opts a contact back in, by a person signed in (never an API token): audited, with a history entry.',
  })
  async optInContact(
    @Args() { id, kind }: OptInArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Contact> {
    return toContact(await this.book.optIn(ctx.em, caller, ctx.meta, id, kind));
  }

  @Requires(Permission.CONTACTS_WRITE)
  @Mutation(() => Contact, {
    description:
      'Settles a reply flagged for review (a keyword inside a sentence): DISMISS keeps the contact, OPT_OUT opts it out of every send.',
  })
  async resolveContactReview(
    @Args() { id, decision }: ReviewArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Contact> {
    return toContact(await this.book.resolveReview(ctx.em, caller, ctx.meta, id, decision));
  }

  @Requires(Permission.CONTACTS_READ)
  @Query(() => ContactBulkJobView, { description: 'Progress of a bulk action over a filter.' })
  async contactBulkJob(
    @Args() { id }: IdArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toBulkJob(await this.bulk.job(ctx.em, caller.workspaceId, id));
  }

  @Requires(Permission.CONTACTS_READ)
  @Query(() => [SegmentView], { description: 'Saved segments, by name.', complexity: listCost(200) })
  async segments(@WorkspaceCaller() caller: WorkspaceIdentity, @Ctx() ctx: GraphQLContext): Promise<SegmentView[]> {
    return (await this.book.segments(ctx.em, caller.workspaceId)).map(toSegment);
  }

  @Requires(Permission.CONTACTS_WRITE)
  @Mutation(() => SegmentView, { description: 'Creates a segment, or renames and refilters one.' })
  async saveSegment(
    @Arg('input') input: SaveSegmentInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SegmentView> {
    const { segmentId: _ignored, ...filter } = toFilterValue(input.filter);
    return toSegment(
      await this.book.saveSegment(ctx.em, caller, ctx.meta, {
        id: input.id,
        name: input.name,
        filter: compact(filter),
      }),
    );
  }

  @Requires(Permission.CONTACTS_WRITE)
  @Mutation(() => Boolean, { description: 'Deletes a segment (its contacts stay).' })
  async deleteSegment(
    @Args() { id }: IdArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.book.deleteSegment(ctx.em, caller, ctx.meta, id);
  }

  @Requires(Permission.CONTACTS_WRITE)
  @Mutation(() => ContactImportView, {
    description: 'Starts importing an uploaded CSV (POST it to /api/contacts/imports first) as a background job.',
  })
  async startContactImport(
    @Arg('input') input: StartContactImportInput,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContactImportView> {
    const started = await this.imports.start(ctx.em, caller, ctx.meta, {
      importId: input.importId,
      mapping: input.mapping,
      duplicates: input.duplicates,
      tag: input.tag,
      consentStatement: input.consentStatement,
      keepValidRows: input.keepValidRows,
    });
    return toImport(started, ctx.language);
  }

  @Requires(Permission.CONTACTS_READ)
  @Query(() => ContactImportView, { description: 'An import and its progress.' })
  async contactImport(
    @Args() { id }: IdArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContactImportView> {
    return toImport(await this.imports.get(ctx.em, caller.workspaceId, id), ctx.language);
  }

  @Requires(Permission.CONTACTS_WRITE)
  @Mutation(() => ContactExportView, {
    description: 'Exports the contacts of a filter as CSV: answers a download address (streamed, valid for an hour).',
  })
  async exportContacts(
    @Args() { filter }: ExportArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContactExportView> {
    const resolved = compact(await this.book.resolveFilter(ctx.em, caller.workspaceId, toFilterValue(filter)));
    const created = await this.exports.create(ctx.em, caller, ctx.meta, resolved);
    return { url: `${EXPORT_PATH}?id=${created.id}`, expiresAt: created.expiresAt };
  }

  @Requires(Permission.CONTACTS_READ)
  @Query(() => [String], {
    description: 'Replies that opt a contact out when they are the whole message.',
    complexity: listCost(50),
  })
  async optOutKeywords(@WorkspaceCaller() caller: WorkspaceIdentity, @Ctx() ctx: GraphQLContext): Promise<string[]> {
    return this.book.keywords(ctx.em, caller.workspaceId);
  }

  @Requires(Permission.CONTACTS_WRITE)
  @Mutation(() => [String], {
    description: 'Replaces the opt-out keywords; answers them as saved (upper case, unique).',
  })
  async setOptOutKeywords(
    @Args() { keywords }: KeywordsArgs,
    @WorkspaceCaller() caller: WorkspaceIdentity,
    @Ctx() ctx: GraphQLContext,
  ): Promise<string[]> {
    return this.book.setKeywords(ctx.em, caller, ctx.meta, keywords);
  }
}
