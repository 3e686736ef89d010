export { systemModule } from './system.module';
export { checkReadiness, NotReady, type ReadinessCheck, type ReadinessReport } from './readiness';
