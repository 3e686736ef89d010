export { systemModule } from './system.module';
export { checkReadiness, type ReadinessCheck, type ReadinessReport } from './readiness';
