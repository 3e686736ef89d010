import { createParameterDecorator } from 'type-graphql';
import { AppError } from '../core/app-error';
import type { Identity, SessionIdentity, WorkspaceIdentity } from '../modules/identity/identity';
import type { GraphQLContext } from './context';

/**
 * The acting identity as a resolver parameter, typed so no resolver needs `!`.
 * The field's access rule (authorization.ts) has already run; these only narrow the type,
 * and refuse as the checker would if a field's rule and its parameter disagree.
 */

/** The signed-in user or token (every field whose rule is not `@Public`). */
export function Caller() {
  return createParameterDecorator<GraphQLContext>(({ context }): Identity => {
    if (!context.identity) throw new AppError('UNAUTHENTICATED', 'auth.signInRequired');
    return context.identity;
  });
}

/** The caller acting in its active workspace (fields marked `@Requires`). */
export function WorkspaceCaller() {
  return createParameterDecorator<GraphQLContext>(({ context }): WorkspaceIdentity => {
    const identity = context.identity;
    if (!identity) throw new AppError('UNAUTHENTICATED', 'auth.signInRequired');
    if (!identity.workspaceId) throw new AppError('FORBIDDEN', 'auth.forbidden');
    return identity as WorkspaceIdentity;
  });
}

/** The person behind a session (fields marked `@SessionOnly`). */
export function SessionCaller() {
  return createParameterDecorator<GraphQLContext>(({ context }): SessionIdentity => {
    const identity = context.identity;
    if (!identity) throw new AppError('UNAUTHENTICATED', 'auth.signInRequired');
    if (identity.kind !== 'session' || !identity.sessionId) throw new AppError('FORBIDDEN', 'auth.sessionOnly');
    return identity as SessionIdentity;
  });
}
