import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TrimmedLength } from '../../graphql/validators';
import { Permission } from './permissions';
import { WorkspaceTimeZone } from './time-zones';

export enum LanguageCode {
  EN = 'en',
  ID = 'id',
}
registerEnumType(LanguageCode, { name: 'Language', description: 'Dashboard and message language.' });

export enum LoginStatus {
  SIGNED_IN = 'SIGNED_IN',
  TWO_FACTOR_REQUIRED = 'TWO_FACTOR_REQUIRED',
}
registerEnumType(LoginStatus, { name: 'LoginStatus' });

@ObjectType()
export class LoginResult {
  @Field(() => LoginStatus)
  status!: LoginStatus;

  @Field(() => String, { nullable: true, description: 'When SIGNED_IN: the session token (a bearer credential).' })
  sessionToken?: string;

  @Field(() => String, {
    nullable: true,
    description: 'When TWO_FACTOR_REQUIRED: send it with the code to verifyTwoFactor.',
  })
  challengeToken?: string;

  @Field()
  mustChangePassword!: boolean;
}

@ObjectType()
export class Workspace {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() slug!: string;
  @Field(() => WorkspaceTimeZone, { description: 'The zone its times are shown in (WIB unless changed).' })
  timeZone!: WorkspaceTimeZone;
  @Field() createdAt!: Date;
}

@ObjectType()
export class Role {
  @Field(() => ID) id!: string;
  @Field() key!: string;
  @Field() name!: string;
  @Field() builtIn!: boolean;
  @Field(() => [Permission]) permissions!: Permission[];
  @Field(() => Int) memberCount!: number;
}

@ObjectType()
export class WorkspaceMembership {
  @Field(() => Workspace) workspace!: Workspace;
  @Field(() => Role) role!: Role;
}

@ObjectType()
export class Me {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => LanguageCode) language!: LanguageCode;
  @Field() isPlatformAdmin!: boolean;
  @Field() mustChangePassword!: boolean;
  @Field() twoFactorEnabled!: boolean;
  @Field(() => Workspace, { nullable: true, description: 'The workspace this session acts in.' }) workspace?: Workspace;
  @Field(() => Role, { nullable: true }) role?: Role;
  @Field(() => [Permission], { description: 'Effective permissions in the active workspace.' })
  permissions!: Permission[];
  @Field(() => [WorkspaceMembership]) workspaces!: WorkspaceMembership[];
}

@ObjectType()
export class Session {
  @Field(() => ID) id!: string;
  @Field() createdAt!: Date;
  @Field() lastSeenAt!: Date;
  @Field() expiresAt!: Date;
  @Field(() => String, { nullable: true }) ip?: string | null;
  @Field(() => String, { nullable: true }) userAgent?: string | null;
  @Field() current!: boolean;
}

@ObjectType()
export class TwoFactorSetup {
  @Field() secret!: string;
  @Field() otpauthUri!: string;
  @Field({ description: 'An SVG document with the QR code of otpauthUri.' }) qrCodeSvg!: string;
}

@ObjectType()
export class RecoveryCodes {
  @Field(() => [String], { description: 'Ten single-use codes, shown once.' }) codes!: string[];
}

@ObjectType()
export class MemberUser {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field() twoFactorEnabled!: boolean;
}

@ObjectType()
export class Member {
  @Field(() => ID) id!: string;
  @Field(() => MemberUser) user!: MemberUser;
  @Field(() => Role) role!: Role;
  @Field() joinedAt!: Date;
}

@ObjectType('ApiToken')
export class ApiTokenView {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() prefix!: string;
  @Field(() => [Permission]) permissions!: Permission[];
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt?: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt?: Date | null;
  @Field(() => MemberUser, { nullable: true }) createdBy?: MemberUser;
}

@ObjectType()
export class CreatedApiToken {
  @Field({ description: 'The token itself: shown once, never again.' }) token!: string;
  @Field(() => ApiTokenView) apiToken!: ApiTokenView;
}

@ObjectType()
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field() action!: string;
  @Field(() => MemberUser, { nullable: true }) actor?: MemberUser;
  @Field(() => String, { nullable: true }) actorTokenName?: string | null;
  @Field(() => String, { nullable: true }) ip?: string | null;
  @Field(() => String, { nullable: true }) target?: string | null;
  @Field(() => String, { nullable: true, description: 'Event details as JSON.' }) details?: string | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class AuditPage {
  @Field(() => [AuditEntry]) items!: AuditEntry[];
  @Field(() => String, { nullable: true }) nextCursor?: string;
}

@InputType()
export class LoginInput {
  @Field() @Length(3, 254) email!: string;
  @Field() @Length(1, 128) password!: string;
}

@InputType()
export class VerifyTwoFactorInput {
  @Field() @Length(10, 200) challengeToken!: string;
  @Field() @Length(6, 20) code!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() @Length(1, 128) currentPassword!: string;
  @Field() @Length(1, 128) newPassword!: string;
}

