import {UserError} from '../model/user-error.js';
import type {Command} from './command.js';

export const dashboardCommand: Command = {
	name: 'dashboard',
	summary: '',
	usage: 'sfntop dashboard',
	flags: {},
	flagHelp: [],
	async run() {
		throw new UserError('sfntop dashboard is not built yet');
	},
};
