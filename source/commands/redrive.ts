import {UserError} from '../model/user-error.js';
import type {Command} from './command.js';

export const redriveCommand: Command = {
	name: 'redrive',
	summary: '',
	usage: 'sfntop redrive',
	flags: {},
	flagHelp: [],
	async run() {
		throw new UserError('sfntop redrive is not built yet');
	},
};
