import { Workspace } from '../modules/identity';

/** Every entity the ORM knows, listed explicitly (no folder scanning at start-up). */
export const entities = [Workspace];
