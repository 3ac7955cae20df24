import {UserError} from '../model/user-error.js';
import type {Command} from './command.js';

export const tailCommand: Command = {
	name: 'tail',
	summary: '',
	usage: 'sfntop tail',
	flags: {},
	flagHelp: [],
	async run() {
		throw new UserError('sfntop tail is not built yet');
	},
};
