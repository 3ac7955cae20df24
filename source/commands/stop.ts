import {UserError} from '../model/user-error.js';
import type {Command} from './command.js';

export const stopCommand: Command = {
	name: 'stop',
	summary: '',
	usage: 'sfntop stop',
	flags: {},
	flagHelp: [],
	async run() {
		throw new UserError('sfntop stop is not built yet');
	},
};
