import {BulkPrompt, bulkPromptHeight} from './bulk-prompt.js';
import type {PromptRequest} from './dashboard-context.js';
import {RedrivePrompt, redrivePromptHeight} from './redrive-prompt.js';
import {StartPrompt, startPromptHeight} from './start-prompt.js';
import {StopPrompt, stopPromptHeight} from './stop-prompt.js';

export type PromptResult = {message: string; isError?: boolean; executionArn?: string};

const heights: Record<PromptRequest['kind'], number> = {start: startPromptHeight, stop: stopPromptHeight, redrive: redrivePromptHeight, bulk: bulkPromptHeight};

/** The rows a prompt takes at the bottom of the screen. */
export function promptHeight(request: PromptRequest): number {
	return heights[request.kind];
}

/** The prompt for a request: start, stop, redrive, or a bulk stop or redrive of the selection. */
export function PromptOverlay({request, width, onClose}: {request: PromptRequest; width: number; onClose: (result?: PromptResult) => void}) {
	switch (request.kind) {
		case 'start': {
			return <StartPrompt machineArn={request.machineArn} machineName={request.machineName} width={width} onClose={onClose}/>;
		}

		case 'stop': {
			return <StopPrompt executionArn={request.executionArn} width={width} onClose={onClose}/>;
		}

		case 'redrive': {
			return <RedrivePrompt executionArn={request.executionArn} width={width} onClose={onClose}/>;
		}

		case 'bulk': {
			return <BulkPrompt action={request.action} executions={request.executions} width={width} onClose={onClose}/>;
		}
	}
}
