import { ApiToken, AuditLog, Membership, Role, Session, User, Workspace } from '../modules/identity';

/** Every entity the ORM knows, listed explicitly (no folder scanning at start-up). */
export const entities = [Workspace, User, Role, Membership, Session, ApiToken, AuditLog];
