import {UserError} from '../model/user-error.js';
import type {Command} from './command.js';

export const lsCommand: Command = {
	name: 'ls',
	summary: '',
	usage: 'sfntop ls',
	flags: {},
	flagHelp: [],
	async run() {
		throw new UserError('sfntop ls is not built yet');
	},
};
