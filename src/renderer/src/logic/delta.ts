// Deltas live in src/shared/present so the HTML report shows exactly what the screen shows.
export * from '../../../shared/present/delta'
