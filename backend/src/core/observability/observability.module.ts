import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { ImportObserver } from './import-observer.js';
import { createLogger, useProcessLogger, type Logger } from './logger.js';
import { Metrics } from './metrics.js';
import { MetricsController } from './metrics.controller.js';
import { LOGGER, RequestObserver } from './request-observer.js';

/** Logs (pino), request ids, Prometheus metrics and the drain of requests at shutdown. */
@Global()
@Module({})
export class ObservabilityModule {
  /** `logger`: main.ts's, made before Nest starts; an app built by tests gets one from its configuration. */
  static forRoot(config: AppConfig, logger?: Logger): DynamicModule {
    const log =
      logger ?? createLogger({ level: config.observability.logLevel, format: config.observability.logFormat });
    useProcessLogger(log);
    return {
      module: ObservabilityModule,
      controllers: [MetricsController],
      providers: [{ provide: LOGGER, useValue: log }, Metrics, RequestObserver, ImportObserver],
      exports: [LOGGER, Metrics, RequestObserver, ImportObserver],
    };
  }
}
