export * from './reference.js';
export * from './csv.js';
export * from './random.js';
export * from './demo/local-organizations.js';
export * from './demo/generator.js';
