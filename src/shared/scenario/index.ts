export * from './types'
export { parseScenario, parseScenarioValue, parseScenarioWith, MAX_SCENARIO_BYTES, SCENARIO_VERSIONS } from './parse'
export { writeScenario, canonicalScenario, usesVersion2, type ScenarioFile } from './write'
export { SCENARIO_FORMAT, type ScenarioVersion } from './versions'
