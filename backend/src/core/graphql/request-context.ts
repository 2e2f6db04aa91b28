import type { Request } from 'express';
import type DataLoader from 'dataloader';
import type { SourceModel } from '../../modules/source/dto/source.model.js';
import type { Actor } from '../auth/actor.js';

/** Per-request loaders batch lookups that many rows share (no query per row). */
export interface Loaders {
  source: DataLoader<string, SourceModel | null>;
}

export interface RequestContext {
  req: Request;
  loaders: Loaders;
  actor: Actor | null;
  /** Why a presented token was not accepted (expired, revoked…), for a clear UNAUTHENTICATED message. */
  authProblem: string | null;
  /** Set by callers that may only read (the export endpoint): any mutation is refused before it runs. */
  queriesOnly?: boolean;
}
