// The verdict lives in src/shared/present so the HTML report says exactly what the screen says.
export * from '../../../shared/present/verdict'
