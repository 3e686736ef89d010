export { SystemResolver } from './system.resolver';
export { SystemService } from './system.service';
export { checkReadiness, type ReadinessCheck, type ReadinessReport } from './readiness';
