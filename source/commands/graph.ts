import {UserError} from '../model/user-error.js';
import type {Command} from './command.js';

export const graphCommand: Command = {
	name: 'graph',
	summary: '',
	usage: 'sfntop graph',
	flags: {},
	flagHelp: [],
	async run() {
		throw new UserError('sfntop graph is not built yet');
	},
};