@InputType()
export class UpdateProfileInput {
  @Field() @TrimmedLength(1, 120) name!: string;
  @Field(() => LanguageCode) @IsIn(Object.values(LanguageCode)) language!: LanguageCode;
}

@InputType()
export class EnableTwoFactorInput {
  @Field() @Length(6, 20) code!: string;
  @Field() @Length(1, 128) password!: string;
}

@InputType({ description: 'The password and a current code from the app (or an unused recovery code).' })
export class RegenerateRecoveryCodesInput {
  @Field() @Length(1, 128) password!: string;
  @Field() @Length(6, 20) code!: string;
}

@InputType()
export class DisableTwoFactorInput {
  @Field() @Length(1, 128) password!: string;
  @Field() @Length(6, 20) code!: string;
}

@InputType()
export class InviteMemberInput {
  @Field() @IsEmail() @Length(3, 254) email!: string;
  @Field(() => ID) @IsUUID('all') roleId!: string;
}

@InputType()
export class ChangeMemberRoleInput {
  @Field(() => ID) @IsUUID('all') memberId!: string;
  @Field(() => ID) @IsUUID('all') roleId!: string;
}

@InputType()
export class CreateRoleInput {
  @Field() @TrimmedLength(2, 60) name!: string;
  @Field(() => [Permission]) @IsArray() @ArrayMaxSize(50) permissions!: Permission[];
}

@InputType()
export class UpdateRoleInput {
  @Field(() => ID) @IsUUID('all') roleId!: string;
  @Field() @TrimmedLength(2, 60) name!: string;
  @Field(() => [Permission]) @IsArray() @ArrayMaxSize(50) permissions!: Permission[];
}

@InputType()
export class CreateApiTokenInput {
  @Field() @TrimmedLength(2, 80) name!: string;
  @Field(() => [Permission]) @IsArray() @ArrayMaxSize(50) permissions!: Permission[];
}

@ArgsType()
export class AuditLogArgs {
  @Field(() => String, { nullable: true }) @IsOptional() cursor?: string;
  @Field(() => Int, { defaultValue: 50 }) @Min(1) @Max(200) limit!: number;
}

@ObjectType()
export class WorkspaceSummary {
  @Field(() => Workspace) workspace!: Workspace;
  @Field(() => Int) memberCount!: number;
}

@ObjectType()
export class CreateWorkspaceResult {
  @Field(() => Workspace) workspace!: Workspace;
  @Field({ description: 'The first Owner’s invitation link (7 days, one use): shown once, hand it over.' })
  ownerInvitationUrl!: string;
}

@InputType()
export class CreateWorkspaceInput {
  @Field() @TrimmedLength(2, 120) name!: string;
  @Field() @IsEmail() @Length(3, 254) ownerEmail!: string;
}

export enum InvitationStatus {
  PENDING = 'PENDING',
  EXPIRED = 'EXPIRED',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

@ObjectType()
export class RoleSummary {
  @Field(() => ID) id!: string;
  @Field() key!: string;
  @Field() name!: string;
  @Field() builtIn!: boolean;
}

@ObjectType({ description: 'An invitation to the active workspace. The link itself is shown only once, on creation.' })
export class Invitation {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => RoleSummary) role!: RoleSummary;
  @Field(() => InvitationStatus) status!: InvitationStatus;
  @Field(() => MemberUser) invitedBy!: MemberUser;
  @Field() createdAt!: Date;
  @Field() expiresAt!: Date;
}

@ObjectType()
export class CreatedInvitation {
  @Field(() => Invitation) invitation!: Invitation;
  @Field({ description: 'The one-time link (7 days): shown once, never again. Hand it to the invitee.' })
  url!: string;
}

@ObjectType({ description: 'What an invitation link shows its holder before accepting.' })
export class InvitationPreview {
  @Field() email!: string;
  @Field() workspaceName!: string;
  @Field(() => RoleSummary) role!: RoleSummary;
  @Field() expiresAt!: Date;
}

@InputType()
export class AcceptInvitationWithNewAccountInput {
  @Field() @Length(10, 200) token!: string;
  @Field() @TrimmedLength(1, 120) name!: string;
  @Field() @Length(1, 128) password!: string;
  @Field(() => LanguageCode, { nullable: true, description: 'The language the invitee read the page in.' })
  @IsOptional()
  @IsIn(Object.values(LanguageCode))
  language?: LanguageCode;
}

@ObjectType()
export class IssuedResetLink {
  @Field({ description: 'The one-time link (24 hours): shown once. Using it ends every session of the account.' })
  url!: string;
  @Field() expiresAt!: Date;
}

@ObjectType()
export class PasswordResetPreview {
  @Field() email!: string;
  @Field() expiresAt!: Date;
}

@InputType()
export class ResetPasswordInput {
  @Field() @Length(10, 200) token!: string;
  @Field() @Length(1, 128) password!: string;
}
