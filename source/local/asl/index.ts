/*
 * The States Language data rules: what flows into and out of states, and
 * definition validation. The only module engine/ and the API import from
 * source/local/asl (see /work/tools/ASL-ENGINE-CONTRACT.md for the split:
 * asl says what data a state sees and produces; the engine decides which
 * state runs when and writes the history). Pure: no I/O, no timers; JSONata
 * evaluation is async.
 */
export type {AslBranch, AslDefinition, AslState, Catcher, ChoiceRule, ContextObject, Diagnostic, JsonValue, QueryLanguage, Retrier, StateType} from './types.js';
export {StatesError} from './states-error.js';
export {VariableScope} from './variable-scope.js';
export type {StateEnv, StateExit} from './state-env.js';
export {queryLanguageOf} from './query-language.js';
export {effectiveInput, stateResult, stateOutput, caughtOutput} from './state-io.js';
export {choose, type ChoiceOutcome} from './choice.js';
export {waitUntil} from './wait.js';
export {mapItems, mapItemInput} from './map-items.js';
export {mapBatches} from './map-batches.js';
export {failDetails} from './fail-details.js';
export {numericField, type NumericField} from './numeric-field.js';
export {validateDefinition, type ValidationOptions, type ValidationResult} from './validation/validate-definition.js';
export {invalidDefinitionMessage} from './validation/invalid-definition-message.js';
