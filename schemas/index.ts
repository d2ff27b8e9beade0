export * from './source-document.js'
export * from './plan.js'
export * from './diagnostic.js'
