import { graphql } from '../../graphql';

export const UpdateWorkspaceTimeZoneMutation = graphql(`
  mutation UpdateWorkspaceTimeZone($timeZone: WorkspaceTimeZone!) {
    updateWorkspaceTimeZone(timeZone: $timeZone) {
      id
      timeZone
    }
  }
`);
