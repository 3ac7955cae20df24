import {UserError} from '../model/user-error.js';
import type {Command} from './command.js';

export const startCommand: Command = {
	name: 'start',
	summary: '',
	usage: 'sfntop start',
	flags: {},
	flagHelp: [],
	async run() {
		throw new UserError('sfntop start is not built yet');
	},
};
