import {UserError} from '../model/user-error.js';
import type {Command} from './command.js';

export const replayCommand: Command = {
	name: 'replay',
	summary: '',
	usage: 'sfntop replay',
	flags: {},
	flagHelp: [],
	async run() {
		throw new UserError('sfntop replay is not built yet');
	},
};
