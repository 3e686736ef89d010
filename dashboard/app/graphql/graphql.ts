/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Dashboard and message language. */
export type Language =
  | 'EN'
  | 'ID';

/** What a role or an API token may do in a workspace. */
export type Permission =
  | 'AUDIT_READ'
  | 'CAMPAIGNS_READ'
  | 'CAMPAIGNS_SEND'
  | 'CAMPAIGNS_WRITE'
  | 'CHANNELS_MANAGE'
  | 'CHANNELS_READ'
  | 'CONTACTS_READ'
  | 'CONTACTS_WRITE'
  | 'MEMBERS_MANAGE'
  | 'MEMBERS_READ'
  | 'PAYMENTS_READ'
  | 'ROLES_MANAGE'
  | 'TEMPLATES_READ'
  | 'TEMPLATES_WRITE'
  | 'TOKENS_MANAGE'
  | 'WALLET_READ'
  | 'WALLET_TOPUP'
  | 'WORKSPACE_MANAGE';

export type DashboardServerInfoQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardServerInfoQuery = { serverInfo: { version: string, time: string } };

export type CurrentUserQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentUserQuery = { me: { id: string, email: string, name: string, language: Language, isPlatformAdmin: boolean, mustChangePassword: boolean, twoFactorEnabled: boolean, permissions: Array<Permission>, workspace: { id: string, name: string } | null, role: { id: string, key: string, name: string, builtIn: boolean } | null } };


export const DashboardServerInfoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardServerInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"time"}}]}}]}}]} as unknown as DocumentNode<DashboardServerInfoQuery, DashboardServerInfoQueryVariables>;
export const CurrentUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CurrentUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"isPlatformAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}}]} as unknown as DocumentNode<CurrentUserQuery, CurrentUserQueryVariables>;