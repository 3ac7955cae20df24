import {randomUUID} from 'node:crypto';
import {mapBatches, mapItemInput, mapItems, numericField, type AslDefinition} from '../../asl/index.js';
import {fairTurn} from '../fair-turn.js';
import {containerExit} from '../container-exit.js';
import {StateFailure} from '../failure.js';
import {MapRun} from '../map-run.js';
import {runMapRunChildren} from '../map-run-children.js';
import {payloadText} from '../payload-limit.js';
import {type StateCall, type StateExit} from '../run-states.js';

/** The item processor as a definition of its own (what the children run), made once per state. */
const processorDefinitions = new WeakMap<object, {definition: AslDefinition; text: string}>();

function processorOf(call: StateCall): {definition: AslDefinition; text: string} {
	const {state, run} = call;
	let known = processorDefinitions.get(state.definition);
	if (!known) {
		const processor = state.definition.ItemProcessor!;
		const language = run.machine.definition.QueryLanguage;
		const definition: AslDefinition = {...(language && {QueryLanguage: language}), StartAt: processor.StartAt, States: processor.States};
		known = {definition, text: JSON.stringify(definition)};
		processorDefinitions.set(state.definition, known);
	}

	return known;
}

/**
 * Distributed Map (ItemProcessor.ProcessorConfig.Mode DISTRIBUTED): a map
 * run whose children are executions of their own (STANDARD or EXPRESS), one
 * per item or per ItemBatcher batch, with their own histories and fresh
 * variables. The parent's history holds no iteration events, as on AWS
 * (recorded in LocalStack v2/scenarios/test_base_scenarios.snapshot.json
 * test_map_state_tolerated_failure_*, test_map_state_config_distributed_*):
 * MapStateStarted {length}, MapRunStarted {mapRunArn}, then MapRunSucceeded
 * (MapStateSucceeded and the exit point at it) or MapRunFailed {error, cause}
 * and MapStateFailed. A redrive of the parent redrives the same map run
 * (MapRunRedriven): only the children that did not succeed run again.
 *
 * ItemReader and ResultWriter read and write S3, which serve does not have:
 * such a Map fails at run time with States.ItemReaderFailed /
 * States.ResultWriterFailed and a cause saying so (the definition itself is
 * valid, as on AWS, so it is accepted at create).
 */
export async function runDistributedMap(call: StateCall): Promise<StateExit> {
	const {state, lane, run} = call;
	const {definition} = state;
	const {host} = run.options;
	const label = definition.Label ?? state.name;
	const machineArn = `${run.identity.machineArn}/${label}`;
	const previous = run.takeKept(state) === undefined ? undefined : host?.mapRunOf(run.identity.executionArn, machineArn);
	return containerExit(call, 'MapStateFailed', async () => {
		if (!host) {
			throw new StateFailure('States.Runtime', 'This execution cannot start child executions.', true);
		}

		if (definition.ItemReader) {
			throw new StateFailure('States.ItemReaderFailed', 'sfntop serve has no S3, so ItemReader cannot read items: pass the items in the state input (ItemsPath, or Items with JSONata).');
		}

		if (definition.ResultWriter) {
			throw new StateFailure('States.ResultWriterFailed', 'sfntop serve has no S3, so ResultWriter cannot write results: remove ResultWriter and the results come back as the Map\'s output.');
		}

		const env = call.env();
		const items = await mapItems(definition, call.input, env);
		const maxConcurrency = await numericField(definition, 'MaxConcurrency', call.input, env) ?? 0;
		const itemInputs: unknown[] = [];
		for (const [index, item] of items.entries()) {
			itemInputs.push(await mapItemInput(definition, item, index, call.input, env));
			await fairTurn();
		}

		const inputs = await mapBatches(definition, itemInputs, call.input, env);
		lane.write('MapStateStarted', {length: items.length});
		const toleratedFailureCount = await numericField(definition, 'ToleratedFailureCount', call.input, env);
		const toleratedFailurePercentage = await numericField(definition, 'ToleratedFailurePercentage', call.input, env);
		const itemsPer = (input: unknown) => (definition.ItemBatcher && typeof input === 'object' && input !== null && Array.isArray((input as {Items?: unknown}).Items) ? (input as {Items: unknown[]}).Items.length : 1);
		const redriving = previous && previous.record.status !== 'RUNNING' && previous.record.status !== 'SUCCEEDED' && previous.record.children.length === inputs.length ? previous : undefined;
		const mapRun = redriving ?? new MapRun({
			mapRunArn: `${run.identity.machineArn.replace(':stateMachine:', ':mapRun:')}/${label}:${randomUUID()}`,
			executionArn: run.identity.executionArn,
			stateMachineArn: machineArn,
			status: 'RUNNING',
			startDate: Date.now(),
			maxConcurrency,
			toleratedFailureCount: toleratedFailureCount ?? 0,
			toleratedFailurePercentage: toleratedFailurePercentage ?? 0,
			tolerancesGiven: [...(toleratedFailureCount === undefined ? [] : ['count' as const]), ...(toleratedFailurePercentage === undefined ? [] : ['percentage' as const])],
			redriveCount: 0,
			children: inputs.map(input => ({items: itemsPer(input), status: 'PENDING'})),
		});
		const kept = new Map<number, unknown>();
		const redrive = new Set<number>();
		if (redriving) {
			redriving.redriven();
			for (const [index, child] of redriving.record.children.entries()) {
				if (child.status === 'SUCCEEDED') {
					kept.set(index, JSON.parse(host.executionOutput(child.executionArn ?? '') ?? 'null') as unknown);
				} else if (child.executionArn && definition.ItemProcessor?.ProcessorConfig?.ExecutionType !== 'EXPRESS') {
					redrive.add(index);
				}
			}

			lane.write('MapRunRedriven', {mapRunArn: mapRun.arn, redriveCount: mapRun.record.redriveCount});
		} else {
			host.registerMapRun(mapRun);
			lane.write('MapRunStarted', {mapRunArn: mapRun.arn});
		}

		const processor = processorOf(call);
		const stopWatching = run.onStop(() => {
			lane.note('MapRunAborted');
		});
		try {
			const outputs = await runMapRunChildren(host, mapRun, lane, {
				inputs: inputs.map(input => payloadText(input)),
				kept,
				redrive,
				child: {mapRun, definition: processor.definition, definitionText: processor.text, type: definition.ItemProcessor?.ProcessorConfig?.ExecutionType ?? 'STANDARD', roleArn: run.identity.roleArn, machineArn, machineName: `${run.identity.machineName}/${label}`},
			});
			mapRun.finish('SUCCEEDED');
			lane.write('MapRunSucceeded');
			lane.note('MapStateSucceeded');
			return outputs;
		} catch (error) {
			if (lane.aborted || !(error instanceof StateFailure)) {
				mapRun.finish('ABORTED');
				throw error;
			}

			mapRun.finish('FAILED');
			lane.write('MapRunFailed', error.details());
			throw error;
		} finally {
			stopWatching();
		}
	});
}
