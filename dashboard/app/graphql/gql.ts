/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment CampaignCountsFields on CampaignCounts {\n    total\n    queued\n    sending\n    sent\n    delivered\n    read\n    failed\n    skipped\n    unknown\n  }\n": typeof types.CampaignCountsFieldsFragmentDoc,
    "\n  query CampaignsPage($filter: CampaignsFilter, $after: String) {\n    campaigns(filter: $filter, first: 20, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      items {\n        id\n        name\n        status\n        templateName\n        cost\n        scheduledAt\n        createdAt\n        counts {\n          ...CampaignCountsFields\n        }\n      }\n    }\n  }\n": typeof types.CampaignsPageDocument,
    "\n  fragment CampaignFields on CampaignView {\n    id\n    name\n    status\n    pauseReason\n    pauseReasonText\n    failReason\n    channelId\n    templateId\n    templateName\n    templateLanguage\n    templateCategory\n    variables {\n      parameter\n      source\n      value\n      fallback\n    }\n    audience {\n      kind\n      tags\n      segmentId\n    }\n    headerMedia {\n      source\n      link\n      fileId\n      fileName\n      mimeType\n    }\n    scheduledAt\n    windowStart\n    windowEnd\n    timeZone\n    price\n    cost\n    retargetOf\n    startedAt\n    completedAt\n    createdAt\n    counts {\n      ...CampaignCountsFields\n    }\n  }\n": typeof types.CampaignFieldsFragmentDoc,
    "\n  query Campaign($id: ID!) {\n    campaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n": typeof types.CampaignDocument,
    "\n  query CampaignChannels {\n    channels {\n      id\n      name\n      displayNumber\n      phoneNumberId\n      status\n    }\n  }\n": typeof types.CampaignChannelsDocument,
    "\n  query CampaignTemplates($channelId: ID) {\n    templates(channelId: $channelId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          language\n          category\n          status\n          components\n          unsupported\n        }\n      }\n    }\n  }\n": typeof types.CampaignTemplatesDocument,
    "\n  query CampaignSegments {\n    segments {\n      id\n      name\n    }\n  }\n": typeof types.CampaignSegmentsDocument,
    "\n  query CampaignSampleContact($filter: ContactFilter) {\n    contacts(filter: $filter, first: 1) {\n      edges {\n        node {\n          id\n          name\n          phone\n          attributes {\n            key\n            value\n          }\n        }\n      }\n    }\n  }\n": typeof types.CampaignSampleContactDocument,
    "\n  query EstimateCampaign($id: ID!) {\n    estimateCampaign(id: $id) {\n      matched\n      suppressed\n      invalid\n      recipients\n      category\n      price\n      cost\n      available\n      shortfall\n      messagingLimit\n      limitRemainingToday\n      days\n      exceedsSpread\n    }\n  }\n": typeof types.EstimateCampaignDocument,
    "\n  mutation CreateCampaign($input: CampaignDraftInput!) {\n    createCampaign(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateCampaignDocument,
    "\n  mutation UpdateCampaign($id: ID!, $input: CampaignDraftInput!) {\n    updateCampaign(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateCampaignDocument,
    "\n  mutation SendCampaignTest($id: ID!, $phone: String!) {\n    sendTestMessage(id: $id, phone: $phone) {\n      status\n      errorCode\n    }\n  }\n": typeof types.SendCampaignTestDocument,
    "\n  mutation StartCampaign($id: ID!, $todayOnly: Boolean! = false) {\n    startCampaign(id: $id, todayOnly: $todayOnly) {\n      id\n    }\n  }\n": typeof types.StartCampaignDocument,
    "\n  mutation ScheduleCampaign($id: ID!, $at: DateTimeISO!) {\n    scheduleCampaign(id: $id, at: $at) {\n      id\n    }\n  }\n": typeof types.ScheduleCampaignDocument,
    "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      id\n    }\n  }\n": typeof types.PauseCampaignDocument,
    "\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      id\n    }\n  }\n": typeof types.ResumeCampaignDocument,
    "\n  mutation CancelCampaign($id: ID!) {\n    cancelCampaign(id: $id) {\n      id\n    }\n  }\n": typeof types.CancelCampaignDocument,
    "\n  mutation RetargetCampaign($id: ID!, $input: RetargetInput!) {\n    retargetCampaign(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.RetargetCampaignDocument,
    "\n  query CampaignRecipients($campaignId: ID!, $status: CampaignMessageStatus, $errorCode: Int, $after: String) {\n    campaignMessages(campaignId: $campaignId, status: $status, errorCode: $errorCode, first: 25, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      items {\n        id\n        phone\n        status\n        errorCode\n        charged\n      }\n    }\n  }\n": typeof types.CampaignRecipientsDocument,
    "\n  query CampaignTimeline($campaignId: ID!) {\n    campaignTimeline(campaignId: $campaignId) {\n      bucketSeconds\n      points {\n        at\n        sent\n        delivered\n        read\n        failed\n      }\n    }\n  }\n": typeof types.CampaignTimelineDocument,
    "\n  query CampaignReplies($campaignId: ID!) {\n    campaignReplies(campaignId: $campaignId, first: 10) {\n      totalCount\n      items {\n        id\n        contactId\n        phone\n        name\n        receivedAt\n        ...ReplyMediaFields\n      }\n    }\n  }\n": typeof types.CampaignRepliesDocument,
    "\n  fragment ReplyMediaFields on ReplyMedia {\n    type\n    text\n    caption\n    fileName\n    mimeType\n    location {\n      latitude\n      longitude\n      name\n      address\n    }\n  }\n": typeof types.ReplyMediaFieldsFragmentDoc,
    "\n  query NotificationStatus($first: Int!) {\n    notifications(first: $first) {\n      unreadCount\n      items {\n        id\n        type\n        title\n        body\n        link\n        createdAt\n        readAt\n      }\n    }\n  }\n": typeof types.NotificationStatusDocument,
    "\n  query NotificationsPage($first: Int!, $after: ID, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      nextCursor\n      items {\n        id\n        type\n        title\n        body\n        link\n        createdAt\n        readAt\n      }\n    }\n  }\n": typeof types.NotificationsPageDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query OverviewWallet {\n    wallet {\n      balance\n      available\n      held\n      debt\n      lowBalanceThreshold\n    }\n  }\n": typeof types.OverviewWalletDocument,
    "\n  query OverviewPayments($first: Int!) {\n    paymentOrders(first: $first) {\n      edges {\n        node {\n          id\n          orderId\n          status\n          amount\n          createdAt\n          paidAt\n        }\n      }\n    }\n  }\n": typeof types.OverviewPaymentsDocument,
    "\n  query OverviewCampaigns($first: Int!) {\n    live: campaigns(filter: { statuses: [RUNNING, PAUSED, SCHEDULED] }, first: $first) {\n      items {\n        ...OverviewCampaign\n      }\n    }\n    finished: campaigns(filter: { statuses: [COMPLETED, FAILED, CANCELLED] }, first: $first) {\n      items {\n        ...OverviewCampaign\n      }\n    }\n  }\n  fragment OverviewCampaign on CampaignView {\n    id\n    name\n    status\n    pauseReasonText\n    scheduledAt\n    completedAt\n    cost\n    counts {\n      ...CampaignCountsFields\n    }\n  }\n": typeof types.OverviewCampaignsDocument,
    "\n  query OverviewStatistics($days: Int!) {\n    messageStatistics {\n      timeZone\n      today {\n        ...OverviewPeriod\n      }\n      last7Days {\n        ...OverviewPeriod\n      }\n      last30Days {\n        ...OverviewPeriod\n      }\n      daily(days: $days) {\n        day\n        sent\n        delivered\n        read\n        failed\n        spend\n      }\n    }\n  }\n  fragment OverviewPeriod on MessagePeriodStatistics {\n    sent\n    delivered\n    read\n    failed\n    deliveryRate\n    readRate\n    spend\n  }\n": typeof types.OverviewStatisticsDocument,
    "\n  query AdminCurrentPrices {\n    prices {\n      current {\n        category\n        amount\n        validFrom\n        workspaceId\n      }\n    }\n  }\n": typeof types.AdminCurrentPricesDocument,
    "\n  query AdminPriceHistory {\n    prices {\n      history {\n        category\n        amount\n        validFrom\n        workspaceId\n      }\n    }\n  }\n": typeof types.AdminPriceHistoryDocument,
    "\n  mutation AdminSetPrice($input: SetPriceInput!) {\n    setPrice(input: $input) {\n      category\n      amount\n    }\n  }\n": typeof types.AdminSetPriceDocument,
    "\n  query ChannelsPage {\n    channels {\n      id\n      name\n      phoneNumberId\n      wabaId\n      portfolioId\n      displayNumber\n      status\n      statusReason\n      quality\n      throughput\n      messagingLimit\n      messagingLimitUsed\n      messagingLimitRemaining\n      subscribed\n      checkedAt\n      lastWebhookAt\n      webhookSilent\n      createdAt\n    }\n    replyForwarding {\n      url\n      enabled\n    }\n  }\n": typeof types.ChannelsPageDocument,
    "\n  mutation ConnectChannel($input: ConnectChannelInput!) {\n    connectChannel(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.ConnectChannelDocument,
    "\n  mutation CheckChannel($id: ID!) {\n    checkChannel(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.CheckChannelDocument,
    "\n  mutation UpdateChannelToken($id: ID!, $input: UpdateChannelInput!) {\n    updateChannel(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.UpdateChannelTokenDocument,
    "\n  mutation DisconnectChannel($id: ID!) {\n    disconnectChannel(id: $id)\n  }\n": typeof types.DisconnectChannelDocument,
    "\n  mutation SetReplyForwarding($url: String!, $enabled: Boolean!, $rotateSecret: Boolean!) {\n    setReplyForwarding(url: $url, enabled: $enabled, rotateSecret: $rotateSecret) {\n      forwarding {\n        url\n        enabled\n      }\n      secret\n    }\n  }\n": typeof types.SetReplyForwardingDocument,
    "\n  query ContactDetail($id: ID!) {\n    contact(id: $id) {\n      id\n      phone\n      name\n      tags\n      attributes {\n        key\n        value\n      }\n      source\n      consent {\n        at\n        source\n        statement\n      }\n      optedOut\n      optedOutAt\n      optedOutSource\n      marketingOptOut\n      marketingOptOutAt\n      marketingOptOutSource\n      reviewPendingAt\n      createdAt\n      updatedAt\n    }\n    contactHistory(contactId: $id, first: 50) {\n      id\n      kind\n      source\n      keyword\n      statement\n      decision\n      createdAt\n    }\n  }\n": typeof types.ContactDetailDocument,
    "\n  query ContactReplies($id: ID!, $first: Int!, $after: String) {\n    contactReplies(contactId: $id, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          receivedAt\n          channelId\n          ...ReplyMediaFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ContactRepliesDocument,
    "\n  query ReplyChannels {\n    channels {\n      id\n      name\n      displayNumber\n    }\n  }\n": typeof types.ReplyChannelsDocument,
    "\n  mutation UpdateContactDetail($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateContactDetailDocument,
    "\n  mutation OptInContactDetail($id: ID!, $kind: SuppressionKind!) {\n    optInContact(id: $id, kind: $kind) {\n      id\n    }\n  }\n": typeof types.OptInContactDetailDocument,
    "\n  mutation OptOutContactDetail($id: ID!, $kind: SuppressionKind!) {\n    optOutContacts(selection: { ids: [$id] }, kind: $kind) {\n      affected\n    }\n  }\n": typeof types.OptOutContactDetailDocument,
    "\n  mutation ResolveContactReviewDetail($id: ID!, $decision: ReviewDecision!) {\n    resolveContactReview(id: $id, decision: $decision) {\n      id\n    }\n  }\n": typeof types.ResolveContactReviewDetailDocument,
    "\n  mutation DeleteContactDetail($id: ID!) {\n    deleteContacts(selection: { ids: [$id] }) {\n      affected\n    }\n  }\n": typeof types.DeleteContactDetailDocument,
    "\n  query ContactsPage($filter: ContactFilter, $after: String) {\n    contacts(filter: $filter, first: 50, after: $after) {\n      totalCount\n      totalCountIsEstimate\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          phone\n          name\n          tags\n          optedOut\n          marketingOptOut\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.ContactsPageDocument,
    "\n  query ContactSegments {\n    segments {\n      id\n      name\n    }\n  }\n": typeof types.ContactSegmentsDocument,
    "\n  mutation TagContacts($selection: ContactSelection!, $tag: String!) {\n    tagContacts(selection: $selection, tag: $tag) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n": typeof types.TagContactsDocument,
    "\n  mutation UntagContacts($selection: ContactSelection!, $tag: String!) {\n    untagContacts(selection: $selection, tag: $tag) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n": typeof types.UntagContactsDocument,
    "\n  mutation OptOutContacts($selection: ContactSelection!, $kind: SuppressionKind!) {\n    optOutContacts(selection: $selection, kind: $kind) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n": typeof types.OptOutContactsDocument,
    "\n  mutation DeleteContacts($selection: ContactSelection!) {\n    deleteContacts(selection: $selection) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n": typeof types.DeleteContactsDocument,
    "\n  mutation ExportContacts($filter: ContactFilter) {\n    exportContacts(filter: $filter) {\n      url\n    }\n  }\n": typeof types.ExportContactsDocument,
    "\n  mutation SaveContactSegment($input: SaveSegmentInput!) {\n    saveSegment(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.SaveContactSegmentDocument,
    "\n  query ContactImportProgress($id: ID!) {\n    contactImport(id: $id) {\n      id\n      fileName\n      status\n      processedRows\n      totalRows\n      createdRows\n      updatedRows\n      skippedRows\n      rejectedRows\n      reportUrl\n      failure\n    }\n  }\n": typeof types.ContactImportProgressDocument,
    "\n  mutation StartContactImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.StartContactImportDocument,
    "\n  query ContactBulkJobProgress($id: ID!) {\n    contactBulkJob(id: $id) {\n      id\n      action\n      status\n      processedRows\n      totalRows\n    }\n  }\n": typeof types.ContactBulkJobProgressDocument,
    "\n  query OptOutKeywords {\n    optOutKeywords\n  }\n": typeof types.OptOutKeywordsDocument,
    "\n  mutation SetOptOutKeywords($keywords: [String!]!) {\n    setOptOutKeywords(keywords: $keywords)\n  }\n": typeof types.SetOptOutKeywordsDocument,
    "\n  mutation CreateContactByHand($input: CreateContactInput!) {\n    createContact(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateContactByHandDocument,
    "\n  query DashboardServerInfo {\n    serverInfo {\n      version\n      time\n    }\n  }\n": typeof types.DashboardServerInfoDocument,
    "\n  query ApiTokensPage {\n    apiTokens {\n      id\n      name\n      prefix\n      permissions\n      createdAt\n      lastUsedAt\n      revokedAt\n      createdBy {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ApiTokensPageDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  query AuditLogPage($cursor: String, $limit: Int!) {\n    auditLog(cursor: $cursor, limit: $limit) {\n      items {\n        id\n        action\n        actor {\n          id\n          name\n          email\n        }\n        actorTokenName\n        ip\n        target\n        details\n        createdAt\n      }\n      nextCursor\n    }\n  }\n": typeof types.AuditLogPageDocument,
    "\n  query MembersPage {\n    members {\n      id\n      joinedAt\n      user {\n        id\n        email\n        name\n        twoFactorEnabled\n      }\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n    }\n    roles {\n      id\n      key\n      name\n      builtIn\n    }\n  }\n": typeof types.MembersPageDocument,
    "\n  query MembersPageInvitations {\n    invitations {\n      id\n      email\n      status\n      expiresAt\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n    }\n  }\n": typeof types.MembersPageInvitationsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      url\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($invitationId: ID!) {\n    revokeInvitation(invitationId: $invitationId)\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation IssuePasswordResetLink($memberId: ID!) {\n    issuePasswordResetLink(memberId: $memberId) {\n      url\n    }\n  }\n": typeof types.IssuePasswordResetLinkDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      id\n      user {\n        name\n      }\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($memberId: ID!) {\n    removeMember(memberId: $memberId)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      ip\n      userAgent\n      current\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      language\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation StartTwoFactorSetup {\n    startTwoFactorSetup {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n": typeof types.StartTwoFactorSetupDocument,
    "\n  mutation EnableTwoFactor($input: EnableTwoFactorInput!) {\n    enableTwoFactor(input: $input) {\n      codes\n    }\n  }\n": typeof types.EnableTwoFactorDocument,
    "\n  mutation DisableTwoFactor($input: DisableTwoFactorInput!) {\n    disableTwoFactor(input: $input)\n  }\n": typeof types.DisableTwoFactorDocument,
    "\n  mutation RegenerateRecoveryCodes($input: RegenerateRecoveryCodesInput!) {\n    regenerateRecoveryCodes(input: $input) {\n      codes\n    }\n  }\n": typeof types.RegenerateRecoveryCodesDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  query RolesPage {\n    roles {\n      id\n      key\n      name\n      builtIn\n      permissions\n      memberCount\n    }\n  }\n": typeof types.RolesPageDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateRoleDocument,
    "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.UpdateRoleDocument,
    "\n  mutation DeleteRole($roleId: ID!) {\n    deleteRole(roleId: $roleId)\n  }\n": typeof types.DeleteRoleDocument,
    "\n  mutation UpdateWorkspaceTimeZone($timeZone: WorkspaceTimeZone!) {\n    updateWorkspaceTimeZone(timeZone: $timeZone) {\n      id\n      timeZone\n    }\n  }\n": typeof types.UpdateWorkspaceTimeZoneDocument,
    "\n  query TemplateChannels {\n    channels {\n      id\n      name\n      displayNumber\n      phoneNumberId\n      wabaId\n    }\n  }\n": typeof types.TemplateChannelsDocument,
    "\n  query TemplatesPage($channelId: ID, $first: Int!, $after: String) {\n    templates(channelId: $channelId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          language\n          category\n          parameterFormat\n          status\n          quality\n          components\n          unsupported\n          syncedAt\n          wabaId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n      lastSyncedAt\n    }\n  }\n": typeof types.TemplatesPageDocument,
    "\n  mutation SyncTemplates($channelId: ID!) {\n    syncTemplates(channelId: $channelId)\n  }\n": typeof types.SyncTemplatesDocument,
    "\n  query WalletPage {\n    wallet {\n      balance\n      held\n      available\n      debt\n    }\n  }\n": typeof types.WalletPageDocument,
    "\n  query WalletPaymentOrders($first: Int!, $after: String, $filter: PaymentOrderFilter) {\n    paymentOrders(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          orderId\n          status\n          amount\n          createdAt\n          paidAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.WalletPaymentOrdersDocument,
    "\n  mutation CreateTopup($input: CreateTopupInput!) {\n    createTopup(input: $input) {\n      order {\n        orderId\n        status\n        amount\n      }\n      snapToken\n      redirectUrl\n    }\n  }\n": typeof types.CreateTopupDocument,
    "\n  mutation CheckTopup($orderId: String!) {\n    checkTopup(orderId: $orderId) {\n      orderId\n      status\n      amount\n    }\n  }\n": typeof types.CheckTopupDocument,
    "\n  query WalletBillingProfile {\n    billingProfile {\n      legalName\n      npwp\n      address\n      invoiceEmail\n    }\n  }\n": typeof types.WalletBillingProfileDocument,
    "\n  mutation UpdateBillingProfile($input: BillingProfileInput!) {\n    updateBillingProfile(input: $input) {\n      legalName\n    }\n  }\n": typeof types.UpdateBillingProfileDocument,
    "\n  query WalletLedger($first: Int!, $after: String, $filter: LedgerEntryFilter) {\n    ledgerEntries(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          kind\n          amount\n          heldDelta\n          balanceAfter\n          reference\n          actor\n          createdAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.WalletLedgerDocument,
    "\n  query WalletReceipt($orderId: String!) {\n    receipt(orderId: $orderId) {\n      number\n      title\n      issuedAt\n      subtotal\n      tax\n      total\n      lines {\n        description\n        amount\n      }\n      billedTo {\n        legalName\n        npwp\n        address\n        invoiceEmail\n      }\n      order {\n        orderId\n        status\n        paymentType\n      }\n    }\n  }\n": typeof types.WalletReceiptDocument,
    "\n  mutation ForcedChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ForcedChangePasswordDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      workspaceName\n      expiresAt\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      id\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation AcceptInvitationWithNewAccount($input: AcceptInvitationWithNewAccountInput!) {\n    acceptInvitationWithNewAccount(input: $input) {\n      status\n      sessionToken\n      mustChangePassword\n    }\n  }\n": typeof types.AcceptInvitationWithNewAccountDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      status\n      sessionToken\n      challengeToken\n      mustChangePassword\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation VerifyTwoFactor($input: VerifyTwoFactorInput!) {\n    verifyTwoFactor(input: $input) {\n      status\n      sessionToken\n      mustChangePassword\n    }\n  }\n": typeof types.VerifyTwoFactorDocument,
    "\n  query PasswordResetPreview($token: String!) {\n    passwordResetLink(token: $token) {\n      email\n      expiresAt\n    }\n  }\n": typeof types.PasswordResetPreviewDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query WalletStatement($month: String!) {\n    monthlyStatement(month: $month) {\n      csv\n      filename\n    }\n  }\n": typeof types.WalletStatementDocument,
    "\n  query CurrentUser {\n    me {\n      id\n      email\n      name\n      language\n      isPlatformAdmin\n      mustChangePassword\n      twoFactorEnabled\n      workspace {\n        id\n        name\n        timeZone\n      }\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n      permissions\n    }\n  }\n": typeof types.CurrentUserDocument,
    "\n  mutation SaveAccountLanguage($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      language\n    }\n  }\n": typeof types.SaveAccountLanguageDocument,
    "\n  query GlobalSearch($query: String!, $first: Int!) {\n    search(query: $query, first: $first) {\n      kind\n      id\n      title\n      detail\n      link\n      rank\n    }\n  }\n": typeof types.GlobalSearchDocument,
};
const documents: Documents = {
    "\n  fragment CampaignCountsFields on CampaignCounts {\n    total\n    queued\n    sending\n    sent\n    delivered\n    read\n    failed\n    skipped\n    unknown\n  }\n": types.CampaignCountsFieldsFragmentDoc,
    "\n  query CampaignsPage($filter: CampaignsFilter, $after: String) {\n    campaigns(filter: $filter, first: 20, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      items {\n        id\n        name\n        status\n        templateName\n        cost\n        scheduledAt\n        createdAt\n        counts {\n          ...CampaignCountsFields\n        }\n      }\n    }\n  }\n": types.CampaignsPageDocument,
    "\n  fragment CampaignFields on CampaignView {\n    id\n    name\n    status\n    pauseReason\n    pauseReasonText\n    failReason\n    channelId\n    templateId\n    templateName\n    templateLanguage\n    templateCategory\n    variables {\n      parameter\n      source\n      value\n      fallback\n    }\n    audience {\n      kind\n      tags\n      segmentId\n    }\n    headerMedia {\n      source\n      link\n      fileId\n      fileName\n      mimeType\n    }\n    scheduledAt\n    windowStart\n    windowEnd\n    timeZone\n    price\n    cost\n    retargetOf\n    startedAt\n    completedAt\n    createdAt\n    counts {\n      ...CampaignCountsFields\n    }\n  }\n": types.CampaignFieldsFragmentDoc,
    "\n  query Campaign($id: ID!) {\n    campaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n": types.CampaignDocument,
    "\n  query CampaignChannels {\n    channels {\n      id\n      name\n      displayNumber\n      phoneNumberId\n      status\n    }\n  }\n": types.CampaignChannelsDocument,
    "\n  query CampaignTemplates($channelId: ID) {\n    templates(channelId: $channelId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          language\n          category\n          status\n          components\n          unsupported\n        }\n      }\n    }\n  }\n": types.CampaignTemplatesDocument,
    "\n  query CampaignSegments {\n    segments {\n      id\n      name\n    }\n  }\n": types.CampaignSegmentsDocument,
    "\n  query CampaignSampleContact($filter: ContactFilter) {\n    contacts(filter: $filter, first: 1) {\n      edges {\n        node {\n          id\n          name\n          phone\n          attributes {\n            key\n            value\n          }\n        }\n      }\n    }\n  }\n": types.CampaignSampleContactDocument,
    "\n  query EstimateCampaign($id: ID!) {\n    estimateCampaign(id: $id) {\n      matched\n      suppressed\n      invalid\n      recipients\n      category\n      price\n      cost\n      available\n      shortfall\n      messagingLimit\n      limitRemainingToday\n      days\n      exceedsSpread\n    }\n  }\n": types.EstimateCampaignDocument,
    "\n  mutation CreateCampaign($input: CampaignDraftInput!) {\n    createCampaign(input: $input) {\n      id\n    }\n  }\n": types.CreateCampaignDocument,
    "\n  mutation UpdateCampaign($id: ID!, $input: CampaignDraftInput!) {\n    updateCampaign(id: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdateCampaignDocument,
    "\n  mutation SendCampaignTest($id: ID!, $phone: String!) {\n    sendTestMessage(id: $id, phone: $phone) {\n      status\n      errorCode\n    }\n  }\n": types.SendCampaignTestDocument,
    "\n  mutation StartCampaign($id: ID!, $todayOnly: Boolean! = false) {\n    startCampaign(id: $id, todayOnly: $todayOnly) {\n      id\n    }\n  }\n": types.StartCampaignDocument,
    "\n  mutation ScheduleCampaign($id: ID!, $at: DateTimeISO!) {\n    scheduleCampaign(id: $id, at: $at) {\n      id\n    }\n  }\n": types.ScheduleCampaignDocument,
    "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      id\n    }\n  }\n": types.PauseCampaignDocument,
    "\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      id\n    }\n  }\n": types.ResumeCampaignDocument,
    "\n  mutation CancelCampaign($id: ID!) {\n    cancelCampaign(id: $id) {\n      id\n    }\n  }\n": types.CancelCampaignDocument,
    "\n  mutation RetargetCampaign($id: ID!, $input: RetargetInput!) {\n    retargetCampaign(id: $id, input: $input) {\n      id\n    }\n  }\n": types.RetargetCampaignDocument,
    "\n  query CampaignRecipients($campaignId: ID!, $status: CampaignMessageStatus, $errorCode: Int, $after: String) {\n    campaignMessages(campaignId: $campaignId, status: $status, errorCode: $errorCode, first: 25, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      items {\n        id\n        phone\n        status\n        errorCode\n        charged\n      }\n    }\n  }\n": types.CampaignRecipientsDocument,
    "\n  query CampaignTimeline($campaignId: ID!) {\n    campaignTimeline(campaignId: $campaignId) {\n      bucketSeconds\n      points {\n        at\n        sent\n        delivered\n        read\n        failed\n      }\n    }\n  }\n": types.CampaignTimelineDocument,
    "\n  query CampaignReplies($campaignId: ID!) {\n    campaignReplies(campaignId: $campaignId, first: 10) {\n      totalCount\n      items {\n        id\n        contactId\n        phone\n        name\n        receivedAt\n        ...ReplyMediaFields\n      }\n    }\n  }\n": types.CampaignRepliesDocument,
    "\n  fragment ReplyMediaFields on ReplyMedia {\n    type\n    text\n    caption\n    fileName\n    mimeType\n    location {\n      latitude\n      longitude\n      name\n      address\n    }\n  }\n": types.ReplyMediaFieldsFragmentDoc,
    "\n  query NotificationStatus($first: Int!) {\n    notifications(first: $first) {\n      unreadCount\n      items {\n        id\n        type\n        title\n        body\n        link\n        createdAt\n        readAt\n      }\n    }\n  }\n": types.NotificationStatusDocument,
    "\n  query NotificationsPage($first: Int!, $after: ID, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      nextCursor\n      items {\n        id\n        type\n        title\n        body\n        link\n        createdAt\n        readAt\n      }\n    }\n  }\n": types.NotificationsPageDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query OverviewWallet {\n    wallet {\n      balance\n      available\n      held\n      debt\n      lowBalanceThreshold\n    }\n  }\n": types.OverviewWalletDocument,
    "\n  query OverviewPayments($first: Int!) {\n    paymentOrders(first: $first) {\n      edges {\n        node {\n          id\n          orderId\n          status\n          amount\n          createdAt\n          paidAt\n        }\n      }\n    }\n  }\n": types.OverviewPaymentsDocument,
    "\n  query OverviewCampaigns($first: Int!) {\n    live: campaigns(filter: { statuses: [RUNNING, PAUSED, SCHEDULED] }, first: $first) {\n      items {\n        ...OverviewCampaign\n      }\n    }\n    finished: campaigns(filter: { statuses: [COMPLETED, FAILED, CANCELLED] }, first: $first) {\n      items {\n        ...OverviewCampaign\n      }\n    }\n  }\n  fragment OverviewCampaign on CampaignView {\n    id\n    name\n    status\n    pauseReasonText\n    scheduledAt\n    completedAt\n    cost\n    counts {\n      ...CampaignCountsFields\n    }\n  }\n": types.OverviewCampaignsDocument,
    "\n  query OverviewStatistics($days: Int!) {\n    messageStatistics {\n      timeZone\n      today {\n        ...OverviewPeriod\n      }\n      last7Days {\n        ...OverviewPeriod\n      }\n      last30Days {\n        ...OverviewPeriod\n      }\n      daily(days: $days) {\n        day\n        sent\n        delivered\n        read\n        failed\n        spend\n      }\n    }\n  }\n  fragment OverviewPeriod on MessagePeriodStatistics {\n    sent\n    delivered\n    read\n    failed\n    deliveryRate\n    readRate\n    spend\n  }\n": types.OverviewStatisticsDocument,
    "\n  query AdminCurrentPrices {\n    prices {\n      current {\n        category\n        amount\n        validFrom\n        workspaceId\n      }\n    }\n  }\n": types.AdminCurrentPricesDocument,
    "\n  query AdminPriceHistory {\n    prices {\n      history {\n        category\n        amount\n        validFrom\n        workspaceId\n      }\n    }\n  }\n": types.AdminPriceHistoryDocument,
    "\n  mutation AdminSetPrice($input: SetPriceInput!) {\n    setPrice(input: $input) {\n      category\n      amount\n    }\n  }\n": types.AdminSetPriceDocument,
    "\n  query ChannelsPage {\n    channels {\n      id\n      name\n      phoneNumberId\n      wabaId\n      portfolioId\n      displayNumber\n      status\n      statusReason\n      quality\n      throughput\n      messagingLimit\n      messagingLimitUsed\n      messagingLimitRemaining\n      subscribed\n      checkedAt\n      lastWebhookAt\n      webhookSilent\n      createdAt\n    }\n    replyForwarding {\n      url\n      enabled\n    }\n  }\n": types.ChannelsPageDocument,
    "\n  mutation ConnectChannel($input: ConnectChannelInput!) {\n    connectChannel(input: $input) {\n      id\n      name\n    }\n  }\n": types.ConnectChannelDocument,
    "\n  mutation CheckChannel($id: ID!) {\n    checkChannel(id: $id) {\n      id\n      name\n    }\n  }\n": types.CheckChannelDocument,
    "\n  mutation UpdateChannelToken($id: ID!, $input: UpdateChannelInput!) {\n    updateChannel(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n": types.UpdateChannelTokenDocument,
    "\n  mutation DisconnectChannel($id: ID!) {\n    disconnectChannel(id: $id)\n  }\n": types.DisconnectChannelDocument,
    "\n  mutation SetReplyForwarding($url: String!, $enabled: Boolean!, $rotateSecret: Boolean!) {\n    setReplyForwarding(url: $url, enabled: $enabled, rotateSecret: $rotateSecret) {\n      forwarding {\n        url\n        enabled\n      }\n      secret\n    }\n  }\n": types.SetReplyForwardingDocument,
    "\n  query ContactDetail($id: ID!) {\n    contact(id: $id) {\n      id\n      phone\n      name\n      tags\n      attributes {\n        key\n        value\n      }\n      source\n      consent {\n        at\n        source\n        statement\n      }\n      optedOut\n      optedOutAt\n      optedOutSource\n      marketingOptOut\n      marketingOptOutAt\n      marketingOptOutSource\n      reviewPendingAt\n      createdAt\n      updatedAt\n    }\n    contactHistory(contactId: $id, first: 50) {\n      id\n      kind\n      source\n      keyword\n      statement\n      decision\n      createdAt\n    }\n  }\n": types.ContactDetailDocument,
    "\n  query ContactReplies($id: ID!, $first: Int!, $after: String) {\n    contactReplies(contactId: $id, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          receivedAt\n          channelId\n          ...ReplyMediaFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ContactRepliesDocument,
    "\n  query ReplyChannels {\n    channels {\n      id\n      name\n      displayNumber\n    }\n  }\n": types.ReplyChannelsDocument,
    "\n  mutation UpdateContactDetail($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      id\n    }\n  }\n": types.UpdateContactDetailDocument,
    "\n  mutation OptInContactDetail($id: ID!, $kind: SuppressionKind!) {\n    optInContact(id: $id, kind: $kind) {\n      id\n    }\n  }\n": types.OptInContactDetailDocument,
    "\n  mutation OptOutContactDetail($id: ID!, $kind: SuppressionKind!) {\n    optOutContacts(selection: { ids: [$id] }, kind: $kind) {\n      affected\n    }\n  }\n": types.OptOutContactDetailDocument,
    "\n  mutation ResolveContactReviewDetail($id: ID!, $decision: ReviewDecision!) {\n    resolveContactReview(id: $id, decision: $decision) {\n      id\n    }\n  }\n": types.ResolveContactReviewDetailDocument,
    "\n  mutation DeleteContactDetail($id: ID!) {\n    deleteContacts(selection: { ids: [$id] }) {\n      affected\n    }\n  }\n": types.DeleteContactDetailDocument,
    "\n  query ContactsPage($filter: ContactFilter, $after: String) {\n    contacts(filter: $filter, first: 50, after: $after) {\n      totalCount\n      totalCountIsEstimate\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          phone\n          name\n          tags\n          optedOut\n          marketingOptOut\n          createdAt\n        }\n      }\n    }\n  }\n": types.ContactsPageDocument,
    "\n  query ContactSegments {\n    segments {\n      id\n      name\n    }\n  }\n": types.ContactSegmentsDocument,
    "\n  mutation TagContacts($selection: ContactSelection!, $tag: String!) {\n    tagContacts(selection: $selection, tag: $tag) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n": types.TagContactsDocument,
    "\n  mutation UntagContacts($selection: ContactSelection!, $tag: String!) {\n    untagContacts(selection: $selection, tag: $tag) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n": types.UntagContactsDocument,
    "\n  mutation OptOutContacts($selection: ContactSelection!, $kind: SuppressionKind!) {\n    optOutContacts(selection: $selection, kind: $kind) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n": types.OptOutContactsDocument,
    "\n  mutation DeleteContacts($selection: ContactSelection!) {\n    deleteContacts(selection: $selection) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n": types.DeleteContactsDocument,
    "\n  mutation ExportContacts($filter: ContactFilter) {\n    exportContacts(filter: $filter) {\n      url\n    }\n  }\n": types.ExportContactsDocument,
    "\n  mutation SaveContactSegment($input: SaveSegmentInput!) {\n    saveSegment(input: $input) {\n      id\n      name\n    }\n  }\n": types.SaveContactSegmentDocument,
    "\n  query ContactImportProgress($id: ID!) {\n    contactImport(id: $id) {\n      id\n      fileName\n      status\n      processedRows\n      totalRows\n      createdRows\n      updatedRows\n      skippedRows\n      rejectedRows\n      reportUrl\n      failure\n    }\n  }\n": types.ContactImportProgressDocument,
    "\n  mutation StartContactImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      id\n      status\n    }\n  }\n": types.StartContactImportDocument,
    "\n  query ContactBulkJobProgress($id: ID!) {\n    contactBulkJob(id: $id) {\n      id\n      action\n      status\n      processedRows\n      totalRows\n    }\n  }\n": types.ContactBulkJobProgressDocument,
    "\n  query OptOutKeywords {\n    optOutKeywords\n  }\n": types.OptOutKeywordsDocument,
    "\n  mutation SetOptOutKeywords($keywords: [String!]!) {\n    setOptOutKeywords(keywords: $keywords)\n  }\n": types.SetOptOutKeywordsDocument,
    "\n  mutation CreateContactByHand($input: CreateContactInput!) {\n    createContact(input: $input) {\n      id\n    }\n  }\n": types.CreateContactByHandDocument,
    "\n  query DashboardServerInfo {\n    serverInfo {\n      version\n      time\n    }\n  }\n": types.DashboardServerInfoDocument,
    "\n  query ApiTokensPage {\n    apiTokens {\n      id\n      name\n      prefix\n      permissions\n      createdAt\n      lastUsedAt\n      revokedAt\n      createdBy {\n        id\n        name\n      }\n    }\n  }\n": types.ApiTokensPageDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  query AuditLogPage($cursor: String, $limit: Int!) {\n    auditLog(cursor: $cursor, limit: $limit) {\n      items {\n        id\n        action\n        actor {\n          id\n          name\n          email\n        }\n        actorTokenName\n        ip\n        target\n        details\n        createdAt\n      }\n      nextCursor\n    }\n  }\n": types.AuditLogPageDocument,
    "\n  query MembersPage {\n    members {\n      id\n      joinedAt\n      user {\n        id\n        email\n        name\n        twoFactorEnabled\n      }\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n    }\n    roles {\n      id\n      key\n      name\n      builtIn\n    }\n  }\n": types.MembersPageDocument,
    "\n  query MembersPageInvitations {\n    invitations {\n      id\n      email\n      status\n      expiresAt\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n    }\n  }\n": types.MembersPageInvitationsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      url\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($invitationId: ID!) {\n    revokeInvitation(invitationId: $invitationId)\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation IssuePasswordResetLink($memberId: ID!) {\n    issuePasswordResetLink(memberId: $memberId) {\n      url\n    }\n  }\n": types.IssuePasswordResetLinkDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      id\n      user {\n        name\n      }\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($memberId: ID!) {\n    removeMember(memberId: $memberId)\n  }\n": types.RemoveMemberDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      ip\n      userAgent\n      current\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      language\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation StartTwoFactorSetup {\n    startTwoFactorSetup {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n": types.StartTwoFactorSetupDocument,
    "\n  mutation EnableTwoFactor($input: EnableTwoFactorInput!) {\n    enableTwoFactor(input: $input) {\n      codes\n    }\n  }\n": types.EnableTwoFactorDocument,
    "\n  mutation DisableTwoFactor($input: DisableTwoFactorInput!) {\n    disableTwoFactor(input: $input)\n  }\n": types.DisableTwoFactorDocument,
    "\n  mutation RegenerateRecoveryCodes($input: RegenerateRecoveryCodesInput!) {\n    regenerateRecoveryCodes(input: $input) {\n      codes\n    }\n  }\n": types.RegenerateRecoveryCodesDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": types.RevokeSessionDocument,
    "\n  query RolesPage {\n    roles {\n      id\n      key\n      name\n      builtIn\n      permissions\n      memberCount\n    }\n  }\n": types.RolesPageDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateRoleDocument,
    "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      id\n      name\n    }\n  }\n": types.UpdateRoleDocument,
    "\n  mutation DeleteRole($roleId: ID!) {\n    deleteRole(roleId: $roleId)\n  }\n": types.DeleteRoleDocument,
    "\n  mutation UpdateWorkspaceTimeZone($timeZone: WorkspaceTimeZone!) {\n    updateWorkspaceTimeZone(timeZone: $timeZone) {\n      id\n      timeZone\n    }\n  }\n": types.UpdateWorkspaceTimeZoneDocument,
    "\n  query TemplateChannels {\n    channels {\n      id\n      name\n      displayNumber\n      phoneNumberId\n      wabaId\n    }\n  }\n": types.TemplateChannelsDocument,
    "\n  query TemplatesPage($channelId: ID, $first: Int!, $after: String) {\n    templates(channelId: $channelId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          language\n          category\n          parameterFormat\n          status\n          quality\n          components\n          unsupported\n          syncedAt\n          wabaId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n      lastSyncedAt\n    }\n  }\n": types.TemplatesPageDocument,
    "\n  mutation SyncTemplates($channelId: ID!) {\n    syncTemplates(channelId: $channelId)\n  }\n": types.SyncTemplatesDocument,
    "\n  query WalletPage {\n    wallet {\n      balance\n      held\n      available\n      debt\n    }\n  }\n": types.WalletPageDocument,
    "\n  query WalletPaymentOrders($first: Int!, $after: String, $filter: PaymentOrderFilter) {\n    paymentOrders(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          orderId\n          status\n          amount\n          createdAt\n          paidAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.WalletPaymentOrdersDocument,
    "\n  mutation CreateTopup($input: CreateTopupInput!) {\n    createTopup(input: $input) {\n      order {\n        orderId\n        status\n        amount\n      }\n      snapToken\n      redirectUrl\n    }\n  }\n": types.CreateTopupDocument,
    "\n  mutation CheckTopup($orderId: String!) {\n    checkTopup(orderId: $orderId) {\n      orderId\n      status\n      amount\n    }\n  }\n": types.CheckTopupDocument,
    "\n  query WalletBillingProfile {\n    billingProfile {\n      legalName\n      npwp\n      address\n      invoiceEmail\n    }\n  }\n": types.WalletBillingProfileDocument,
    "\n  mutation UpdateBillingProfile($input: BillingProfileInput!) {\n    updateBillingProfile(input: $input) {\n      legalName\n    }\n  }\n": types.UpdateBillingProfileDocument,
    "\n  query WalletLedger($first: Int!, $after: String, $filter: LedgerEntryFilter) {\n    ledgerEntries(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          kind\n          amount\n          heldDelta\n          balanceAfter\n          reference\n          actor\n          createdAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.WalletLedgerDocument,
    "\n  query WalletReceipt($orderId: String!) {\n    receipt(orderId: $orderId) {\n      number\n      title\n      issuedAt\n      subtotal\n      tax\n      total\n      lines {\n        description\n        amount\n      }\n      billedTo {\n        legalName\n        npwp\n        address\n        invoiceEmail\n      }\n      order {\n        orderId\n        status\n        paymentType\n      }\n    }\n  }\n": types.WalletReceiptDocument,
    "\n  mutation ForcedChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ForcedChangePasswordDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      workspaceName\n      expiresAt\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      id\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation AcceptInvitationWithNewAccount($input: AcceptInvitationWithNewAccountInput!) {\n    acceptInvitationWithNewAccount(input: $input) {\n      status\n      sessionToken\n      mustChangePassword\n    }\n  }\n": types.AcceptInvitationWithNewAccountDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      status\n      sessionToken\n      challengeToken\n      mustChangePassword\n    }\n  }\n": types.LoginDocument,
    "\n  mutation VerifyTwoFactor($input: VerifyTwoFactorInput!) {\n    verifyTwoFactor(input: $input) {\n      status\n      sessionToken\n      mustChangePassword\n    }\n  }\n": types.VerifyTwoFactorDocument,
    "\n  query PasswordResetPreview($token: String!) {\n    passwordResetLink(token: $token) {\n      email\n      expiresAt\n    }\n  }\n": types.PasswordResetPreviewDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query WalletStatement($month: String!) {\n    monthlyStatement(month: $month) {\n      csv\n      filename\n    }\n  }\n": types.WalletStatementDocument,
    "\n  query CurrentUser {\n    me {\n      id\n      email\n      name\n      language\n      isPlatformAdmin\n      mustChangePassword\n      twoFactorEnabled\n      workspace {\n        id\n        name\n        timeZone\n      }\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n      permissions\n    }\n  }\n": types.CurrentUserDocument,
    "\n  mutation SaveAccountLanguage($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      language\n    }\n  }\n": types.SaveAccountLanguageDocument,
    "\n  query GlobalSearch($query: String!, $first: Int!) {\n    search(query: $query, first: $first) {\n      kind\n      id\n      title\n      detail\n      link\n      rank\n    }\n  }\n": types.GlobalSearchDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CampaignCountsFields on CampaignCounts {\n    total\n    queued\n    sending\n    sent\n    delivered\n    read\n    failed\n    skipped\n    unknown\n  }\n"): (typeof documents)["\n  fragment CampaignCountsFields on CampaignCounts {\n    total\n    queued\n    sending\n    sent\n    delivered\n    read\n    failed\n    skipped\n    unknown\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignsPage($filter: CampaignsFilter, $after: String) {\n    campaigns(filter: $filter, first: 20, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      items {\n        id\n        name\n        status\n        templateName\n        cost\n        scheduledAt\n        createdAt\n        counts {\n          ...CampaignCountsFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignsPage($filter: CampaignsFilter, $after: String) {\n    campaigns(filter: $filter, first: 20, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      items {\n        id\n        name\n        status\n        templateName\n        cost\n        scheduledAt\n        createdAt\n        counts {\n          ...CampaignCountsFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CampaignFields on CampaignView {\n    id\n    name\n    status\n    pauseReason\n    pauseReasonText\n    failReason\n    channelId\n    templateId\n    templateName\n    templateLanguage\n    templateCategory\n    variables {\n      parameter\n      source\n      value\n      fallback\n    }\n    audience {\n      kind\n      tags\n      segmentId\n    }\n    headerMedia {\n      source\n      link\n      fileId\n      fileName\n      mimeType\n    }\n    scheduledAt\n    windowStart\n    windowEnd\n    timeZone\n    price\n    cost\n    retargetOf\n    startedAt\n    completedAt\n    createdAt\n    counts {\n      ...CampaignCountsFields\n    }\n  }\n"): (typeof documents)["\n  fragment CampaignFields on CampaignView {\n    id\n    name\n    status\n    pauseReason\n    pauseReasonText\n    failReason\n    channelId\n    templateId\n    templateName\n    templateLanguage\n    templateCategory\n    variables {\n      parameter\n      source\n      value\n      fallback\n    }\n    audience {\n      kind\n      tags\n      segmentId\n    }\n    headerMedia {\n      source\n      link\n      fileId\n      fileName\n      mimeType\n    }\n    scheduledAt\n    windowStart\n    windowEnd\n    timeZone\n    price\n    cost\n    retargetOf\n    startedAt\n    completedAt\n    createdAt\n    counts {\n      ...CampaignCountsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Campaign($id: ID!) {\n    campaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n"): (typeof documents)["\n  query Campaign($id: ID!) {\n    campaign(id: $id) {\n      ...CampaignFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignChannels {\n    channels {\n      id\n      name\n      displayNumber\n      phoneNumberId\n      status\n    }\n  }\n"): (typeof documents)["\n  query CampaignChannels {\n    channels {\n      id\n      name\n      displayNumber\n      phoneNumberId\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignTemplates($channelId: ID) {\n    templates(channelId: $channelId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          language\n          category\n          status\n          components\n          unsupported\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignTemplates($channelId: ID) {\n    templates(channelId: $channelId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          language\n          category\n          status\n          components\n          unsupported\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignSegments {\n    segments {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query CampaignSegments {\n    segments {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignSampleContact($filter: ContactFilter) {\n    contacts(filter: $filter, first: 1) {\n      edges {\n        node {\n          id\n          name\n          phone\n          attributes {\n            key\n            value\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignSampleContact($filter: ContactFilter) {\n    contacts(filter: $filter, first: 1) {\n      edges {\n        node {\n          id\n          name\n          phone\n          attributes {\n            key\n            value\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EstimateCampaign($id: ID!) {\n    estimateCampaign(id: $id) {\n      matched\n      suppressed\n      invalid\n      recipients\n      category\n      price\n      cost\n      available\n      shortfall\n      messagingLimit\n      limitRemainingToday\n      days\n      exceedsSpread\n    }\n  }\n"): (typeof documents)["\n  query EstimateCampaign($id: ID!) {\n    estimateCampaign(id: $id) {\n      matched\n      suppressed\n      invalid\n      recipients\n      category\n      price\n      cost\n      available\n      shortfall\n      messagingLimit\n      limitRemainingToday\n      days\n      exceedsSpread\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCampaign($input: CampaignDraftInput!) {\n    createCampaign(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCampaign($input: CampaignDraftInput!) {\n    createCampaign(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCampaign($id: ID!, $input: CampaignDraftInput!) {\n    updateCampaign(id: $id, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCampaign($id: ID!, $input: CampaignDraftInput!) {\n    updateCampaign(id: $id, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendCampaignTest($id: ID!, $phone: String!) {\n    sendTestMessage(id: $id, phone: $phone) {\n      status\n      errorCode\n    }\n  }\n"): (typeof documents)["\n  mutation SendCampaignTest($id: ID!, $phone: String!) {\n    sendTestMessage(id: $id, phone: $phone) {\n      status\n      errorCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartCampaign($id: ID!, $todayOnly: Boolean! = false) {\n    startCampaign(id: $id, todayOnly: $todayOnly) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StartCampaign($id: ID!, $todayOnly: Boolean! = false) {\n    startCampaign(id: $id, todayOnly: $todayOnly) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleCampaign($id: ID!, $at: DateTimeISO!) {\n    scheduleCampaign(id: $id, at: $at) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleCampaign($id: ID!, $at: DateTimeISO!) {\n    scheduleCampaign(id: $id, at: $at) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelCampaign($id: ID!) {\n    cancelCampaign(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CancelCampaign($id: ID!) {\n    cancelCampaign(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetargetCampaign($id: ID!, $input: RetargetInput!) {\n    retargetCampaign(id: $id, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RetargetCampaign($id: ID!, $input: RetargetInput!) {\n    retargetCampaign(id: $id, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignRecipients($campaignId: ID!, $status: CampaignMessageStatus, $errorCode: Int, $after: String) {\n    campaignMessages(campaignId: $campaignId, status: $status, errorCode: $errorCode, first: 25, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      items {\n        id\n        phone\n        status\n        errorCode\n        charged\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignRecipients($campaignId: ID!, $status: CampaignMessageStatus, $errorCode: Int, $after: String) {\n    campaignMessages(campaignId: $campaignId, status: $status, errorCode: $errorCode, first: 25, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      items {\n        id\n        phone\n        status\n        errorCode\n        charged\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignTimeline($campaignId: ID!) {\n    campaignTimeline(campaignId: $campaignId) {\n      bucketSeconds\n      points {\n        at\n        sent\n        delivered\n        read\n        failed\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignTimeline($campaignId: ID!) {\n    campaignTimeline(campaignId: $campaignId) {\n      bucketSeconds\n      points {\n        at\n        sent\n        delivered\n        read\n        failed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignReplies($campaignId: ID!) {\n    campaignReplies(campaignId: $campaignId, first: 10) {\n      totalCount\n      items {\n        id\n        contactId\n        phone\n        name\n        receivedAt\n        ...ReplyMediaFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignReplies($campaignId: ID!) {\n    campaignReplies(campaignId: $campaignId, first: 10) {\n      totalCount\n      items {\n        id\n        contactId\n        phone\n        name\n        receivedAt\n        ...ReplyMediaFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReplyMediaFields on ReplyMedia {\n    type\n    text\n    caption\n    fileName\n    mimeType\n    location {\n      latitude\n      longitude\n      name\n      address\n    }\n  }\n"): (typeof documents)["\n  fragment ReplyMediaFields on ReplyMedia {\n    type\n    text\n    caption\n    fileName\n    mimeType\n    location {\n      latitude\n      longitude\n      name\n      address\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationStatus($first: Int!) {\n    notifications(first: $first) {\n      unreadCount\n      items {\n        id\n        type\n        title\n        body\n        link\n        createdAt\n        readAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationStatus($first: Int!) {\n    notifications(first: $first) {\n      unreadCount\n      items {\n        id\n        type\n        title\n        body\n        link\n        createdAt\n        readAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationsPage($first: Int!, $after: ID, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      nextCursor\n      items {\n        id\n        type\n        title\n        body\n        link\n        createdAt\n        readAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationsPage($first: Int!, $after: ID, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      nextCursor\n      items {\n        id\n        type\n        title\n        body\n        link\n        createdAt\n        readAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewWallet {\n    wallet {\n      balance\n      available\n      held\n      debt\n      lowBalanceThreshold\n    }\n  }\n"): (typeof documents)["\n  query OverviewWallet {\n    wallet {\n      balance\n      available\n      held\n      debt\n      lowBalanceThreshold\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewPayments($first: Int!) {\n    paymentOrders(first: $first) {\n      edges {\n        node {\n          id\n          orderId\n          status\n          amount\n          createdAt\n          paidAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverviewPayments($first: Int!) {\n    paymentOrders(first: $first) {\n      edges {\n        node {\n          id\n          orderId\n          status\n          amount\n          createdAt\n          paidAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewCampaigns($first: Int!) {\n    live: campaigns(filter: { statuses: [RUNNING, PAUSED, SCHEDULED] }, first: $first) {\n      items {\n        ...OverviewCampaign\n      }\n    }\n    finished: campaigns(filter: { statuses: [COMPLETED, FAILED, CANCELLED] }, first: $first) {\n      items {\n        ...OverviewCampaign\n      }\n    }\n  }\n  fragment OverviewCampaign on CampaignView {\n    id\n    name\n    status\n    pauseReasonText\n    scheduledAt\n    completedAt\n    cost\n    counts {\n      ...CampaignCountsFields\n    }\n  }\n"): (typeof documents)["\n  query OverviewCampaigns($first: Int!) {\n    live: campaigns(filter: { statuses: [RUNNING, PAUSED, SCHEDULED] }, first: $first) {\n      items {\n        ...OverviewCampaign\n      }\n    }\n    finished: campaigns(filter: { statuses: [COMPLETED, FAILED, CANCELLED] }, first: $first) {\n      items {\n        ...OverviewCampaign\n      }\n    }\n  }\n  fragment OverviewCampaign on CampaignView {\n    id\n    name\n    status\n    pauseReasonText\n    scheduledAt\n    completedAt\n    cost\n    counts {\n      ...CampaignCountsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewStatistics($days: Int!) {\n    messageStatistics {\n      timeZone\n      today {\n        ...OverviewPeriod\n      }\n      last7Days {\n        ...OverviewPeriod\n      }\n      last30Days {\n        ...OverviewPeriod\n      }\n      daily(days: $days) {\n        day\n        sent\n        delivered\n        read\n        failed\n        spend\n      }\n    }\n  }\n  fragment OverviewPeriod on MessagePeriodStatistics {\n    sent\n    delivered\n    read\n    failed\n    deliveryRate\n    readRate\n    spend\n  }\n"): (typeof documents)["\n  query OverviewStatistics($days: Int!) {\n    messageStatistics {\n      timeZone\n      today {\n        ...OverviewPeriod\n      }\n      last7Days {\n        ...OverviewPeriod\n      }\n      last30Days {\n        ...OverviewPeriod\n      }\n      daily(days: $days) {\n        day\n        sent\n        delivered\n        read\n        failed\n        spend\n      }\n    }\n  }\n  fragment OverviewPeriod on MessagePeriodStatistics {\n    sent\n    delivered\n    read\n    failed\n    deliveryRate\n    readRate\n    spend\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCurrentPrices {\n    prices {\n      current {\n        category\n        amount\n        validFrom\n        workspaceId\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCurrentPrices {\n    prices {\n      current {\n        category\n        amount\n        validFrom\n        workspaceId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPriceHistory {\n    prices {\n      history {\n        category\n        amount\n        validFrom\n        workspaceId\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminPriceHistory {\n    prices {\n      history {\n        category\n        amount\n        validFrom\n        workspaceId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetPrice($input: SetPriceInput!) {\n    setPrice(input: $input) {\n      category\n      amount\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetPrice($input: SetPriceInput!) {\n    setPrice(input: $input) {\n      category\n      amount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChannelsPage {\n    channels {\n      id\n      name\n      phoneNumberId\n      wabaId\n      portfolioId\n      displayNumber\n      status\n      statusReason\n      quality\n      throughput\n      messagingLimit\n      messagingLimitUsed\n      messagingLimitRemaining\n      subscribed\n      checkedAt\n      lastWebhookAt\n      webhookSilent\n      createdAt\n    }\n    replyForwarding {\n      url\n      enabled\n    }\n  }\n"): (typeof documents)["\n  query ChannelsPage {\n    channels {\n      id\n      name\n      phoneNumberId\n      wabaId\n      portfolioId\n      displayNumber\n      status\n      statusReason\n      quality\n      throughput\n      messagingLimit\n      messagingLimitUsed\n      messagingLimitRemaining\n      subscribed\n      checkedAt\n      lastWebhookAt\n      webhookSilent\n      createdAt\n    }\n    replyForwarding {\n      url\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectChannel($input: ConnectChannelInput!) {\n    connectChannel(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation ConnectChannel($input: ConnectChannelInput!) {\n    connectChannel(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckChannel($id: ID!) {\n    checkChannel(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CheckChannel($id: ID!) {\n    checkChannel(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateChannelToken($id: ID!, $input: UpdateChannelInput!) {\n    updateChannel(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateChannelToken($id: ID!, $input: UpdateChannelInput!) {\n    updateChannel(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisconnectChannel($id: ID!) {\n    disconnectChannel(id: $id)\n  }\n"): (typeof documents)["\n  mutation DisconnectChannel($id: ID!) {\n    disconnectChannel(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetReplyForwarding($url: String!, $enabled: Boolean!, $rotateSecret: Boolean!) {\n    setReplyForwarding(url: $url, enabled: $enabled, rotateSecret: $rotateSecret) {\n      forwarding {\n        url\n        enabled\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation SetReplyForwarding($url: String!, $enabled: Boolean!, $rotateSecret: Boolean!) {\n    setReplyForwarding(url: $url, enabled: $enabled, rotateSecret: $rotateSecret) {\n      forwarding {\n        url\n        enabled\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactDetail($id: ID!) {\n    contact(id: $id) {\n      id\n      phone\n      name\n      tags\n      attributes {\n        key\n        value\n      }\n      source\n      consent {\n        at\n        source\n        statement\n      }\n      optedOut\n      optedOutAt\n      optedOutSource\n      marketingOptOut\n      marketingOptOutAt\n      marketingOptOutSource\n      reviewPendingAt\n      createdAt\n      updatedAt\n    }\n    contactHistory(contactId: $id, first: 50) {\n      id\n      kind\n      source\n      keyword\n      statement\n      decision\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query ContactDetail($id: ID!) {\n    contact(id: $id) {\n      id\n      phone\n      name\n      tags\n      attributes {\n        key\n        value\n      }\n      source\n      consent {\n        at\n        source\n        statement\n      }\n      optedOut\n      optedOutAt\n      optedOutSource\n      marketingOptOut\n      marketingOptOutAt\n      marketingOptOutSource\n      reviewPendingAt\n      createdAt\n      updatedAt\n    }\n    contactHistory(contactId: $id, first: 50) {\n      id\n      kind\n      source\n      keyword\n      statement\n      decision\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactReplies($id: ID!, $first: Int!, $after: String) {\n    contactReplies(contactId: $id, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          receivedAt\n          channelId\n          ...ReplyMediaFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactReplies($id: ID!, $first: Int!, $after: String) {\n    contactReplies(contactId: $id, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          receivedAt\n          channelId\n          ...ReplyMediaFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReplyChannels {\n    channels {\n      id\n      name\n      displayNumber\n    }\n  }\n"): (typeof documents)["\n  query ReplyChannels {\n    channels {\n      id\n      name\n      displayNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContactDetail($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateContactDetail($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OptInContactDetail($id: ID!, $kind: SuppressionKind!) {\n    optInContact(id: $id, kind: $kind) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation OptInContactDetail($id: ID!, $kind: SuppressionKind!) {\n    optInContact(id: $id, kind: $kind) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OptOutContactDetail($id: ID!, $kind: SuppressionKind!) {\n    optOutContacts(selection: { ids: [$id] }, kind: $kind) {\n      affected\n    }\n  }\n"): (typeof documents)["\n  mutation OptOutContactDetail($id: ID!, $kind: SuppressionKind!) {\n    optOutContacts(selection: { ids: [$id] }, kind: $kind) {\n      affected\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveContactReviewDetail($id: ID!, $decision: ReviewDecision!) {\n    resolveContactReview(id: $id, decision: $decision) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveContactReviewDetail($id: ID!, $decision: ReviewDecision!) {\n    resolveContactReview(id: $id, decision: $decision) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteContactDetail($id: ID!) {\n    deleteContacts(selection: { ids: [$id] }) {\n      affected\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteContactDetail($id: ID!) {\n    deleteContacts(selection: { ids: [$id] }) {\n      affected\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactsPage($filter: ContactFilter, $after: String) {\n    contacts(filter: $filter, first: 50, after: $after) {\n      totalCount\n      totalCountIsEstimate\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          phone\n          name\n          tags\n          optedOut\n          marketingOptOut\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactsPage($filter: ContactFilter, $after: String) {\n    contacts(filter: $filter, first: 50, after: $after) {\n      totalCount\n      totalCountIsEstimate\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          phone\n          name\n          tags\n          optedOut\n          marketingOptOut\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactSegments {\n    segments {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ContactSegments {\n    segments {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TagContacts($selection: ContactSelection!, $tag: String!) {\n    tagContacts(selection: $selection, tag: $tag) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TagContacts($selection: ContactSelection!, $tag: String!) {\n    tagContacts(selection: $selection, tag: $tag) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UntagContacts($selection: ContactSelection!, $tag: String!) {\n    untagContacts(selection: $selection, tag: $tag) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UntagContacts($selection: ContactSelection!, $tag: String!) {\n    untagContacts(selection: $selection, tag: $tag) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OptOutContacts($selection: ContactSelection!, $kind: SuppressionKind!) {\n    optOutContacts(selection: $selection, kind: $kind) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OptOutContacts($selection: ContactSelection!, $kind: SuppressionKind!) {\n    optOutContacts(selection: $selection, kind: $kind) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteContacts($selection: ContactSelection!) {\n    deleteContacts(selection: $selection) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteContacts($selection: ContactSelection!) {\n    deleteContacts(selection: $selection) {\n      affected\n      job {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportContacts($filter: ContactFilter) {\n    exportContacts(filter: $filter) {\n      url\n    }\n  }\n"): (typeof documents)["\n  mutation ExportContacts($filter: ContactFilter) {\n    exportContacts(filter: $filter) {\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveContactSegment($input: SaveSegmentInput!) {\n    saveSegment(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation SaveContactSegment($input: SaveSegmentInput!) {\n    saveSegment(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactImportProgress($id: ID!) {\n    contactImport(id: $id) {\n      id\n      fileName\n      status\n      processedRows\n      totalRows\n      createdRows\n      updatedRows\n      skippedRows\n      rejectedRows\n      reportUrl\n      failure\n    }\n  }\n"): (typeof documents)["\n  query ContactImportProgress($id: ID!) {\n    contactImport(id: $id) {\n      id\n      fileName\n      status\n      processedRows\n      totalRows\n      createdRows\n      updatedRows\n      skippedRows\n      rejectedRows\n      reportUrl\n      failure\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartContactImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation StartContactImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactBulkJobProgress($id: ID!) {\n    contactBulkJob(id: $id) {\n      id\n      action\n      status\n      processedRows\n      totalRows\n    }\n  }\n"): (typeof documents)["\n  query ContactBulkJobProgress($id: ID!) {\n    contactBulkJob(id: $id) {\n      id\n      action\n      status\n      processedRows\n      totalRows\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OptOutKeywords {\n    optOutKeywords\n  }\n"): (typeof documents)["\n  query OptOutKeywords {\n    optOutKeywords\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOptOutKeywords($keywords: [String!]!) {\n    setOptOutKeywords(keywords: $keywords)\n  }\n"): (typeof documents)["\n  mutation SetOptOutKeywords($keywords: [String!]!) {\n    setOptOutKeywords(keywords: $keywords)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContactByHand($input: CreateContactInput!) {\n    createContact(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateContactByHand($input: CreateContactInput!) {\n    createContact(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardServerInfo {\n    serverInfo {\n      version\n      time\n    }\n  }\n"): (typeof documents)["\n  query DashboardServerInfo {\n    serverInfo {\n      version\n      time\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokensPage {\n    apiTokens {\n      id\n      name\n      prefix\n      permissions\n      createdAt\n      lastUsedAt\n      revokedAt\n      createdBy {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiTokensPage {\n    apiTokens {\n      id\n      name\n      prefix\n      permissions\n      createdAt\n      lastUsedAt\n      revokedAt\n      createdBy {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogPage($cursor: String, $limit: Int!) {\n    auditLog(cursor: $cursor, limit: $limit) {\n      items {\n        id\n        action\n        actor {\n          id\n          name\n          email\n        }\n        actorTokenName\n        ip\n        target\n        details\n        createdAt\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query AuditLogPage($cursor: String, $limit: Int!) {\n    auditLog(cursor: $cursor, limit: $limit) {\n      items {\n        id\n        action\n        actor {\n          id\n          name\n          email\n        }\n        actorTokenName\n        ip\n        target\n        details\n        createdAt\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembersPage {\n    members {\n      id\n      joinedAt\n      user {\n        id\n        email\n        name\n        twoFactorEnabled\n      }\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n    }\n    roles {\n      id\n      key\n      name\n      builtIn\n    }\n  }\n"): (typeof documents)["\n  query MembersPage {\n    members {\n      id\n      joinedAt\n      user {\n        id\n        email\n        name\n        twoFactorEnabled\n      }\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n    }\n    roles {\n      id\n      key\n      name\n      builtIn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembersPageInvitations {\n    invitations {\n      id\n      email\n      status\n      expiresAt\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n    }\n  }\n"): (typeof documents)["\n  query MembersPageInvitations {\n    invitations {\n      id\n      email\n      status\n      expiresAt\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      url\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      url\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($invitationId: ID!) {\n    revokeInvitation(invitationId: $invitationId)\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($invitationId: ID!) {\n    revokeInvitation(invitationId: $invitationId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssuePasswordResetLink($memberId: ID!) {\n    issuePasswordResetLink(memberId: $memberId) {\n      url\n    }\n  }\n"): (typeof documents)["\n  mutation IssuePasswordResetLink($memberId: ID!) {\n    issuePasswordResetLink(memberId: $memberId) {\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      id\n      user {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      id\n      user {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($memberId: ID!) {\n    removeMember(memberId: $memberId)\n  }\n"): (typeof documents)["\n  mutation RemoveMember($memberId: ID!) {\n    removeMember(memberId: $memberId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      ip\n      userAgent\n      current\n    }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      ip\n      userAgent\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      language\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      language\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTwoFactorSetup {\n    startTwoFactorSetup {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n"): (typeof documents)["\n  mutation StartTwoFactorSetup {\n    startTwoFactorSetup {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableTwoFactor($input: EnableTwoFactorInput!) {\n    enableTwoFactor(input: $input) {\n      codes\n    }\n  }\n"): (typeof documents)["\n  mutation EnableTwoFactor($input: EnableTwoFactorInput!) {\n    enableTwoFactor(input: $input) {\n      codes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTwoFactor($input: DisableTwoFactorInput!) {\n    disableTwoFactor(input: $input)\n  }\n"): (typeof documents)["\n  mutation DisableTwoFactor($input: DisableTwoFactorInput!) {\n    disableTwoFactor(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateRecoveryCodes($input: RegenerateRecoveryCodesInput!) {\n    regenerateRecoveryCodes(input: $input) {\n      codes\n    }\n  }\n"): (typeof documents)["\n  mutation RegenerateRecoveryCodes($input: RegenerateRecoveryCodesInput!) {\n    regenerateRecoveryCodes(input: $input) {\n      codes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RolesPage {\n    roles {\n      id\n      key\n      name\n      builtIn\n      permissions\n      memberCount\n    }\n  }\n"): (typeof documents)["\n  query RolesPage {\n    roles {\n      id\n      key\n      name\n      builtIn\n      permissions\n      memberCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRole($roleId: ID!) {\n    deleteRole(roleId: $roleId)\n  }\n"): (typeof documents)["\n  mutation DeleteRole($roleId: ID!) {\n    deleteRole(roleId: $roleId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWorkspaceTimeZone($timeZone: WorkspaceTimeZone!) {\n    updateWorkspaceTimeZone(timeZone: $timeZone) {\n      id\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWorkspaceTimeZone($timeZone: WorkspaceTimeZone!) {\n    updateWorkspaceTimeZone(timeZone: $timeZone) {\n      id\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TemplateChannels {\n    channels {\n      id\n      name\n      displayNumber\n      phoneNumberId\n      wabaId\n    }\n  }\n"): (typeof documents)["\n  query TemplateChannels {\n    channels {\n      id\n      name\n      displayNumber\n      phoneNumberId\n      wabaId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TemplatesPage($channelId: ID, $first: Int!, $after: String) {\n    templates(channelId: $channelId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          language\n          category\n          parameterFormat\n          status\n          quality\n          components\n          unsupported\n          syncedAt\n          wabaId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n      lastSyncedAt\n    }\n  }\n"): (typeof documents)["\n  query TemplatesPage($channelId: ID, $first: Int!, $after: String) {\n    templates(channelId: $channelId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          language\n          category\n          parameterFormat\n          status\n          quality\n          components\n          unsupported\n          syncedAt\n          wabaId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n      lastSyncedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncTemplates($channelId: ID!) {\n    syncTemplates(channelId: $channelId)\n  }\n"): (typeof documents)["\n  mutation SyncTemplates($channelId: ID!) {\n    syncTemplates(channelId: $channelId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletPage {\n    wallet {\n      balance\n      held\n      available\n      debt\n    }\n  }\n"): (typeof documents)["\n  query WalletPage {\n    wallet {\n      balance\n      held\n      available\n      debt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletPaymentOrders($first: Int!, $after: String, $filter: PaymentOrderFilter) {\n    paymentOrders(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          orderId\n          status\n          amount\n          createdAt\n          paidAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query WalletPaymentOrders($first: Int!, $after: String, $filter: PaymentOrderFilter) {\n    paymentOrders(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          orderId\n          status\n          amount\n          createdAt\n          paidAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTopup($input: CreateTopupInput!) {\n    createTopup(input: $input) {\n      order {\n        orderId\n        status\n        amount\n      }\n      snapToken\n      redirectUrl\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTopup($input: CreateTopupInput!) {\n    createTopup(input: $input) {\n      order {\n        orderId\n        status\n        amount\n      }\n      snapToken\n      redirectUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckTopup($orderId: String!) {\n    checkTopup(orderId: $orderId) {\n      orderId\n      status\n      amount\n    }\n  }\n"): (typeof documents)["\n  mutation CheckTopup($orderId: String!) {\n    checkTopup(orderId: $orderId) {\n      orderId\n      status\n      amount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletBillingProfile {\n    billingProfile {\n      legalName\n      npwp\n      address\n      invoiceEmail\n    }\n  }\n"): (typeof documents)["\n  query WalletBillingProfile {\n    billingProfile {\n      legalName\n      npwp\n      address\n      invoiceEmail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBillingProfile($input: BillingProfileInput!) {\n    updateBillingProfile(input: $input) {\n      legalName\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBillingProfile($input: BillingProfileInput!) {\n    updateBillingProfile(input: $input) {\n      legalName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletLedger($first: Int!, $after: String, $filter: LedgerEntryFilter) {\n    ledgerEntries(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          kind\n          amount\n          heldDelta\n          balanceAfter\n          reference\n          actor\n          createdAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query WalletLedger($first: Int!, $after: String, $filter: LedgerEntryFilter) {\n    ledgerEntries(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          id\n          kind\n          amount\n          heldDelta\n          balanceAfter\n          reference\n          actor\n          createdAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletReceipt($orderId: String!) {\n    receipt(orderId: $orderId) {\n      number\n      title\n      issuedAt\n      subtotal\n      tax\n      total\n      lines {\n        description\n        amount\n      }\n      billedTo {\n        legalName\n        npwp\n        address\n        invoiceEmail\n      }\n      order {\n        orderId\n        status\n        paymentType\n      }\n    }\n  }\n"): (typeof documents)["\n  query WalletReceipt($orderId: String!) {\n    receipt(orderId: $orderId) {\n      number\n      title\n      issuedAt\n      subtotal\n      tax\n      total\n      lines {\n        description\n        amount\n      }\n      billedTo {\n        legalName\n        npwp\n        address\n        invoiceEmail\n      }\n      order {\n        orderId\n        status\n        paymentType\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForcedChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ForcedChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      workspaceName\n      expiresAt\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      workspaceName\n      expiresAt\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitationWithNewAccount($input: AcceptInvitationWithNewAccountInput!) {\n    acceptInvitationWithNewAccount(input: $input) {\n      status\n      sessionToken\n      mustChangePassword\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitationWithNewAccount($input: AcceptInvitationWithNewAccountInput!) {\n    acceptInvitationWithNewAccount(input: $input) {\n      status\n      sessionToken\n      mustChangePassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      status\n      sessionToken\n      challengeToken\n      mustChangePassword\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      status\n      sessionToken\n      challengeToken\n      mustChangePassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyTwoFactor($input: VerifyTwoFactorInput!) {\n    verifyTwoFactor(input: $input) {\n      status\n      sessionToken\n      mustChangePassword\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyTwoFactor($input: VerifyTwoFactorInput!) {\n    verifyTwoFactor(input: $input) {\n      status\n      sessionToken\n      mustChangePassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PasswordResetPreview($token: String!) {\n    passwordResetLink(token: $token) {\n      email\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query PasswordResetPreview($token: String!) {\n    passwordResetLink(token: $token) {\n      email\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletStatement($month: String!) {\n    monthlyStatement(month: $month) {\n      csv\n      filename\n    }\n  }\n"): (typeof documents)["\n  query WalletStatement($month: String!) {\n    monthlyStatement(month: $month) {\n      csv\n      filename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentUser {\n    me {\n      id\n      email\n      name\n      language\n      isPlatformAdmin\n      mustChangePassword\n      twoFactorEnabled\n      workspace {\n        id\n        name\n        timeZone\n      }\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n      permissions\n    }\n  }\n"): (typeof documents)["\n  query CurrentUser {\n    me {\n      id\n      email\n      name\n      language\n      isPlatformAdmin\n      mustChangePassword\n      twoFactorEnabled\n      workspace {\n        id\n        name\n        timeZone\n      }\n      role {\n        id\n        key\n        name\n        builtIn\n      }\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveAccountLanguage($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      language\n    }\n  }\n"): (typeof documents)["\n  mutation SaveAccountLanguage($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      language\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GlobalSearch($query: String!, $first: Int!) {\n    search(query: $query, first: $first) {\n      kind\n      id\n      title\n      detail\n      link\n      rank\n    }\n  }\n"): (typeof documents)["\n  query GlobalSearch($query: String!, $first: Int!) {\n    search(query: $query, first: $first) {\n      kind\n      id\n      title\n      detail\n      link\n      rank\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;