export { Workspace } from './workspace.entity';
