/** "Now", injected so that entry windows and deadlines can be tested on fixed dates. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
