// Bands live in src/shared/present so the HTML report and the stress grid use the same scale.
export * from '../../../shared/present/bands'
